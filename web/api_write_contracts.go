package web

import (
	"context"

	"jawnosc/registry"
)

// contractReadOnly are the keys of GET /api/v1/contracts/{id} that the server computes; a
// write ignores them, so a GET answer can be edited and sent back.
var contractReadOnly = []string{"id", "kind", "company_name", "status", "version", "created_at", "published_at",
	"updated_at", "withdrawn_reason", "publication_delay_days", "versions", "amendments", "signals"}

// contractsWritable is the contract register for the write API.
func (s *server) contractsWritable() writableRegister[registry.ContractData] {
	st := s.cfg.Store
	return writableRegister[registry.ContractData]{
		path: "contracts", what: "umowy", readOnly: contractReadOnly,
		current: func(ctx context.Context, a registry.Actor, id int64) (registry.ContractData, *registry.Company, error) {
			c, err := st.FindContractByID(ctx, a, id)
			if err != nil {
				return registry.ContractData{}, nil, err
			}
			return c.ContractData, &registry.Company{ID: c.CompanyID, Slug: c.Company}, nil
		},
		create: func(ctx context.Context, a registry.Actor, companyID int64, d registry.ContractData, publish bool) (int64, error) {
			c, err := st.CreateContract(ctx, a, companyID, d, publish)
			if err != nil {
				return 0, err
			}
			return c.ID, nil
		},
		publish: func(ctx context.Context, a registry.Actor, id int64) error {
			_, err := st.PublishContract(ctx, a, id)
			return err
		},
		amend: func(ctx context.Context, a registry.Actor, id int64, d registry.ContractData, annex registry.Date, reason string) error {
			_, err := st.AmendContract(ctx, a, id, d, annex, reason)
			return err
		},
		correct: func(ctx context.Context, a registry.Actor, id int64, d registry.ContractData, reason string) error {
			_, err := st.CorrectContract(ctx, a, id, d, reason)
			return err
		},
		withdraw: func(ctx context.Context, a registry.Actor, id int64, reason string) error {
			_, err := st.WithdrawContract(ctx, a, id, reason)
			return err
		},
		show: func(ctx context.Context, a registry.Actor, id int64) (any, error) {
			v, err := s.contractByID(ctx, a, id)
			if err != nil {
				return nil, err
			}
			return apiContractResult{Contract: v.C, Versions: v.Versions, Amendments: v.Amendments}, nil
		},
	}
}
