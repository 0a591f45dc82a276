package registry

import (
	"context"
	"fmt"
	"time"
)

// BulkContract is a contract with its history, loaded as is by LoadContracts
// (demo data, benchmarks, migrations from another register).
type BulkContract struct {
	Data        ContractData
	CreatedBy   string
	PublishedAt time.Time     // first publication
	Versions    []BulkVersion // later versions, in order
}

// BulkVersion is a later version of a bulk-loaded contract.
type BulkVersion struct {
	ChangeKind string       // ChangeAmendment, ChangeCorrection or ChangeWithdrawal
	Data       ContractData // the full content after the change (ignored for a withdrawal)
	AnnexDate  Date
	Reason     string
	At         time.Time
}

// LoadContracts loads published contracts with their histories and given timestamps in one
// transaction: all or nothing. Only the system actor (the operator's command-line tools)
// may set historical timestamps. Returns EFORBIDDEN, EINVALID (naming the item), ENOTFOUND.
func (s *Store) LoadContracts(ctx context.Context, a Actor, companyID int64, items []BulkContract) error {
	if a.Role != RoleSystem {
		return Errorf(EFORBIDDEN, "Wczytywanie danych z historią jest dostępne tylko z wiersza poleceń.")
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	co, err := findCompanyByID(ctx, tx, companyID)
	if err != nil {
		return err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return formatError(err)
	}
	proj, err := tx.PrepareContext(ctx, `INSERT INTO contracts (entry_id, company_id, number, signed_on, subject, counterparty_name, counterparty_nip, value_net, value_gross, currency, procurement_mode, public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
	if err != nil {
		return formatError(err)
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE entries SET version = ?, status = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?`)
	if err != nil {
		return formatError(err)
	}
	for i := range items {
		it := &items[i]
		data, err := prepareContract(&it.Data)
		if err != nil {
			return itemError(i, err)
		}
		by := it.CreatedBy
		if by == "" {
			by = a.Login
		}
		pub := it.PublishedAt.UTC()
		id, err := w.createEntry(ctx, KindContract, companyID, co.Slug, data, by, pub, &pub)
		if err != nil {
			return formatError(err)
		}
		cur, status, wreason, version, updated := it.Data, StatusPublished, "", 1, pub
		for _, v := range it.Versions {
			version++
			vdata := data
			if v.ChangeKind != ChangeWithdrawal {
				cur = v.Data
				if vdata, err = prepareContract(&cur); err != nil {
					return itemError(i, err)
				}
			} else {
				status, wreason = StatusWithdrawn, v.Reason
			}
			data = vdata
			rec := &VersionRecord{EntryID: id, Kind: KindContract, Company: co.Slug, Version: version, ChangeKind: v.ChangeKind,
				Reason: v.Reason, AnnexDate: string(v.AnnexDate), CreatedBy: by, CreatedAt: fmtTime(v.At), Data: vdata}
			if err := w.insertVersion(ctx, rec, true); err != nil {
				return formatError(err)
			}
			updated = v.At
		}
		if version > 1 {
			if _, err := upd.ExecContext(ctx, version, status, wreason, fmtTime(updated), id); err != nil {
				return formatError(err)
			}
		}
		d := &cur
		if _, err := proj.ExecContext(ctx, id, companyID, d.Number, string(d.SignedOn), d.Subject, d.Counterparty.Name, d.Counterparty.NIP,
			int64(d.ValueNet), int64(d.ValueGross), d.Currency, d.ProcurementMode); err != nil {
			return formatError(err)
		}
	}
	return formatError(tx.Commit())
}

func itemError(i int, err error) error {
	e := &Error{Code: EINVALID, Message: fmt.Sprintf("Pozycja %d: %s", i+1, ErrorMessage(err)), Fields: map[string]string{}}
	for k, v := range ErrorFields(err) {
		e.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
	}
	return e
}

// ImportContracts publishes many contracts of one company in one transaction: all or
// nothing. Every item is validated first; on any invalid item nothing is written and the
// error names each bad item's fields as "N.field". Returns the number imported.
func (s *Store) ImportContracts(ctx context.Context, a Actor, companyID int64, items []ContractData) (int, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return 0, err
	}
	bad := &Error{Code: EINVALID, Fields: map[string]string{}}
	datas := make([][]byte, len(items))
	for i := range items {
		data, err := prepareContract(&items[i])
		if err != nil {
			for k, v := range ErrorFields(err) {
				bad.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
			}
			continue
		}
		datas[i] = data
	}
	if len(bad.Fields) > 0 {
		bad.Message = fmt.Sprintf("Import odrzucony: %d błędów; nic nie zostało zapisane.", len(bad.Fields))
		return 0, bad
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, formatError(err)
	}
	defer tx.Rollback()
	co, err := findCompanyByID(ctx, tx, companyID)
	if err != nil {
		return 0, err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return 0, formatError(err)
	}
	now := s.now()
	for _, data := range datas {
		id, err := w.createEntry(ctx, KindContract, companyID, co.Slug, data, a.Login, now, &now)
		if err != nil {
			return 0, formatError(err)
		}
		m := &EntryMeta{ID: id, CompanyID: companyID, Status: StatusPublished}
		if err := projectContract(ctx, tx, m, data); err != nil {
			return 0, formatError(err)
		}
	}
	return len(items), formatError(tx.Commit())
}
