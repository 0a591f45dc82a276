package audits

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"jawnosc/registry"
)

// recruitmentSignals: a board appointment without an open procedure, and an open
// competition whose application window (announcement to deadline) is shorter than
// RecruitmentMinDays. Published recruitments only.
func recruitmentSignals(ctx context.Context, tx *sql.Tx, companyID int64, _ Thresholds) ([]*Signal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT r.entry_id, r.body, r.position, r.procedure, r.announced_on, r.decided_on,
		COALESCE(json_extract(v.data, '$.application_deadline'), '')
		FROM recruitments r JOIN entries e ON e.id = r.entry_id JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.version
		WHERE r.company_id = ? AND e.status = 'published' ORDER BY r.decided_on, r.entry_id`, companyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Signal
	for rows.Next() {
		var id int64
		var body, position, procedure string
		var announced, decided, deadline registry.Date
		if err := rows.Scan(&id, &body, &position, &procedure, &announced, &decided, &deadline); err != nil {
			return nil, err
		}
		label := position + " (" + registry.LabelOf(registry.Bodies, body) + ")"
		on := decided
		if on == "" {
			on = announced
		}
		entry := []SignalEntry{{EntryID: id, Kind: registry.KindRecruitment, Label: label, Date: on, URL: entryURL(registry.KindRecruitment, id)}}
		switch {
		case procedure == registry.ProcedureWithout:
			out = append(out, &Signal{Rule: RuleRecruitment, Date: on, Entries: entry,
				Reason: fmt.Sprintf("Stanowisko %s obsadzono bez otwartego postępowania kwalifikacyjnego (uchwała z %s).", label, on.Polish())})
		case announced != "" && deadline != "":
			if d := registry.DaysBetween(announced, deadline); d < RecruitmentMinDays {
				out = append(out, &Signal{Rule: RuleRecruitment, Date: on, Entries: entry,
					Reason: fmt.Sprintf("Na zgłoszenia na stanowisko %s dano %d dni (ogłoszenie %s, termin %s); sygnał pojawia się przy terminie krótszym niż %d dni.",
						label, d, announced.Polish(), deadline.Polish(), RecruitmentMinDays)})
			}
		}
	}
	return out, rows.Err()
}

// adFact is one published advertising order as the concentration rule reads it.
type adFact struct {
	ID       int64
	Outlet   string
	Campaign string
	Start    registry.Date
	Amount   registry.Money
}

// halfYear names the half-year of a date: "2026-H1" (January–June) or "2026-H2".
func halfYear(d registry.Date) string {
	if len(d) < 7 {
		return ""
	}
	if d[5:7] <= "06" {
		return string(d[:4]) + "-H1"
	}
	return string(d[:4]) + "-H2"
}

// adSignals: in a half-year (by the start of each order), one outlet taking more than
// AdConcentrationPct percent of the company's advertising spending (PLN, gross).
func adSignals(ctx context.Context, tx *sql.Tx, companyID int64, _ Thresholds) ([]*Signal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.entry_id, a.outlet_name, a.campaign, a.period_start, a.amount_gross
		FROM ads a JOIN entries e ON e.id = a.entry_id
		WHERE a.company_id = ? AND e.status = 'published' AND a.currency = 'PLN' ORDER BY a.period_start, a.entry_id`, companyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byHalf := map[string][]adFact{}
	for rows.Next() {
		var a adFact
		if err := rows.Scan(&a.ID, &a.Outlet, &a.Campaign, &a.Start, &a.Amount); err != nil {
			return nil, err
		}
		if h := halfYear(a.Start); h != "" {
			byHalf[h] = append(byHalf[h], a)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []*Signal
	for _, h := range sortedKeys(byHalf) {
		ads := byHalf[h]
		var total registry.Money
		perOutlet := map[string]registry.Money{}
		for _, a := range ads {
			total += a.Amount
			perOutlet[a.Outlet] += a.Amount
		}
		outlets := sortedKeys(perOutlet)
		sort.SliceStable(outlets, func(i, j int) bool { return perOutlet[outlets[i]] > perOutlet[outlets[j]] })
		if len(outlets) == 0 || total <= 0 {
			continue
		}
		top := outlets[0]
		if int64(perOutlet[top])*100 <= int64(total)*AdConcentrationPct {
			continue
		}
		var entries []SignalEntry
		var last registry.Date
		for _, a := range ads {
			if a.Outlet == top && len(entries) < maxEntriesPerSignal {
				entries = append(entries, SignalEntry{EntryID: a.ID, Kind: registry.KindAd, Label: a.Outlet + ": " + a.Campaign,
					Date: a.Start, Amount: a.Amount, URL: entryURL(registry.KindAd, a.ID)})
				last = a.Start
			}
		}
		half := map[byte]string{'1': "pierwszym", '2': "drugim"}[h[len(h)-1]]
		out = append(out, &Signal{Rule: RuleAdConcentration, Total: perOutlet[top], Date: last, Entries: entries,
			Reason: fmt.Sprintf("W %s półroczu %s r. medium „%s” otrzymało %s z %s wydanych na reklamę (%s, %d z %d %s); sygnał pojawia się powyżej %d%%.",
				half, h[:4], top, perOutlet[top], total, percent(int64(perOutlet[top]), int64(total)), len(entries), len(ads),
				registry.Plural(len(ads), "zamówienia", "zamówień", "zamówień"), AdConcentrationPct)})
	}
	return out, nil
}
