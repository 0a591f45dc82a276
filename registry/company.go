package registry

import "time"

// Company is a company the city owns.
type Company struct {
	ID        int64     `json:"-"`
	Slug      string    `json:"slug"`
	Name      string    `json:"name"`
	ShortName string    `json:"short_name"`
	LegalForm string    `json:"legal_form"`
	NIP       string    `json:"nip"`
	REGON     string    `json:"regon"`
	KRS       string    `json:"krs"`
	Status    string    `json:"status"` // "" when active, e.g. "w likwidacji"
	City      string    `json:"city"`
	Website   string    `json:"website"`
	CreatedAt time.Time `json:"-"`
}
