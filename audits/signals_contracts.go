package audits

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"jawnosc/registry"
)

// contractFact is what the contract rules read of one published contract.
type contractFact struct {
	ID          int64
	Number      string
	Subject     string
	SignedOn    registry.Date
	NIP         string
	Name        string
	ValueNet    registry.Money
	Currency    string
	Mode        string
	PublishedOn registry.Date
	Versions    []versionValue // published versions, oldest first (only for amended contracts)
}

// versionValue is the net value of one published version and what kind of change it was.
type versionValue struct {
	Change string
	Net    registry.Money
}

func (c *contractFact) entry() SignalEntry {
	label := c.Subject
	if c.Number != "" {
		label = "Umowa nr " + c.Number + ": " + c.Subject
	}
	return SignalEntry{EntryID: c.ID, Kind: registry.KindContract, Label: label, Date: c.SignedOn, Amount: c.ValueNet,
		URL: entryURL(registry.KindContract, c.ID)}
}

// loadContractFacts reads the company's published contracts (withdrawn ones are not judged)
// and, for those with later versions, the net value of every published version.
func loadContractFacts(ctx context.Context, tx *sql.Tx, companyID int64) ([]*contractFact, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.entry_id, c.number, c.subject, c.signed_on, c.counterparty_nip, c.counterparty_name,
		c.value_net, c.currency, c.procurement_mode, e.published_at
		FROM contracts c JOIN entries e ON e.id = c.entry_id
		WHERE c.company_id = ? AND e.status = 'published' ORDER BY c.signed_on, c.entry_id`, companyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*contractFact
	byID := map[int64]*contractFact{}
	for rows.Next() {
		c := &contractFact{}
		var published sql.NullString
		if err := rows.Scan(&c.ID, &c.Number, &c.Subject, &c.SignedOn, &c.NIP, &c.Name, &c.ValueNet, &c.Currency, &c.Mode, &published); err != nil {
			return nil, err
		}
		if published.Valid {
			c.PublishedOn = registry.DateOf(parseTime(published.String), registry.Warsaw())
		}
		out = append(out, c)
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	vrows, err := tx.QueryContext(ctx, `SELECT v.entry_id, v.change_kind, COALESCE(json_extract(v.data, '$.value_net'), 0)
		FROM entries e JOIN entry_versions v ON v.entry_id = e.id
		WHERE e.company_id = ? AND e.kind = 'contract' AND e.status = 'published' AND e.version > 1 AND v.published = 1
		ORDER BY v.entry_id, v.version`, companyID)
	if err != nil {
		return nil, err
	}
	defer vrows.Close()
	for vrows.Next() {
		var id int64
		var vv versionValue
		if err := vrows.Scan(&id, &vv.Change, &vv.Net); err != nil {
			return nil, err
		}
		if c := byID[id]; c != nil {
			c.Versions = append(c.Versions, vv)
		}
	}
	return out, vrows.Err()
}

// contractSignals applies every contract rule to one company's published contracts
// (sorted by signing date).
func contractSignals(cs []*contractFact, ts Thresholds) []*Signal {
	var out []*Signal
	for _, c := range cs {
		out = append(out, singleContractSignals(c, ts)...)
	}
	out = append(out, splittingSignals(cs, ts)...)
	out = append(out, directAwardSignals(cs)...)
	return out
}

// singleContractSignals: value just below the threshold, late publication, amendments
// raising the value by more than half.
func singleContractSignals(c *contractFact, ts Thresholds) []*Signal {
	var out []*Signal
	one := []SignalEntry{c.entry()}
	if th, ok := ts.At(c.SignedOn); ok && c.Currency == "PLN" && c.ValueNet < th && int64(c.ValueNet)*100 >= int64(th)*(100-BelowThresholdPct) {
		gap := th - c.ValueNet
		out = append(out, &Signal{Rule: RuleBelowThreshold, Total: c.ValueNet, Date: c.SignedOn, Entries: one,
			Reason: fmt.Sprintf("Wartość netto %s jest o %s (%s) niższa od progu %s netto obowiązującego w dniu podpisania (%s); sygnał obejmuje wartości do %d%% poniżej progu.",
				c.ValueNet, gap, percent(int64(gap), int64(th)), th, c.SignedOn.Polish(), BelowThresholdPct)})
	}
	if c.PublishedOn != "" && c.SignedOn != "" {
		if d := registry.DaysBetween(c.SignedOn, c.PublishedOn); d > PublicationDays {
			out = append(out, &Signal{Rule: RuleLatePublication, Total: c.ValueNet, Date: c.SignedOn, Entries: one,
				Reason: fmt.Sprintf("Umowę podpisaną %s opublikowano %s, po %d dniach; powinna być w rejestrze w ciągu %d dni od podpisania.",
					c.SignedOn.Polish(), c.PublishedOn.Polish(), d, PublicationDays)})
		}
	}
	if base, now, amended := amendedValues(c.Versions); amended && base > 0 && int64(now)*100 > int64(base)*(100+AmendmentRaisePct) {
		out = append(out, &Signal{Rule: RuleAmendmentRaise, Total: now, Date: c.SignedOn, Entries: one,
			Reason: fmt.Sprintf("Aneksy podniosły wartość netto z %s do %s, czyli o %s (więcej niż %d%%).",
				base, now, percent(int64(now-base), int64(base)), AmendmentRaisePct)})
	}
	return out
}

// amendedValues walks the published versions: the base is the value before the first
// amendment (corrections of the register before it move the base), now the value after the
// last version; amended reports whether any amendment changed the contract.
func amendedValues(vs []versionValue) (base, now registry.Money, amended bool) {
	for i, v := range vs {
		if i == 0 || (!amended && v.Change == registry.ChangeCorrection) {
			base = v.Net
		}
		if v.Change == registry.ChangeAmendment {
			amended = true
		}
		now = v.Net
	}
	return base, now, amended
}

// splittingSignals: contracts with one counterparty (same NIP) signed within 12 months,
// each below the threshold in force on its signing date, together above the threshold in
// force on the last one's date. One signal per 12-month window (see windows).
func splittingSignals(cs []*contractFact, ts Thresholds) []*Signal {
	groups := map[string][]*contractFact{}
	for _, c := range cs {
		th, ok := ts.At(c.SignedOn)
		if c.NIP == "" || c.Currency != "PLN" || !ok || c.ValueNet >= th {
			continue
		}
		groups[c.NIP] = append(groups[c.NIP], c)
	}
	var out []*Signal
	for _, nip := range sortedKeys(groups) {
		fires := func(part []*contractFact) bool {
			th, _ := ts.At(part[len(part)-1].SignedOn)
			return len(part) >= 2 && totalNet(part) > th
		}
		for _, part := range windows(groups[nip], fires) {
			last := part[len(part)-1]
			th, _ := ts.At(last.SignedOn)
			sum := totalNet(part)
			out = append(out, &Signal{Rule: RuleSplitting, Total: sum, Date: last.SignedOn, Entries: entriesOf(part),
				Reason: fmt.Sprintf("Umowy z tym samym kontrahentem (%s, NIP %s) w ciągu %d miesięcy (od %s do %s): %d %s, każda poniżej progu %s netto, razem %s netto, czyli powyżej progu. Możliwy podział zamówienia.",
					part[0].Name, nip, WindowMonths, part[0].SignedOn.Polish(), last.SignedOn.Polish(),
					len(part), registry.Plural(len(part), "umowa", "umowy", "umów"), th, sum)})
		}
	}
	return out
}

// directAwardSignals: three or more direct awards to one counterparty (NIP, or the name
// when there is none) within 12 months. One signal per 12-month window (see windows).
func directAwardSignals(cs []*contractFact) []*Signal {
	groups := map[string][]*contractFact{}
	for _, c := range cs {
		if c.Mode != registry.ModeDirectAward {
			continue
		}
		key := c.NIP
		if key == "" {
			key = "name:" + strings.ToLower(strings.Join(strings.Fields(c.Name), " "))
		}
		groups[key] = append(groups[key], c)
	}
	var out []*Signal
	for _, key := range sortedKeys(groups) {
		fires := func(part []*contractFact) bool { return len(part) >= DirectAwardsCount }
		for _, part := range windows(groups[key], fires) {
			who := part[0].Name
			if part[0].NIP != "" {
				who += ", NIP " + part[0].NIP
			}
			last := part[len(part)-1]
			out = append(out, &Signal{Rule: RuleDirectAwards, Total: totalNet(part), Date: last.SignedOn, Entries: entriesOf(part),
				Reason: fmt.Sprintf("Zamówienia z wolnej ręki dla tego samego kontrahenta (%s) w ciągu %d miesięcy (od %s do %s): %d, razem %s netto; sygnał pojawia się od %d takich zamówień.",
					who, WindowMonths, part[0].SignedOn.Polish(), last.SignedOn.Polish(), len(part), totalNet(part), DirectAwardsCount)})
		}
	}
	return out
}

// windows splits contracts (sorted by signing date) into consecutive 12-month windows
// that do not overlap, and returns those that fire: a window starts at the first contract
// not yet in a fired window and holds every contract signed before its 12-month
// anniversary; when fires(window) is false the start moves to the next contract. Each
// contract is in at most one signal of a rule, so a busy counterparty gives one signal per
// year, not one per contract.
func windows(g []*contractFact, fires func([]*contractFact) bool) [][]*contractFact {
	var out [][]*contractFact
	for i := 0; i < len(g); {
		end := g[i].SignedOn.Time().AddDate(0, WindowMonths, 0)
		j := i
		for j+1 < len(g) && g[j+1].SignedOn.Time().Before(end) {
			j++
		}
		if part := g[i : j+1]; fires(part) {
			out = append(out, part)
			i = j + 1
		} else {
			i++
		}
	}
	return out
}

func totalNet(cs []*contractFact) registry.Money {
	var sum registry.Money
	for _, c := range cs {
		sum += c.ValueNet
	}
	return sum
}

func entriesOf(cs []*contractFact) []SignalEntry {
	out := make([]SignalEntry, 0, min(len(cs), maxEntriesPerSignal))
	for i, c := range cs {
		if i == maxEntriesPerSignal {
			break
		}
		out = append(out, c.entry())
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// percent formats part/whole as a Polish percentage with one decimal ("7,7%").
func percent(part, whole int64) string {
	if whole == 0 {
		return "0%"
	}
	tenths := (part*1000 + whole/2) / whole
	return fmt.Sprintf("%d,%d%%", tenths/10, tenths%10)
}
