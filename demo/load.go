package demo

import (
	"context"

	"jawnosc/registry"
)

// loadBatch is how many contracts of one company go into one LoadContracts call.
const loadBatch = 2000

// Load fills an empty database with the demo data set: creates Companies(), generates
// n contracts from DefaultSeed and loads them through the store's bulk loader in
// batches grouped by company, adds the demo expenses, ads and recruitments
// (LoadRegisters), files the demo information requests (LoadRequests), then marks the
// database as demo ("demo" = "1").
// progress, when not nil, is called after each batch with the contracts loaded so far.
// Returns EINVALID when the database already holds companies or n is negative, and
// the store's errors otherwise; ctx cancels between batches.
func Load(ctx context.Context, s *registry.Store, n int, progress func(done, total int)) error {
	if n < 0 {
		return registry.Errorf(registry.EINVALID, "Liczba umów nie może być ujemna.")
	}
	existing, err := s.FindCompanies(ctx)
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return registry.Errorf(registry.EINVALID, "Baza danych zawiera już spółki. Dane demonstracyjne można wczytać tylko do pustej bazy.")
	}
	actor := registry.SystemActor("demo")
	companies := Companies()
	ids := make(map[string]int64, len(companies))
	for i := range companies {
		if err := s.CreateCompany(ctx, actor, &companies[i]); err != nil {
			return err
		}
		ids[companies[i].Slug] = companies[i].ID
	}

	batches := make(map[string][]registry.BulkContract, len(companies))
	done := 0
	flush := func(slug string) error {
		items := batches[slug]
		if len(items) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.LoadContracts(ctx, actor, ids[slug], items); err != nil {
			return err
		}
		done += len(items)
		batches[slug] = items[:0]
		if progress != nil {
			progress(done, n)
		}
		return nil
	}
	err = Contracts(DefaultSeed, companies, n, func(slug string, c registry.BulkContract) error {
		batches[slug] = append(batches[slug], c)
		if len(batches[slug]) >= loadBatch {
			return flush(slug)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range companies { // fixed order: deterministic ids
		if err := flush(c.Slug); err != nil {
			return err
		}
	}
	if err := LoadRegisters(ctx, s, companies, DefaultSeed); err != nil {
		return err
	}
	if err := LoadRequests(ctx, s, companies); err != nil {
		return err
	}
	return s.SetMeta(ctx, "demo", "1")
}
