package browsertest

// The CSS selectors of the pages, in one place, so a page that changes its
// markup needs a change here only. Fields are found by their name (the
// form's contract with the server) and forms by the fields they hold.
// Options, radio buttons and checkboxes are chosen by their label text or
// value (see ui.choose).

// Layout (templates/layout.templ).
const (
	selSkipLink   = `a.skip-link`
	selMain       = `main#main`
	selH1         = `main h1`
	selLogout     = `header form[action="/logout"] button[type="submit"]`
	selLangButton = `header form[action="/lang"] button[name="lang"]`
	selNavStart   = `nav a[href="/"]`
	selNavPlans   = `nav a[href="/plans"]`
	selNavActions = `nav a[href="/actions"]`
	selNavRisks   = `nav a[href="/risks"]`
	selNavSearch  = `nav a[href="/search"]`
	selSummary    = `.error-summary`
	selBanner     = `main .notification-banner--success[role="alert"]`
)

// Sign in (templates/login.templ).
const (
	selEmail       = `form[action="/login"] input[name="email"]`
	selPassword    = `form[action="/login"] input[name="password"]`
	selLoginSubmit = `form[action="/login"] button[type="submit"]`
	selEmailError  = `#email-error`
)

// Plans (templates/plans.templ).
const (
	selNewPlanForm   = `form[action="/plans"]`
	selNewPlanBoard  = selNewPlanForm + ` select[name="board"]`
	selNewPlanYear   = selNewPlanForm + ` input[name="year"]`
	selNewPlanTitle  = selNewPlanForm + ` input[name="title"]`
	selNewPlanSubmit = selNewPlanForm + ` button[type="submit"]`

	selAdoptForm   = `form[action$="/status"]:has(input[name="status"][value="adopted"])`
	selAdoptedOn   = selAdoptForm + ` input[name="adopted_on"]`
	selAdoptedRef  = selAdoptForm + ` input[name="adopted_ref"]`
	selAdoptSubmit = selAdoptForm + ` button[type="submit"]`
	selStatusForms = `form[action$="/status"]`

	selNewControlForm   = `form#new-form`
	selNewControlTitle  = selNewControlForm + ` input[name="title"]`
	selNewControlOwner  = selNewControlForm + ` select[name="owner"]`
	selNewControlMethod = selNewControlForm + ` select[name="method"]`
	selNewControlDue    = selNewControlForm + ` input[name="due"]`
	selTaskList         = `ol.task-list`
	selNewControlSubmit = selNewControlForm + ` button[type="submit"]`
	selControlRows      = `main tr[id^="control-row-"]`
)

// A control's page, /controls/{id} (built on another branch: adjust here
// after the merge). The result form holds the outcome; the deviation may be
// part of it (the UI creates a result and its first deviation in one step)
// or a form of its own; the action form holds the deadline. A form folded
// in a closed <details> is opened by its summary first (see ui.reveal).
const (
	selResultForm        = `main form:has([name="outcome"])`
	selResultPeriod      = selResultForm + ` [name="period"]`
	selResultAccount     = selResultForm + ` [name="account"]`
	selResultMeasured    = selResultForm + ` [name="measured_value"]`
	selResultOutcome     = selResultForm + ` [name="outcome"]`
	selResultDeviation   = selResultForm + ` [name="deviation_description"]`
	selResultSignificant = selResultForm + ` [name="deviation_significant"]`
	selResultSubmit      = selResultForm + ` [type="submit"]`
	selOutcomeMessage    = selResultForm + ` #outcome-error`

	selDeviationForm        = `main form:has([name="significant"]):not(:has([name="outcome"]))`
	selDeviationDescription = selDeviationForm + ` [name="description"]`
	selDeviationSignificant = selDeviationForm + ` [name="significant"]`
	selDeviationSubmit      = selDeviationForm + ` [type="submit"]`

	selActionForm        = `main form:has([name="deadline"])`
	selActionDescription = selActionForm + ` [name="description"]`
	selActionOwner       = selActionForm + ` [name="owner"]`
	selActionDeadline    = selActionForm + ` [name="deadline"]`
	selActionPrecision   = selActionForm + ` [name="deadline_precision"]`
	selActionSubmit      = selActionForm + ` [type="submit"]`
)

// Start (templates/start.templ): the table under "Mina öppna åtgärder" and
// the list under "Väsentliga avvikelser".
const (
	selStartActions     = `main #my-actions + table`
	selStartSignificant = `main #significant + table`
)

// Search, /search (built on another branch).
const (
	selSearchForm   = `main form:has([name="q"])`
	selSearchQuery  = selSearchForm + ` [name="q"]`
	selSearchSubmit = selSearchForm + ` [type="submit"]`
)

// Risks, /risks (built on another branch): the matrix is an SVG.
const selRiskMatrix = `main svg`

// History, /history/{collection}/{id} (built on another branch).
const selHistoryTable = `main table`
