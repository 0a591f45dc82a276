package audits

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"jawnosc/registry"
)

// The signals of the recruitment and advertising registers: a recruitment without an open
// procedure or with an application window shorter than RecruitmentMinDays, and one outlet
// taking more than AdConcentrationPct of a company's advertising money in a half-year (per
// currency, when the half-year has at least adMinEntries ads).

// adMinEntries is the fewest ads of a half-year that make its concentration meaningful.
const adMinEntries = 3

func init() {
	companyRules = append(companyRules, recruitmentSignals, adConcentrationSignals)
}

// recruitmentSignals reads the company's published recruitments.
func recruitmentSignals(ctx context.Context, tx *sql.Tx, companyID int64, _ Thresholds) ([]*Signal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.entry_id, v.data FROM recruitments p
		JOIN entries e ON e.id = p.entry_id JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.version
		WHERE p.company_id = ? AND e.status = ? ORDER BY p.entry_id`, companyID, registry.StatusPublished)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Signal
	for rows.Next() {
		var id int64
		var data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		var d registry.RecruitmentData
		if err := json.Unmarshal([]byte(data), &d); err != nil {
			return nil, err
		}
		en := SignalEntry{EntryID: id, Kind: registry.KindRecruitment, Label: d.Position + " (" + registry.LabelOf(registry.Bodies, d.Body) + ")",
			Date: d.DecidedOn(), Amount: d.Remuneration.FixedMonthly, URL: entryURL(registry.KindRecruitment, id)}
		switch {
		case d.WithoutOpenProcedure():
			who := ""
			if d.Appointee != nil {
				who = " (" + d.Appointee.Name + ")"
			}
			out = append(out, &Signal{Rule: RuleRecruitment, Date: en.Date, Entries: []SignalEntry{en},
				Reason: fmt.Sprintf("Na stanowisko „%s”%s powołano bez otwartego postępowania kwalifikacyjnego.", d.Position, who)})
		case d.WindowDays() >= 0 && d.WindowDays() < RecruitmentMinDays:
			out = append(out, &Signal{Rule: RuleRecruitment, Date: en.Date, Entries: []SignalEntry{en},
				Reason: fmt.Sprintf("Na zgłoszenia na stanowisko „%s” dano %s od ogłoszenia (%s) do terminu (%s) — mniej niż %d.",
					d.Position, plural(d.WindowDays(), "dzień", "dni", "dni"), d.AnnouncedOn.Polish(), d.ApplicationDeadline.Polish(), RecruitmentMinDays)})
		}
	}
	return out, rows.Err()
}

// adFact is one published ad as the concentration rule sees it.
type adFact struct {
	id                              int64
	outlet, campaign, currency, day string
	amount                          registry.Money
}

// adConcentrationSignals groups the company's published ads by half-year (of the period's
// start) and currency, and flags an outlet with more than AdConcentrationPct of the money.
func adConcentrationSignals(ctx context.Context, tx *sql.Tx, companyID int64, _ Thresholds) ([]*Signal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.entry_id, p.outlet_name, p.campaign, p.currency, p.period_start, p.amount_gross
		FROM ads p JOIN entries e ON e.id = p.entry_id WHERE p.company_id = ? AND e.status = ? ORDER BY p.period_start, p.entry_id`,
		companyID, registry.StatusPublished)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	groups := map[string][]adFact{}
	for rows.Next() {
		var a adFact
		if err := rows.Scan(&a.id, &a.outlet, &a.campaign, &a.currency, &a.day, &a.amount); err != nil {
			return nil, err
		}
		half := "1"
		if len(a.day) >= 7 && a.day[5:7] > "06" {
			half = "2"
		}
		key := a.day[:4] + "-H" + half + " " + a.currency
		groups[key] = append(groups[key], a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []*Signal
	for _, key := range sortedKeys(groups) {
		ads := groups[key]
		if len(ads) < adMinEntries {
			continue
		}
		byOutlet := map[string]registry.Money{}
		var total registry.Money
		for _, a := range ads {
			byOutlet[a.outlet] += a.amount
			total += a.amount
		}
		outlets := sortedKeys(byOutlet)
		sort.SliceStable(outlets, func(i, j int) bool { return byOutlet[outlets[i]] > byOutlet[outlets[j]] })
		top := outlets[0]
		if total <= 0 || int64(byOutlet[top])*100 <= int64(total)*AdConcentrationPct {
			continue
		}
		var entries []SignalEntry
		for _, a := range ads {
			if a.outlet == top && len(entries) < maxEntriesPerSignal {
				entries = append(entries, SignalEntry{EntryID: a.id, Kind: registry.KindAd, Label: a.campaign + " — " + a.outlet,
					Date: registry.Date(a.day), Amount: a.amount, URL: entryURL(registry.KindAd, a.id)})
			}
		}
		year, half, cur := key[:4], key[6:7], key[8:]
		halfName := map[string]string{"1": "I", "2": "II"}[half]
		out = append(out, &Signal{Rule: RuleAdConcentration, Total: byOutlet[top], Date: entries[0].Date, Entries: entries,
			Reason: fmt.Sprintf("W %s półroczu %s medium „%s” otrzymało %s wydatków spółki na media (%s z %s, %s); sygnał obejmuje udziały powyżej %d%%.",
				halfName, year, top, percent(int64(byOutlet[top]), int64(total)), moneyIn(byOutlet[top], cur), moneyIn(total, cur),
				fmt.Sprintf("%d %s", len(ads), plural(len(ads), "zlecenie", "zlecenia", "zleceń")), AdConcentrationPct)})
	}
	return out, nil
}

// moneyIn formats an amount in its currency.
func moneyIn(m registry.Money, currency string) string {
	if currency == "PLN" || currency == "" {
		return m.String()
	}
	s := m.String()
	return s[:len(s)-len("zł")] + currency
}
