// Typed records: a proxy per domain collection in PocketBase's record-proxy
// style (core.BaseRecordProxy), with a getter and a setter named for each
// field, so handlers, documents, jobs and the CLI say p.Year() and
// c.SetStatus(…) instead of GetInt("year") and Set("status", …). The field
// names are the constants below, in this one place: the proxies, the hooks
// and the tests use them. A proxy costs one small allocation and a method
// call that the compiler inlines; the record itself is shared, not copied.
// TestRecordsAreTyped (proof/) keeps field names out of the product's other
// packages.

package model

// Fields every collection has.
const (
	FieldId      = "id"
	FieldCreated = "created"
	FieldUpdated = "updated"
)

// Fields of Boards.
const (
	FieldBoardName       = "name"
	FieldBoardNameInText = NameInTextField
	FieldBoardShortName  = "short_name"
	FieldBoardActiveFrom = "active_from"
	FieldBoardActiveTo   = "active_to"
	FieldBoardSuccessor  = "successor"
	FieldBoardExecutive  = ExecutiveField
)

// Fields of Units.
const (
	FieldUnitName  = "name"
	FieldUnitBoard = "board"
)

// Fields of Users.
const (
	FieldUserName          = "name"
	FieldUserRole          = "role"
	FieldUserBoards        = "boards"
	FieldUserCalendarToken = "calendar_token"
)

// Fields of Risks.
const (
	FieldRiskBoard       = "board"
	FieldRiskUnit        = "unit"
	FieldRiskProcess     = "process"
	FieldRiskCategory    = "category"
	FieldRiskTitle       = "title"
	FieldRiskDescription = "description"
	FieldRiskStatus      = "status"
)

// Fields of RiskAssessments.
const (
	FieldRiskAssessmentRisk        = "risk"
	FieldRiskAssessmentYear        = "year"
	FieldRiskAssessmentProbability = "probability"
	FieldRiskAssessmentConsequence = "consequence"
	FieldRiskAssessmentValue       = "value"
	FieldRiskAssessmentMotivation  = "motivation"
	FieldRiskAssessmentTreatment   = "treatment"
)

// Fields of Plans.
const (
	FieldPlanBoard        = "board"
	FieldPlanYear         = "year"
	FieldPlanTitle        = "title"
	FieldPlanStatus       = "status"
	FieldPlanAdoptedOn    = "adopted_on"
	FieldPlanAdoptedRef   = "adopted_ref"
	FieldPlanReportedOn   = "reported_on"
	FieldPlanReportedRef  = "reported_ref"
	FieldPlanStatusReason = "status_reason"
)

// Fields of Controls.
const (
	FieldControlPlan           = "plan"
	FieldControlCommonControl  = CommonControlField
	FieldControlSection        = "section"
	FieldControlNumber         = "number"
	FieldControlPosition       = "position"
	FieldControlUnit           = "unit"
	FieldControlRisk           = "risk"
	FieldControlTitle          = "title"
	FieldControlProcess        = "process"
	FieldControlDescription    = "description"
	FieldControlMethod         = "method"
	FieldControlFrequency      = "frequency"
	FieldControlOwner          = "owner"
	FieldControlReportTo       = "report_to"
	FieldControlDue            = "due"
	FieldControlLegalRefs      = "legal_refs"
	FieldControlConfidential   = "confidential"
	FieldControlTargetMetric   = "target_metric"
	FieldControlTargetOperator = "target_operator"
	FieldControlTargetValue    = "target_value"
	FieldControlTargetUnit     = "target_unit"
	FieldControlReported       = "reported"
	FieldControlNextDue        = "next_due"
	FieldControlNextPeriod     = "next_period"
)

// Fields of Results.
const (
	FieldResultControl            = "control"
	FieldResultPeriod             = "period"
	FieldResultPerformedOn        = "performed_on"
	FieldResultPerformedBy        = "performed_by"
	FieldResultAccount            = "account"
	FieldResultOutcome            = "outcome"
	FieldResultMeasuredValue      = "measured_value"
	FieldResultTargetMet          = "target_met"
	FieldResultNotPerformedReason = "not_performed_reason"
	FieldResultTransferredTo      = "transferred_to"
	FieldResultEvidence           = "evidence"
)

// Fields of Deviations.
const (
	FieldDeviationResult           = "result"
	FieldDeviationDescription      = "description"
	FieldDeviationSignificant      = "significant"
	FieldDeviationRootCause        = "root_cause"
	FieldDeviationStatus           = "status"
	FieldDeviationAcceptanceReason = "acceptance_reason"
	FieldDeviationPlan             = "plan"
)

// Fields of Actions.
const (
	FieldActionPlan              = "plan"
	FieldActionDeviation         = "deviation"
	FieldActionControl           = "control"
	FieldActionRisk              = "risk"
	FieldActionDescription       = "description"
	FieldActionOwner             = "owner"
	FieldActionDeadline          = "deadline"
	FieldActionDeadlinePrecision = "deadline_precision"
	FieldActionStatus            = "status"
	FieldActionDoneOn            = "done_on"
	FieldActionDoneNote          = "done_note"
	FieldActionCancelReason      = "cancel_reason"
	FieldActionTransferredTo     = "transferred_to"
	FieldActionCarriedFrom       = "carried_from"
	FieldActionCarriedTo         = "carried_to"
	FieldActionInDraft           = "in_draft"
)

// Fields of Samples.
const (
	FieldSampleControl          = "control"
	FieldSamplePeriod           = "period"
	FieldSampleMethod           = "method"
	FieldSampleSize             = "size"
	FieldSampleSeed             = "seed"
	FieldSamplePopulation       = "population"
	FieldSamplePopulationSHA256 = "population_sha256"
	FieldSampleCanonicalSHA256  = "canonical_sha256"
	FieldSamplePopulationRows   = "population_rows"
	FieldSampleHeader           = "header"
	FieldSampleColumn           = "column"
)

// Fields of SampleItems.
const (
	FieldSampleItemSample    = "sample"
	FieldSampleItemPosition  = "position"
	FieldSampleItemRow       = "row"
	FieldSampleItemData      = "data"
	FieldSampleItemStatus    = "status"
	FieldSampleItemNote      = "note"
	FieldSampleItemEvidence  = "evidence"
	FieldSampleItemDeviation = "deviation"
)

// Fields of Settings.
const (
	FieldSetupRiskScale             = "risk_scale"
	FieldSetupRiskBands             = "risk_bands"
	FieldSetupReminderDays          = "reminder_days"
	FieldSetupMunicipality          = "municipality"
	FieldSetupLogo                  = "logo"
	FieldSetupRiskWords             = "risk_words"
	FieldSetupPackagePublicKey      = "package_public_key"
	FieldSetupPackageKeyFingerprint = "package_key_fingerprint"
)

// Fields of Reminders.
const (
	FieldReminderTargetCollection = "target_collection"
	FieldReminderTarget           = "target"
	FieldReminderKind             = "kind"
	FieldReminderRecipient        = "recipient"
	FieldReminderKey              = "key"
	FieldReminderSentAt           = "sent_at"
)

// Fields of AuditLog.
const (
	FieldAuditEntryRecordCollection = "collection"
	FieldAuditEntryRecordId         = "record"
	FieldAuditEntryOp               = "op"
	FieldAuditEntryActor            = "actor"
	FieldAuditEntryActorName        = "actor_name"
	FieldAuditEntryBoard            = "board"
	FieldAuditEntryAt               = "at"
	FieldAuditEntryChanges          = "changes"
	FieldAuditEntryReason           = "reason"
)

// RecordFields lists, per collection, the fields its typed record names:
// every field but id, created, updated and an auth collection's own.
var RecordFields = map[string][]string{
	Boards:          {FieldBoardName, FieldBoardNameInText, FieldBoardShortName, FieldBoardActiveFrom, FieldBoardActiveTo, FieldBoardSuccessor, FieldBoardExecutive},
	Units:           {FieldUnitName, FieldUnitBoard},
	Users:           {FieldUserName, FieldUserRole, FieldUserBoards, FieldUserCalendarToken},
	Risks:           {FieldRiskBoard, FieldRiskUnit, FieldRiskProcess, FieldRiskCategory, FieldRiskTitle, FieldRiskDescription, FieldRiskStatus},
	RiskAssessments: {FieldRiskAssessmentRisk, FieldRiskAssessmentYear, FieldRiskAssessmentProbability, FieldRiskAssessmentConsequence, FieldRiskAssessmentValue, FieldRiskAssessmentMotivation, FieldRiskAssessmentTreatment},
	Plans:           {FieldPlanBoard, FieldPlanYear, FieldPlanTitle, FieldPlanStatus, FieldPlanAdoptedOn, FieldPlanAdoptedRef, FieldPlanReportedOn, FieldPlanReportedRef, FieldPlanStatusReason},
	Controls:        {FieldControlPlan, FieldControlSection, FieldControlNumber, FieldControlPosition, FieldControlUnit, FieldControlRisk, FieldControlTitle, FieldControlProcess, FieldControlDescription, FieldControlMethod, FieldControlFrequency, FieldControlOwner, FieldControlReportTo, FieldControlDue, FieldControlLegalRefs, FieldControlConfidential, FieldControlTargetMetric, FieldControlTargetOperator, FieldControlTargetValue, FieldControlTargetUnit, FieldControlReported, FieldControlNextDue, FieldControlNextPeriod, FieldControlCommonControl},
	Results:         {FieldResultControl, FieldResultPeriod, FieldResultPerformedOn, FieldResultPerformedBy, FieldResultAccount, FieldResultOutcome, FieldResultMeasuredValue, FieldResultTargetMet, FieldResultNotPerformedReason, FieldResultTransferredTo, FieldResultEvidence},
	Deviations:      {FieldDeviationResult, FieldDeviationDescription, FieldDeviationSignificant, FieldDeviationRootCause, FieldDeviationStatus, FieldDeviationAcceptanceReason, FieldDeviationPlan},
	Actions:         {FieldActionPlan, FieldActionDeviation, FieldActionControl, FieldActionRisk, FieldActionDescription, FieldActionOwner, FieldActionDeadline, FieldActionDeadlinePrecision, FieldActionStatus, FieldActionDoneOn, FieldActionDoneNote, FieldActionCancelReason, FieldActionTransferredTo, FieldActionCarriedFrom, FieldActionCarriedTo, FieldActionInDraft},
	Samples:         {FieldSampleControl, FieldSamplePeriod, FieldSampleMethod, FieldSampleSize, FieldSampleSeed, FieldSamplePopulation, FieldSamplePopulationSHA256, FieldSampleCanonicalSHA256, FieldSamplePopulationRows, FieldSampleHeader, FieldSampleColumn},
	SampleItems:     {FieldSampleItemSample, FieldSampleItemPosition, FieldSampleItemRow, FieldSampleItemData, FieldSampleItemStatus, FieldSampleItemNote, FieldSampleItemEvidence, FieldSampleItemDeviation},
	Settings:        {FieldSetupRiskScale, FieldSetupRiskBands, FieldSetupReminderDays, FieldSetupMunicipality, FieldSetupLogo, FieldSetupRiskWords, FieldSetupPackagePublicKey, FieldSetupPackageKeyFingerprint},
	Reminders:       {FieldReminderTargetCollection, FieldReminderTarget, FieldReminderKind, FieldReminderRecipient, FieldReminderKey, FieldReminderSentAt},
	CommonControls:  append([]string{FieldCommonControlYear}, CommonFields...),
	AuditLog:        {FieldAuditEntryRecordCollection, FieldAuditEntryRecordId, FieldAuditEntryOp, FieldAuditEntryActor, FieldAuditEntryActorName, FieldAuditEntryBoard, FieldAuditEntryAt, FieldAuditEntryChanges, FieldAuditEntryReason},
}
