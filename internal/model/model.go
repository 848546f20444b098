// Package model holds what ikplan's rules are: collection names, status
// values, and pure rules (periods, deadlines, targets, plan transitions) that
// take their inputs, including the time, as arguments and never read the clock.
package model

// Collection names.
const (
	Boards          = "boards"
	Units           = "units"
	Users           = "users"
	Risks           = "risks"
	RiskAssessments = "risk_assessments"
	Plans           = "plans"
	Controls        = "controls"
	Results         = "results"
	Deviations      = "deviations"
	Actions         = "actions"
	AuditLog        = "audit_log"
	Reminders       = "reminders"
	Settings        = "settings"
)

// AuditLogId is the history collection's fixed id, which holds even if
// someone tries to rename the collection.
const AuditLogId = "ikauditlog00001"

// Domain lists the collections whose every create, update and delete is
// written to the audit log.
var Domain = []string{
	Boards, Units, Users, Risks, RiskAssessments, Plans, Controls,
	Results, Deviations, Actions, Settings, Samples, SampleItems, CommonControls,
}

// User roles.
const (
	RoleCoordinator = "coordinator"
	RoleOwner       = "owner"
	RoleReader      = "reader"
	RoleAuditor     = "auditor"
)

// Roles lists every user role.
var Roles = []string{RoleCoordinator, RoleOwner, RoleReader, RoleAuditor}

// Plan statuses, in the order a plan moves through them.
const (
	PlanDraft    = "draft"
	PlanAdopted  = "adopted"
	PlanReported = "reported"
	PlanArchived = "archived"
)

// PlanStatuses lists every plan status.
var PlanStatuses = []string{PlanDraft, PlanAdopted, PlanReported, PlanArchived}

// Result outcomes.
const (
	OutcomeNoDeviation  = "no_deviation"
	OutcomeDeviation    = "deviation"
	OutcomeNotPerformed = "not_performed"
)

// Outcomes lists every result outcome.
var Outcomes = []string{OutcomeNoDeviation, OutcomeDeviation, OutcomeNotPerformed}

// Deviation statuses.
const (
	DeviationOpen     = "open"
	DeviationHandled  = "handled"
	DeviationAccepted = "accepted"
)

// DeviationStatuses lists every deviation status.
var DeviationStatuses = []string{DeviationOpen, DeviationHandled, DeviationAccepted}

// Action statuses.
const (
	ActionPlanned    = "planned"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionCancelled  = "cancelled"
	// ActionContinued closes an action that goes on as a new action in
	// next year's plan (carried_to); only the carry operation sets it.
	ActionContinued = "continued"
)

// ActionStatuses lists every action status.
var ActionStatuses = []string{ActionPlanned, ActionInProgress, ActionDone, ActionCancelled, ActionContinued}

// Control methods (kontrollmetod).
var Methods = []string{"stickprov", "genomgang", "matning", "analys", "intervju", "lopande"}

// Frequencies of a control.
const (
	FreqOnce       = "once"
	FreqYearly     = "yearly"
	FreqSemiannual = "semiannual"
	FreqTertial    = "tertial"
	FreqQuarterly  = "quarterly"
	FreqMonthly    = "monthly"
	FreqContinuous = "continuous"
)

// Frequencies lists every control frequency.
var Frequencies = []string{FreqOnce, FreqYearly, FreqSemiannual, FreqTertial, FreqQuarterly, FreqMonthly, FreqContinuous}

// Risk categories.
var RiskCategories = []string{"verksamhet", "ekonomi", "legal", "it", "personal", "omvarld", "rapportering"}

// Risk statuses.
var RiskStatuses = []string{"active", "dormant", "closed"}

// Risk treatments.
var Treatments = []string{"control", "action", "accept"}

// Target operators.
var Operators = []string{"<", "<=", "=", ">=", ">"}

// Audit operations.
const (
	OpCreate = "create"
	OpUpdate = "update"
	OpDelete = "delete"
)

// Reminder kinds.
var ReminderKinds = []string{"due_soon", "due_today", "overdue"}

// Sampling (stickprov): a control's sample per period and its drawn items.
const (
	Samples     = "samples"
	SampleItems = "sample_items"
)

// Assessments of a sample's item.
const (
	ItemOK        = "ok"
	ItemDeviation = "deviation"
)
