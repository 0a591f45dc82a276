// Package audits holds the audit reports of the city's companies (findings, recommendations
// and their dated status history, the company's responses and evidence, the City Council
// discussion) and the supervision signals computed from the registers. It keeps its own
// tables in the registry's database, migrated under the namespace "audits".
package audits

import (
	"time"

	"jawnosc/registry"
)

// KindAudit is the change-sequence kind of an audit report (the search index reads it).
const KindAudit = "audit"

// Auditor kinds.
var AuditorKinds = []registry.Label{
	{Code: "city_audit_centre", Label: "Centrum Audytu Miasta"},
	{Code: "external_firm", Label: "firma zewnętrzna"},
	{Code: "regional_audit_chamber", Label: "Regionalna Izba Obrachunkowa"},
	{Code: "nik", Label: "Najwyższa Izba Kontroli"},
}

// ReportKinds are the kinds of audit.
var ReportKinds = []registry.Label{
	{Code: "compliance", Label: "audyt zgodności"},
	{Code: "financial", Label: "audyt finansowy"},
	{Code: "performance", Label: "audyt efektywności"},
	{Code: "procurement", Label: "kontrola zamówień"},
	{Code: "it", Label: "audyt informatyczny"},
	{Code: "follow_up", Label: "audyt sprawdzający"},
	{Code: "other", Label: "inny"},
}

// Severities of a finding, least to most serious.
var Severities = []registry.Label{
	{Code: "low", Label: "niska"},
	{Code: "medium", Label: "średnia"},
	{Code: "high", Label: "wysoka"},
	{Code: "critical", Label: "krytyczna"},
}

// Recommendation statuses.
const (
	StatusOpen           = "open"
	StatusInProgress     = "in_progress"
	StatusImplemented    = "implemented"
	StatusNotImplemented = "not_implemented"
	StatusRejected       = "rejected"
)

// Statuses lists every recommendation status with its Polish label.
var Statuses = []registry.Label{
	{Code: StatusOpen, Label: "otwarta"},
	{Code: StatusInProgress, Label: "w realizacji"},
	{Code: StatusImplemented, Label: "wdrożona"},
	{Code: StatusNotImplemented, Label: "niewdrożona"},
	{Code: StatusRejected, Label: "odrzucona"},
}

// IsPending reports whether a recommendation in status still awaits implementation
// (and so can become overdue).
func IsPending(status string) bool { return status == StatusOpen || status == StatusInProgress }

// Response kinds.
const (
	ResponseReport   = "response" // the company's response to the report
	ResponseEvidence = "evidence" // implementation evidence for one recommendation
)

// Attachment is a stored PDF: its SHA-256 (the file name under attachments/) and size.
type Attachment struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Finding is one finding of an audit.
type Finding struct {
	ID          int64  `json:"id"`
	Position    int    `json:"position"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Severity    string `json:"severity"`
}

// StatusChange is one dated and explained change of a recommendation's status.
type StatusChange struct {
	From      string        `json:"from"`
	To        string        `json:"to"`
	On        registry.Date `json:"on"`
	Reason    string        `json:"reason"`
	By        string        `json:"by"`
	CreatedAt time.Time     `json:"created_at"`
}

// Recommendation is one recommendation with its current status and history.
type Recommendation struct {
	ID          int64          `json:"id"`
	ReportID    int64          `json:"report_id"`
	FindingID   *int64         `json:"finding_id"`
	Position    int            `json:"position"`
	Text        string         `json:"text"`
	Responsible string         `json:"responsible"`
	DueOn       registry.Date  `json:"due_on"`
	Status      string         `json:"status"`
	StatusOn    registry.Date  `json:"status_on"`
	Overdue     bool           `json:"overdue"` // computed: pending and past its due date
	DaysOverdue int            `json:"days_overdue,omitempty"`
	History     []StatusChange `json:"history"`
	Evidence    []Response     `json:"evidence"`
}

// Response is the company's response to a report or evidence for a recommendation.
type Response struct {
	ID               int64       `json:"id"`
	RecommendationID *int64      `json:"recommendation_id"`
	Kind             string      `json:"kind"`
	Text             string      `json:"text"`
	PDF              *Attachment `json:"pdf"`
	PostedBy         string      `json:"posted_by"`
	PostedAt         time.Time   `json:"posted_at"`
}

// Council is the City Council's discussion of a report.
type Council struct {
	Session string        `json:"session"`
	Date    registry.Date `json:"date"`
}

// Report is an audit report with its findings, recommendations and responses.
type Report struct {
	ID              int64             `json:"id"`
	CompanyID       int64             `json:"-"`
	Company         string            `json:"company"`
	CompanyName     string            `json:"company_name"`
	Title           string            `json:"title"`
	AuditorKind     string            `json:"auditor_kind"`
	AuditorName     string            `json:"auditor_name"`
	Kind            string            `json:"kind"`
	PeriodFrom      registry.Date     `json:"period_from"`
	PeriodTo        registry.Date     `json:"period_to"`
	StartedOn       registry.Date     `json:"started_on"`
	CompletedOn     registry.Date     `json:"completed_on"`
	PublishedOn     registry.Date     `json:"published_on"`
	Summary         string            `json:"summary"`
	PDF             *Attachment       `json:"pdf"`
	Council         *Council          `json:"council"`
	Findings        []Finding         `json:"findings"`
	Recommendations []*Recommendation `json:"recommendations"`
	Responses       []Response        `json:"responses"` // responses to the whole report
	FiledBy         string            `json:"filed_by"`
	CreatedAt       time.Time         `json:"created_at"`
	UpdatedAt       time.Time         `json:"updated_at"`
	// Counts, computed: pending (open or in progress) and overdue recommendations.
	Pending int `json:"pending"`
	Overdue int `json:"overdue"`
}

// FindingInput is a finding as an auditor files it.
type FindingInput struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Severity    string `json:"severity"`
}

// RecommendationInput is a recommendation as an auditor files it. Finding is the 1-based
// position of the finding it answers (0: none).
type RecommendationInput struct {
	Finding     int           `json:"finding"`
	Text        string        `json:"text"`
	Responsible string        `json:"responsible"`
	DueOn       registry.Date `json:"due_on"`
}

// ReportInput is what an auditor files. New recommendations start as "open" on PublishedOn.
type ReportInput struct {
	Company         string                `json:"company"` // slug
	Title           string                `json:"title"`
	AuditorKind     string                `json:"auditor_kind"`
	AuditorName     string                `json:"auditor_name"`
	Kind            string                `json:"kind"`
	PeriodFrom      registry.Date         `json:"period_from"`
	PeriodTo        registry.Date         `json:"period_to"`
	StartedOn       registry.Date         `json:"started_on"`
	CompletedOn     registry.Date         `json:"completed_on"`
	PublishedOn     registry.Date         `json:"published_on"`
	Summary         string                `json:"summary"`
	Findings        []FindingInput        `json:"findings"`
	Recommendations []RecommendationInput `json:"recommendations"`
	PDF             []byte                `json:"-"` // the report PDF, optional
}

// ReportFilter selects reports. Nil pointers mean "not given".
type ReportFilter struct {
	CompanyID   *int64
	AuditorKind *string
	Year        *int // of publication
	OnlyOverdue bool // reports with at least one overdue recommendation
	Offset      int
	Limit       int
}
