package web

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// Flags shown on recruitments (SPEC.md "Signals": prompts to look, never accusations).
const (
	flagWithoutProcedure = "Powołanie bez otwartego postępowania kwalifikacyjnego."
	flagShortWindow      = "Na zgłoszenia dano mniej niż 14 dni"
)

// recruitmentDef is the recruitment register's pages: /rekrutacje, /rekrutacje/{id},
// /spolki/{slug}/rekrutacje (with the company's current boards).
var recruitmentDef = &registerDef{
	Kind: registry.KindRecruitment, Path: "/rekrutacje", Tab: "rekrutacje", Title: "Rekrutacje do zarządów i rad nadzorczych", One: "rekrutacji", API: "recruitments",
	Lead:    "Postępowania kwalifikacyjne na członków zarządów i rad nadzorczych spółek miejskich oraz powołania dokonane bez nich. Nazwisk kandydatów, którzy nie zostali wybrani, nie publikujemy.",
	Columns: []string{"Data", "Stanowisko", "Spółka", "Powołana osoba", "Wynik"},
	entry: func(ctx context.Context, s *server, a registry.Actor, id int64) (*entryView, error) {
		e, v, err := loadEntry(ctx, s.cfg.Store.Recruitments(), a, id)
		if err != nil {
			return nil, err
		}
		v.Lead = e.Data.Position + " — " + registry.LabelOf(registry.Bodies, e.Data.Body)
		v.Flags = recruitmentFlags(&e.Data)
		return v, nil
	},
	exportCSV: func(ctx context.Context, s *server, w csvChunkWriter, base string) error {
		return exportCSV(ctx, s.cfg.Store.Recruitments(), w, base, "/rekrutacje")
	},
	exportJSON: func(ctx context.Context, s *server, emit func(any) error) error {
		return s.cfg.Store.Recruitments().Scan(ctx, func(r *registry.Recruitment) error { return emit(r) })
	},
}

// recruitmentFlags says what to look at: no open procedure, a short application window.
func recruitmentFlags(d *registry.RecruitmentData) []string {
	var out []string
	if d.WithoutOpenProcedure() {
		out = append(out, flagWithoutProcedure)
	}
	if d.ShortWindow() {
		out = append(out, flagShortWindow+" (było "+strconv.Itoa(d.WindowDays())+").")
	}
	return out
}

// recruitmentFilterOf reads the recruitment filters: company, year, body, procedure, outcome.
func recruitmentFilterOf(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company) (registry.RecruitmentFilter, registerList, error) {
	var f registry.RecruitmentFilter
	company, err := companyFilter(s, ctx, c, co, &f.EntryFilter)
	if err != nil {
		return f, registerList{}, err
	}
	year := yearFilter(c, "Rok (powołania lub ogłoszenia)", &f.Year)
	body := selectFilter(c, "body", "Organ", "zarząd i rada nadzorcza", registry.Bodies, &f.Body)
	proc := selectFilter(c, "procedure", "Tryb wyboru", "wszystkie tryby", registry.RecruitmentProcedures, &f.Procedure)
	out := selectFilter(c, "outcome", "Wynik", "wszystkie wyniki", registry.RecruitmentOutcomes, &f.Outcome)
	return f, finishList(company, &year, &body, &proc, &out), nil
}

// recruitmentRow shows a recruitment in a list.
func recruitmentRow(r *registry.Recruitment) listRow {
	d := r.Data
	row := listRow{URL: "/rekrutacje/" + strconv.FormatInt(r.ID, 10), Date: d.DecidedOn().Polish(),
		Title: d.Position + " (" + registry.LabelOf(registry.Bodies, d.Body) + ")", Company: r.Company, CompanyName: r.CompanyName,
		Extra: registry.LabelOf(registry.RecruitmentProcedures, d.Procedure), Amount: registry.LabelOf(registry.RecruitmentOutcomes, d.Outcome),
		Withdrawn: r.Status == registry.StatusWithdrawn, Flags: recruitmentFlags(&d)}
	if d.Appointee != nil {
		row.Party = d.Appointee.Name
	}
	return row
}

// boardMember is a serving member of a company's board and how they were chosen.
type boardMember struct {
	Name, Function, Since, Until, How, URL string
	WithoutProcedure                       bool
}

// board is one body (management or supervisory board) with its serving members.
type board struct {
	Body    string
	Members []boardMember
}

// currentBoards returns the company's boards today (Warsaw): the published appointments
// whose term covers today, grouped by body.
func (s *server) currentBoards(ctx context.Context, co *registry.Company) ([]board, error) {
	today := registry.DateOf(s.cfg.Store.Now(), registry.Warsaw())
	rs, _, err := s.cfg.Store.FindRecruitments(ctx, registry.RecruitmentFilter{
		EntryFilter: registry.EntryFilter{CompanyID: &co.ID, Limit: 1000}, ServingOn: &today})
	if err != nil {
		return nil, err
	}
	out := make([]board, len(registry.Bodies))
	for i, b := range registry.Bodies {
		out[i].Body = upperFirst(b.Label)
		for _, r := range rs {
			if r.Data.Body != b.Code || r.Data.Appointee == nil {
				continue
			}
			p := r.Data.Appointee
			out[i].Members = append(out[i].Members, boardMember{Name: p.Name, Function: p.Function, Since: p.TermStart.Polish(), Until: p.TermEnd.Polish(),
				How: registry.LabelOf(registry.RecruitmentProcedures, r.Data.Procedure), URL: "/rekrutacje/" + strconv.FormatInt(r.ID, 10),
				WithoutProcedure: r.Data.WithoutOpenProcedure()})
		}
	}
	return out, nil
}

func init() {
	recruitmentDef.list, recruitmentDef.api = registerLists(recruitmentFilterOf,
		func(f *registry.RecruitmentFilter, offset, limit int) { f.Offset, f.Limit = offset, limit },
		(*registry.Store).FindRecruitments, recruitmentRow)
}
