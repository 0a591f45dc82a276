package registry

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// CreateContract files a contract for a company, as a draft or published at once.
// Returns EINVALID (with Fields), EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND (company).
func (s *Store) CreateContract(ctx context.Context, a Actor, companyID int64, d ContractData, publish bool) (*Contract, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return nil, err
	}
	data, err := prepareContract(&d)
	if err != nil {
		return nil, err
	}
	id, err := s.createEntry(ctx, a, KindContract, companyID, data, publish, projectContract)
	if err != nil {
		return nil, err
	}
	return s.FindContractByID(ctx, a, id)
}

// UpdateContractDraft replaces the content of a contract that is still a draft.
// Returns ECONFLICT once published, EINVALID, EFORBIDDEN, ENOTFOUND.
func (s *Store) UpdateContractDraft(ctx context.Context, a Actor, id int64, d ContractData) (*Contract, error) {
	data, err := prepareContract(&d)
	if err != nil {
		return nil, err
	}
	if err := s.updateDraft(ctx, a, KindContract, id, data, projectContract); err != nil {
		return nil, err
	}
	return s.FindContractByID(ctx, a, id)
}

// PublishContract publishes a draft contract. Returns ECONFLICT when already published.
func (s *Store) PublishContract(ctx context.Context, a Actor, id int64) (*Contract, error) {
	if err := s.publishEntry(ctx, a, KindContract, id, projectContract); err != nil {
		return nil, err
	}
	return s.FindContractByID(ctx, a, id)
}

// AmendContract records an annex: the contract itself changed. d is the full content after the annex.
func (s *Store) AmendContract(ctx context.Context, a Actor, id int64, d ContractData, annexDate Date, reason string) (*Contract, error) {
	return s.changeContract(ctx, a, id, &d, VersionInput{ChangeKind: ChangeAmendment, AnnexDate: annexDate, Reason: reason})
}

// CorrectContract fixes what the register got wrong. d is the full corrected content.
func (s *Store) CorrectContract(ctx context.Context, a Actor, id int64, d ContractData, reason string) (*Contract, error) {
	return s.changeContract(ctx, a, id, &d, VersionInput{ChangeKind: ChangeCorrection, Reason: reason})
}

// WithdrawContract marks a published contract as withdrawn; it stays visible with the reason.
func (s *Store) WithdrawContract(ctx context.Context, a Actor, id int64, reason string) (*Contract, error) {
	return s.changeContract(ctx, a, id, nil, VersionInput{ChangeKind: ChangeWithdrawal, Reason: reason})
}

func (s *Store) changeContract(ctx context.Context, a Actor, id int64, d *ContractData, in VersionInput) (*Contract, error) {
	var data []byte
	if d != nil {
		var err error
		if data, err = prepareContract(d); err != nil {
			return nil, err
		}
	}
	if err := s.addVersion(ctx, a, KindContract, id, in, data, projectContract); err != nil {
		return nil, err
	}
	return s.FindContractByID(ctx, a, id)
}

// prepareContract normalizes and validates d and returns its canonical JSON.
func prepareContract(d *ContractData) ([]byte, error) {
	d.Normalize()
	if err := d.Validate(); err != nil {
		return nil, err
	}
	// ContractData's fields are declared in key order, so plain encoding is canonical
	// (TestContractDataIsCanonical); this keeps bulk loads fast.
	b, err := marshalNoEscape(d)
	if err != nil {
		return nil, Internal(err)
	}
	return b, nil
}

// contractUpsert writes a contracts row (the current state of an entry); used by every path
// that files contracts, single or bulk, with the arguments of contractRowArgs.
const contractUpsert = `INSERT INTO contracts (entry_id, company_id, number, signed_on, subject, counterparty_name, counterparty_nip, value_net, value_gross, currency, procurement_mode, public)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (entry_id) DO UPDATE SET number = excluded.number, signed_on = excluded.signed_on, subject = excluded.subject,
	counterparty_name = excluded.counterparty_name, counterparty_nip = excluded.counterparty_nip, value_net = excluded.value_net,
	value_gross = excluded.value_gross, currency = excluded.currency, procurement_mode = excluded.procurement_mode, public = excluded.public`

// contractRowArgs returns the arguments of contractUpsert for an entry and its content.
// The row holds the public view (ContractData.Public): what is listed, filtered, sorted
// and summed must not reveal a redacted value (a value range or a NIP filter would).
func contractRowArgs(m *EntryMeta, full *ContractData) []any {
	pd := full.Public()
	d := &pd
	public := 0
	if m.Status != StatusDraft {
		public = 1
	}
	return []any{m.ID, m.CompanyID, d.Number, string(d.SignedOn), d.Subject, d.Counterparty.Name, d.Counterparty.NIP,
		int64(d.ValueNet), int64(d.ValueGross), d.Currency, d.ProcurementMode, public}
}

// projectContract writes the contracts row (current state) of an entry.
func projectContract(ctx context.Context, q queryer, m *EntryMeta, data []byte) error {
	var d ContractData
	if err := decodeData(data, &d); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, contractUpsert, contractRowArgs(m, &d)...)
	return err
}

const contractSelect = `SELECT ` + entryColumns + `, v.data FROM contracts c
	JOIN entries e ON e.id = c.entry_id
	JOIN companies co ON co.id = c.company_id
	JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.version`

func scanContract(rows interface{ Scan(...any) error }, extra ...any) (*Contract, error) {
	c := &Contract{}
	var data string
	if err := rows.Scan(scanEntryMeta(&c.EntryMeta, append([]any{&data}, extra...)...)...); err != nil {
		return nil, err
	}
	if err := decodeData([]byte(data), &c.ContractData); err != nil {
		return nil, err
	}
	c.fillDerived()
	return c, nil
}

// fillDerived computes the publication delay (published − signed, in days, Warsaw time).
func (c *Contract) fillDerived() {
	if c.PublishedAt == nil || c.SignedOn == "" {
		return
	}
	pub := DateOf(*c.PublishedAt, warsaw)
	n := DaysBetween(c.SignedOn, pub)
	c.PublicationDelayDays = &n
}

// FindContractByID returns a contract: in full to those who may write for its company,
// else its public view (Contract.Public). Drafts are visible only to those who may write
// for the company; everyone else gets ENOTFOUND.
func (s *Store) FindContractByID(ctx context.Context, a Actor, id int64) (*Contract, error) {
	c, err := scanContract(s.read.QueryRowContext(ctx, contractSelect+` WHERE c.entry_id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, Errorf(ENOTFOUND, "Nie znaleziono umowy nr %d.", id)
	} else if err != nil {
		return nil, formatError(err)
	}
	if c.Status == StatusDraft && !a.CanWriteCompany(c.CompanyID) {
		return nil, Errorf(ENOTFOUND, "Nie znaleziono umowy nr %d.", id)
	}
	return c.publicFor(a), nil
}

// contractWhere builds the WHERE clause of a filter.
func contractWhere(f ContractFilter) (string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.Status) == 0 {
		where = append(where, "c.public = 1")
	} else {
		ph := make([]string, len(f.Status))
		for i, st := range f.Status {
			ph[i], args = "?", append(args, st)
		}
		where = append(where, "e.status IN ("+strings.Join(ph, ",")+")")
	}
	if v := f.ID; v != nil {
		where, args = append(where, "c.entry_id = ?"), append(args, *v)
	}
	if v := f.CompanyID; v != nil {
		where, args = append(where, "c.company_id = ?"), append(args, *v)
	}
	if v := f.CompanySlug; v != nil {
		where, args = append(where, "co.slug = ?"), append(args, *v)
	}
	if v := f.Year; v != nil {
		where, args = append(where, "c.signed_on >= ? AND c.signed_on < ?"), append(args, strconv.Itoa(*v)+"-01-01", strconv.Itoa(*v+1)+"-01-01")
	}
	if v := f.Mode; v != nil {
		where, args = append(where, "c.procurement_mode = ?"), append(args, *v)
	}
	if v := f.NIP; v != nil {
		// "<> ''" lets SQLite use the partial index contracts_nip.
		where, args = append(where, "c.counterparty_nip = ? AND c.counterparty_nip <> ''"), append(args, *v)
	}
	if v := f.ValueMin; v != nil {
		where, args = append(where, "c.value_net >= ?"), append(args, int64(*v))
	}
	if v := f.ValueMax; v != nil {
		where, args = append(where, "c.value_net <= ?"), append(args, int64(*v))
	}
	if v := f.Counterparty; v != nil && strings.TrimSpace(*v) != "" {
		where, args = append(where, "c.counterparty_name LIKE ? ESCAPE '\\'"), append(args, "%"+escapeLike(strings.TrimSpace(*v))+"%")
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// FindContracts returns a page of contracts matching f and the total count, each in full
// for f.Viewer when it may write for the contract's company, else as its public view.
// Limit defaults to 20 and is capped at 1000. Sort: "date" (default, newest signed
// first), "value" (largest net value first), "published" (newest published first).
//
// The page is found first as bare ids through the index that yields its order
// (listIndex), and only those rows are then read in full: a listing never sorts whole
// rows, and a deep page skips index entries, not contracts. The total comes from
// countContracts.
func (s *Store) FindContracts(ctx context.Context, f ContractFilter) ([]*Contract, int, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	} else if f.Limit > 1000 {
		f.Limit = 1000
	}
	if f.CompanySlug != nil && f.CompanyID == nil {
		var id int64
		err := s.read.QueryRowContext(ctx, `SELECT id FROM companies WHERE slug = ?`, *f.CompanySlug).Scan(&id)
		if err == sql.ErrNoRows {
			return nil, 0, nil
		} else if err != nil {
			return nil, 0, formatError(err)
		}
		f.CompanySlug, f.CompanyID = nil, &id
	}
	total, err := s.countContracts(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	order := " ORDER BY c.signed_on DESC, c.entry_id DESC"
	switch f.Sort {
	case "value":
		order = " ORDER BY c.value_net DESC, c.entry_id DESC"
	case "published":
		order = " ORDER BY e.published_at DESC, e.id DESC"
	}
	where, args := contractWhere(f)
	page := `SELECT c.entry_id FROM contracts c` + indexedBy(listIndex(f))
	switch {
	case f.Sort == "published" && listIndex(f) == "" && len(f.Status) == 0:
		// Newest published first: read entries_published in order (CROSS JOIN keeps
		// SQLite from reordering the tables).
		page = `SELECT c.entry_id FROM entries e CROSS JOIN contracts c ON c.entry_id = e.id`
	case f.Sort == "published" || len(f.Status) > 0:
		page += ` JOIN entries e ON e.id = c.entry_id`
	}
	rows, err := s.read.QueryContext(ctx, contractSelect+` WHERE c.entry_id IN (`+page+where+order+` LIMIT ? OFFSET ?)`+order,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	var out []*Contract
	for rows.Next() {
		c, err := scanContract(rows)
		if err != nil {
			return nil, 0, formatError(err)
		}
		out = append(out, c.publicFor(f.Viewer))
	}
	return out, total, formatError(rows.Err())
}

// listIndex names the index that finds a page of f in f's order: a counterparty's
// contracts (few) by their NIP; otherwise the index ordered as asked, narrowed to a
// company when one is given. "" leaves the choice to SQLite (one id, listings of
// drafts, and newest published first, which reads entries_published).
func listIndex(f ContractFilter) string {
	switch {
	case f.ID != nil || len(f.Status) > 0 || f.CompanySlug != nil:
		return ""
	case f.NIP != nil:
		return "contracts_nip"
	}
	switch f.Sort {
	case "value":
		return "contracts_public_value"
	case "published":
		return ""
	}
	switch {
	case f.CompanyID != nil:
		return "contracts_company_public"
	case f.Mode != nil:
		return "contracts_public_mode"
	}
	return "contracts_public_signed"
}

// indexedBy returns the INDEXED BY clause for index ("" for none).
func indexedBy(index string) string {
	if index == "" {
		return ""
	}
	return " INDEXED BY " + index
}

// FindContractsByIDs returns the public contracts among ids (drafts are left out), in id
// order, each as its public view.
func (s *Store) FindContractsByIDs(ctx context.Context, ids []int64) ([]*Contract, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []*Contract
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		ph := strings.Repeat("?,", end-start)
		args := make([]any, 0, end-start)
		for _, id := range ids[start:end] {
			args = append(args, id)
		}
		rows, err := s.read.QueryContext(ctx, contractSelect+` WHERE c.public = 1 AND c.entry_id IN (`+ph[:len(ph)-1]+`) ORDER BY c.entry_id`, args...)
		if err != nil {
			return nil, formatError(err)
		}
		for rows.Next() {
			c, err := scanContract(rows)
			if err != nil {
				rows.Close()
				return nil, formatError(err)
			}
			out = append(out, c.Public())
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, formatError(err)
		}
	}
	return out, nil
}

// ScanContracts calls fn for every public contract in id order, as its public view,
// streaming in chunks.
// An error from fn stops the scan and is returned.
func (s *Store) ScanContracts(ctx context.Context, fn func(*Contract) error) error {
	var after int64
	for {
		rows, err := s.read.QueryContext(ctx, contractSelect+` WHERE +c.public = 1 AND c.entry_id > ? ORDER BY c.entry_id LIMIT 2000`, after)
		if err != nil {
			return formatError(err)
		}
		var batch []*Contract
		for rows.Next() {
			c, err := scanContract(rows)
			if err != nil {
				rows.Close()
				return formatError(err)
			}
			batch = append(batch, c.Public())
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return formatError(err)
		}
		for _, c := range batch {
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(batch) < 2000 {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}

// CountPublicContracts returns the number of published and withdrawn contracts.
func (s *Store) CountPublicContracts(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM contracts WHERE public = 1`).Scan(&n)
	return n, formatError(err)
}
