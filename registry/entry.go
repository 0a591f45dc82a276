package registry

import (
	"encoding/json"
	"time"
)

// Register kinds. One machinery files, versions, ledgers and indexes every kind.
const (
	KindContract    = "contract"
	KindExpense     = "expense"
	KindAd          = "ad"
	KindRecruitment = "recruitment"
)

// Entry statuses. Published entries are never deleted; a withdrawn entry stays visible with its reason.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
	StatusWithdrawn = "withdrawn"
)

// Kinds of version. The first published version is "initial"; a draft edited before
// publication stays at version 1 and is not in the ledger.
const (
	ChangeInitial    = "initial"
	ChangeAmendment  = "amendment"  // the contract itself changed (annex)
	ChangeCorrection = "correction" // the register was wrong
	ChangeWithdrawal = "withdrawal" // shown as withdrawn, with its reason
)

// EntryMeta is what every register entry has besides its content.
type EntryMeta struct {
	ID              int64      `json:"id"`
	Kind            string     `json:"kind"`
	CompanyID       int64      `json:"-"`
	Company         string     `json:"company"`      // company slug
	CompanyName     string     `json:"company_name"` // short name for display
	Status          string     `json:"status"`
	Version         int        `json:"version"`
	CreatedAt       time.Time  `json:"created_at"`
	PublishedAt     *time.Time `json:"published_at"` // first publication
	UpdatedAt       time.Time  `json:"updated_at"`
	WithdrawnReason string     `json:"withdrawn_reason,omitempty"`
}

// Version is one published state of an entry (or the draft, version 1, before publication).
type Version struct {
	EntryID    int64           `json:"-"`
	Version    int             `json:"version"`
	ChangeKind string          `json:"change_kind"`
	Reason     string          `json:"reason,omitempty"`
	AnnexDate  Date            `json:"annex_date,omitempty"` // amendments: date of the annex
	CreatedBy  string          `json:"created_by"`
	CreatedAt  time.Time       `json:"created_at"`
	Hash       string          `json:"hash,omitempty"` // ledger link hash, once published
	Data       json.RawMessage `json:"data"`           // the entry's content as filed (canonical JSON)
}

// Change is one step of the change sequence: the entry's public state changed and
// the search index must re-read it.
type Change struct {
	Seq     int64
	EntryID int64
	Kind    string
}
