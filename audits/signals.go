package audits

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"jawnosc/registry"
)

// Signal rules (codes used in the API; Polish labels on pages).
const (
	RuleSplitting       = "order_splitting"
	RuleBelowThreshold  = "just_below_threshold"
	RuleLatePublication = "late_publication"
	RuleAmendmentRaise  = "amendment_raise"
	RuleDirectAwards    = "repeated_direct_awards"
	RuleRecruitment     = "recruitment_not_open"
	RuleAdConcentration = "ad_concentration"
)

// Rules lists every signal rule with its Polish label, in display order.
var Rules = []registry.Label{
	{Code: RuleSplitting, Label: "możliwy podział zamówienia"},
	{Code: RuleBelowThreshold, Label: "wartość tuż poniżej progu"},
	{Code: RuleLatePublication, Label: "publikacja po ponad 7 dniach"},
	{Code: RuleAmendmentRaise, Label: "aneksy podnoszące wartość o ponad 50%"},
	{Code: RuleDirectAwards, Label: "powtarzające się zamówienia z wolnej ręki"},
	{Code: RuleRecruitment, Label: "rekrutacja bez otwartego konkursu lub z krótkim terminem"},
	{Code: RuleAdConcentration, Label: "reklamy skupione w jednym medium"},
}

// Tunable limits of the rules (SPEC.md "Signals").
const (
	PublicationDays     = 7   // published more than this many days after signing
	BelowThresholdPct   = 11  // within this many percent below the threshold
	AmendmentRaisePct   = 50  // amendments raising the value by more than this
	DirectAwardsCount   = 3   // this many direct awards to one counterparty …
	WindowMonths        = 12  // … or split orders, within this many months
	RecruitmentMinDays  = 14  // application window shorter than this
	AdConcentrationPct  = 50  // one outlet taking more than this share of a half-year
	maxEntriesPerSignal = 200 // a signal lists at most this many entries
)

// SignalEntry is one register entry a signal rests on.
type SignalEntry struct {
	EntryID int64          `json:"entry_id"`
	Kind    string         `json:"kind"`
	Label   string         `json:"label"`
	Date    registry.Date  `json:"date"`
	Amount  registry.Money `json:"amount"`
	URL     string         `json:"url"`
}

// Signal is a prompt to look, never an accusation: the rule, why it fired and the entries.
type Signal struct {
	ID          int64          `json:"id"`
	Rule        string         `json:"rule"`
	RuleLabel   string         `json:"rule_label"`
	CompanyID   int64          `json:"-"`
	Company     string         `json:"company"`
	CompanyName string         `json:"company_name"`
	Reason      string         `json:"reason"`
	Total       registry.Money `json:"total"`
	Date        registry.Date  `json:"date"`
	FirstSeen   time.Time      `json:"first_seen"`
	Entries     []SignalEntry  `json:"entries"`
	key         string
}

// entryURL returns the public page of an entry of the given kind.
func entryURL(kind string, id int64) string {
	switch kind {
	case registry.KindContract:
		return "/umowy/" + itoa(id)
	case "expense":
		return "/wydatki/" + itoa(id)
	case "ad":
		return "/reklamy/" + itoa(id)
	case "recruitment":
		return "/rekrutacje/" + itoa(id)
	}
	return ""
}

// signalKey identifies a signal across recomputations: its rule and its entries.
func signalKey(rule string, entries []SignalEntry) string {
	var b strings.Builder
	b.WriteString(rule)
	for _, e := range entries {
		b.WriteByte(':')
		b.WriteString(itoa(e.EntryID))
	}
	return b.String()
}

// Threshold is the procurement threshold (net) in force from a date.
type Threshold struct {
	From registry.Date  `json:"valid_from"`
	Net  registry.Money `json:"net"`
}

// Thresholds is the dated configuration, oldest first.
type Thresholds []Threshold

// At returns the threshold in force on d and whether there was one.
func (ts Thresholds) At(d registry.Date) (registry.Money, bool) {
	var m registry.Money
	ok := false
	for _, t := range ts {
		if t.From <= d {
			m, ok = t.Net, true
		}
	}
	return m, ok
}

// FindThresholds returns the dated thresholds, oldest first.
func (s *Store) FindThresholds(ctx context.Context) (Thresholds, error) {
	return findThresholds(ctx, s.read)
}

func findThresholds(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (Thresholds, error) {
	rows, err := q.QueryContext(ctx, `SELECT valid_from, net FROM signal_thresholds ORDER BY valid_from`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out Thresholds
	for rows.Next() {
		var t Threshold
		if err := rows.Scan(&t.From, &t.Net); err != nil {
			return nil, formatError(err)
		}
		out = append(out, t)
	}
	return out, formatError(rows.Err())
}

// SetThreshold sets the threshold in force from a date (replacing one from the same date)
// and schedules a recomputation of every signal. Only supervisors, admins and the system may.
// Errors: EUNAUTHORIZED, EFORBIDDEN, EINVALID.
func (s *Store) SetThreshold(ctx context.Context, a registry.Actor, t Threshold) error {
	switch a.Role {
	case registry.RoleSupervisor, registry.RoleAdmin, registry.RoleSystem:
	case registry.RolePublic, "":
		return registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	default:
		return registry.Errorf(registry.EFORBIDDEN, "Progi zmienia tylko nadzór właścicielski.")
	}
	var v registry.Validator
	v.Date("valid_from", t.From, true)
	v.Money("net", t.Net, 100)
	if err := v.Err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO signal_thresholds (valid_from, net) VALUES (?, ?) ON CONFLICT (valid_from) DO UPDATE SET net = excluded.net`, t.From, t.Net); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE signal_state SET gen = gen + 1`) // every company is judged again
		return err
	})
}
