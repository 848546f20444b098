// Package pb_migrations holds ikplan's data model as PocketBase Go migrations.
package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

func init() {
	m.Register(createCollections, dropCollections)
}

// The API rules below are the single statement of who may read and write
// what. A user sees only the boards they belong to; readers do not see
// confidential controls or anything under them; readers and auditors write
// nothing; owners write results, deviations and actions of their own
// controls and actions; coordinators write everything of their boards.
const (
	signedIn    = `@request.auth.id != "" && @request.auth.collectionName = "users"`
	coordinator = `@request.auth.role = "coordinator"`
	owner       = `@request.auth.role = "owner"`
	notReader   = `@request.auth.role != "reader"`
)

// member: the user belongs to the board at boardPath — some board of
// theirs is it. (Until migration 1764203400 the rules found the board's id
// in the JSON text of the user's boards instead, for speed; the rule
// engine now makes that lookup of this form: internal/access, bindMembers.)
// An empty board belongs to nobody.
func member(boardPath string) string {
	return `(` + boardPath + ` != "" && @request.auth.boards.id ?= ` + boardPath + `)`
}

// read is the list and view rule of a record under a board.
func read(boardPath string) string {
	return signedIn + ` && ` + member(boardPath)
}

// readGuarded is the read rule of a record under a control that may be
// confidential.
func readGuarded(boardPath, confidentialPath string) string {
	return read(boardPath) + ` && (` + notReader + ` || ` + confidentialPath + ` != true)`
}

// coordinate is the write rule for coordinators of the record's board.
func coordinate(boardPath string) string {
	return signedIn + ` && ` + coordinator + ` && ` + member(boardPath)
}

// coordinateOrOwn lets coordinators of the board and owners of the given
// control (or action) write.
func coordinateOrOwn(boardPath string, ownerPaths ...string) string {
	own := ""
	for i, p := range ownerPaths {
		if i > 0 {
			own += ` || `
		}
		own += p + ` = @request.auth.id`
	}
	return signedIn + ` && ` + member(boardPath) + ` && (` + coordinator + ` || (` + owner + ` && (` + own + `)))`
}

func text(name string, required bool, max int) *core.TextField {
	return &core.TextField{Name: name, Required: required, Max: max}
}

func sel(name string, required bool, values ...string) *core.SelectField {
	return &core.SelectField{Name: name, Required: required, MaxSelect: 1, Values: values}
}

func rel(name string, collectionId string, required, cascade bool) *core.RelationField {
	return &core.RelationField{Name: name, CollectionId: collectionId, Required: required, CascadeDelete: cascade, MaxSelect: 1}
}

func date(name string, required bool) *core.DateField {
	return &core.DateField{Name: name, Required: required}
}

func intField(name string, required bool, min, max float64) *core.NumberField {
	return &core.NumberField{Name: name, Required: required, OnlyInt: true, Min: types.Pointer(min), Max: types.Pointer(max)}
}

func timestamps(c *core.Collection) {
	c.Fields.Add(
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
}

func rules(c *core.Collection, list, create, update, del string) {
	c.ListRule = types.Pointer(list)
	c.ViewRule = types.Pointer(list)
	c.CreateRule = types.Pointer(create)
	c.UpdateRule = types.Pointer(update)
	c.DeleteRule = types.Pointer(del)
}

var (
	methods     = []string{"stickprov", "genomgang", "matning", "analys", "intervju", "lopande"}
	frequencies = []string{"once", "yearly", "semiannual", "tertial", "quarterly", "monthly", "continuous"}
	precisions  = []string{"day", "month", "quarter", "tertial", "half", "year"}
)

func createCollections(app core.App) error {
	boards := core.NewBaseCollection("boards", "ikboards0000001")
	boards.Fields.Add(
		text("name", true, 200),
		text("short_name", false, 50),
		date("active_from", false),
		date("active_to", false),
	)
	timestamps(boards)
	boards.AddIndex("idx_boards_name", true, "name", "")
	boards.ListRule = types.Pointer(read("id"))
	boards.ViewRule = types.Pointer(read("id"))
	boards.UpdateRule = types.Pointer(coordinate("id"))
	if err := app.Save(boards); err != nil {
		return err
	}
	// successor is self-referencing, so it is added once boards exists
	boards.Fields.Add(rel("successor", boards.Id, false, false))
	if err := app.Save(boards); err != nil {
		return err
	}

	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.Fields.Add(
		sel("role", true, "coordinator", "owner", "reader", "auditor"),
		&core.RelationField{Name: "boards", CollectionId: boards.Id, MaxSelect: 999},
	)
	users.AddIndex("idx_users_role", false, "role", "")
	// users see themselves and the people of their boards; accounts are
	// managed by the admin in the dashboard
	users.ListRule = types.Pointer(`id = @request.auth.id || (` + signedIn + ` && boards.id ?= @request.auth.boards.id)`)
	users.ViewRule = users.ListRule
	users.CreateRule = nil
	users.UpdateRule = nil
	users.DeleteRule = nil
	if err := app.Save(users); err != nil {
		return err
	}

	units := core.NewBaseCollection("units", "ikunits0000001")
	units.Fields.Add(
		text("name", true, 200),
		rel("board", boards.Id, true, false),
	)
	timestamps(units)
	units.AddIndex("idx_units_board_name", true, "board, name", "")
	rules(units, read("board"), coordinate("board"), coordinate("board"), coordinate("board"))
	if err := app.Save(units); err != nil {
		return err
	}

	settings := core.NewBaseCollection("settings", "iksettings00001")
	settings.Fields.Add(
		intField("risk_scale", true, 4, 5),
		&core.JSONField{Name: "risk_bands", MaxSize: 2000},
		&core.JSONField{Name: "reminder_days", MaxSize: 2000},
	)
	timestamps(settings)
	settings.ListRule = types.Pointer(signedIn)
	settings.ViewRule = types.Pointer(signedIn)
	if err := app.Save(settings); err != nil {
		return err
	}

	risks := core.NewBaseCollection("risks", "ikrisks0000001")
	risks.Fields.Add(
		rel("board", boards.Id, true, false),
		rel("unit", units.Id, false, false),
		text("process", false, 200),
		sel("category", false, "verksamhet", "ekonomi", "legal", "it", "personal", "omvarld", "rapportering"),
		text("title", true, 300),
		text("description", false, 5000),
		sel("status", true, "active", "dormant", "closed"),
	)
	timestamps(risks)
	risks.AddIndex("idx_risks_board_status", false, "board, status", "")
	rules(risks, read("board"), coordinate("board"), coordinate("board"), coordinate("board"))
	if err := app.Save(risks); err != nil {
		return err
	}

	assessments := core.NewBaseCollection("risk_assessments", "ikriskassess001")
	assessments.Fields.Add(
		rel("risk", risks.Id, true, true),
		intField("year", true, 2000, 2100),
		intField("probability", true, 1, 5),
		intField("consequence", true, 1, 5),
		intField("value", false, 0, 25),
		text("motivation", false, 5000),
		sel("treatment", false, "control", "action", "accept"),
	)
	timestamps(assessments)
	assessments.AddIndex("idx_assessments_risk_year", true, "risk, year", "")
	rules(assessments, read("risk.board"), coordinate("risk.board"), coordinate("risk.board"), coordinate("risk.board"))
	if err := app.Save(assessments); err != nil {
		return err
	}

	plans := core.NewBaseCollection("plans", "ikplans0000001")
	plans.Fields.Add(
		rel("board", boards.Id, true, false),
		intField("year", true, 2000, 2100),
		text("title", false, 300),
		sel("status", true, "draft", "adopted", "reported", "archived"),
		date("adopted_on", false),
		text("adopted_ref", false, 200),
		date("reported_on", false),
		text("reported_ref", false, 200),
	)
	timestamps(plans)
	plans.AddIndex("idx_plans_board_year", true, "board, year", "")
	plans.AddIndex("idx_plans_year_status", false, "year, status", "")
	rules(plans, read("board"), coordinate("board"), coordinate("board"), coordinate("board"))
	if err := app.Save(plans); err != nil {
		return err
	}

	controls := core.NewBaseCollection("controls", "ikcontrols00001")
	controls.Fields.Add(
		rel("plan", plans.Id, true, true),
		text("section", false, 200),
		intField("number", true, 1, 9999),
		intField("position", false, 0, 1e9),
		rel("unit", units.Id, false, false),
		rel("risk", risks.Id, false, false),
		text("title", true, 300),
		text("process", false, 200),
		text("description", false, 10000),
		sel("method", false, methods...),
		sel("frequency", true, frequencies...),
		rel("owner", users.Id, false, false),
		text("report_to", false, 200),
		date("due", false),
		text("legal_refs", false, 500),
		&core.BoolField{Name: "confidential"},
		text("target_metric", false, 200),
		sel("target_operator", false, "<", "<=", "=", ">=", ">"),
		text("target_value", false, 30),
		text("target_unit", false, 50),
	)
	timestamps(controls)
	controls.AddIndex("idx_controls_plan_number", true, "plan, section, number", "")
	controls.AddIndex("idx_controls_plan_position", false, "plan, position", "")
	controls.AddIndex("idx_controls_owner_due", false, "owner, due", "")
	controls.AddIndex("idx_controls_due", false, "due", "")
	controls.AddIndex("idx_controls_unit", false, "unit", "")
	controls.AddIndex("idx_controls_risk", false, "risk", "")
	rules(controls,
		readGuarded("plan.board", "confidential"),
		coordinate("plan.board"), coordinate("plan.board"), coordinate("plan.board"))
	if err := app.Save(controls); err != nil {
		return err
	}

	results := core.NewBaseCollection("results", "ikresults000001")
	results.Fields.Add(
		rel("control", controls.Id, true, true),
		text("period", true, 20),
		date("performed_on", false),
		rel("performed_by", users.Id, false, false),
		text("account", false, 20000),
		sel("outcome", true, "no_deviation", "deviation", "not_performed"),
		text("measured_value", false, 30),
		&core.BoolField{Name: "target_met"},
		text("not_performed_reason", false, 5000),
		rel("transferred_to", boards.Id, false, false),
		&core.FileField{
			Name: "evidence", MaxSelect: 20, MaxSize: 20 << 20,
			MimeTypes: []string{
				"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
				"application/msword", "application/vnd.ms-excel",
			},
			Protected: true,
		},
	)
	timestamps(results)
	results.AddIndex("idx_results_control_period", true, "control, period", "")
	results.AddIndex("idx_results_outcome", false, "outcome", "")
	rules(results,
		readGuarded("control.plan.board", "control.confidential"),
		coordinateOrOwn("control.plan.board", "control.owner"),
		coordinateOrOwn("control.plan.board", "control.owner"),
		coordinateOrOwn("control.plan.board", "control.owner"))
	if err := app.Save(results); err != nil {
		return err
	}

	deviations := core.NewBaseCollection("deviations", "ikdeviations001")
	deviations.Fields.Add(
		rel("result", results.Id, true, true),
		text("description", true, 10000),
		&core.BoolField{Name: "significant"},
		text("root_cause", false, 5000),
		sel("status", true, "open", "handled", "accepted"),
		text("acceptance_reason", false, 5000),
	)
	timestamps(deviations)
	deviations.AddIndex("idx_deviations_result", false, "result", "")
	deviations.AddIndex("idx_deviations_status", false, "status, significant", "")
	rules(deviations,
		readGuarded("result.control.plan.board", "result.control.confidential"),
		coordinateOrOwn("result.control.plan.board", "result.control.owner"),
		coordinateOrOwn("result.control.plan.board", "result.control.owner"),
		coordinateOrOwn("result.control.plan.board", "result.control.owner"))
	if err := app.Save(deviations); err != nil {
		return err
	}

	actions := core.NewBaseCollection("actions", "ikactions000001")
	actions.Fields.Add(
		rel("plan", plans.Id, true, true),
		rel("deviation", deviations.Id, false, true),
		rel("control", controls.Id, false, true),
		rel("risk", risks.Id, false, false),
		text("description", true, 10000),
		rel("owner", users.Id, false, false),
		date("deadline", false),
		sel("deadline_precision", false, precisions...),
		sel("status", true, "planned", "in_progress", "done", "cancelled"),
		date("done_on", false),
		text("done_note", false, 5000),
		text("cancel_reason", false, 5000),
		rel("transferred_to", boards.Id, false, false),
	)
	timestamps(actions)
	if err := app.Save(actions); err != nil {
		return err
	}
	actions.Fields.Add(rel("carried_from", actions.Id, false, false))
	actions.AddIndex("idx_actions_plan", false, "plan", "")
	actions.AddIndex("idx_actions_deviation", false, "deviation", "")
	actions.AddIndex("idx_actions_control", false, "control", "")
	actions.AddIndex("idx_actions_owner_status", false, "owner, status", "")
	actions.AddIndex("idx_actions_status_deadline", false, "status, deadline", "")
	actions.AddIndex("idx_actions_carried_from", false, "carried_from", "")
	// an action is created under a deviation, a control or a risk; the server
	// fills in the control and plan it belongs to
	actionCreate := signedIn + ` && (` +
		`(deviation != "" && ` + member("deviation.result.control.plan.board") + ` && (` + coordinator + ` || (` + owner + ` && deviation.result.control.owner = @request.auth.id))) || ` +
		`(deviation = "" && control != "" && ` + member("control.plan.board") + ` && (` + coordinator + ` || (` + owner + ` && control.owner = @request.auth.id))) || ` +
		`(deviation = "" && control = "" && risk != "" && ` + coordinator + ` && ` + member("risk.board") + `))`
	rules(actions,
		readGuarded("plan.board", "control.confidential"),
		actionCreate,
		coordinateOrOwn("plan.board", "owner", "control.owner"),
		coordinateOrOwn("plan.board", "owner", "control.owner"))
	if err := app.Save(actions); err != nil {
		return err
	}

	audit := core.NewBaseCollection("audit_log", "ikauditlog00001")
	audit.Fields.Add(
		text("collection", true, 100),
		text("record", true, 100),
		sel("op", true, "create", "update", "delete"),
		text("actor", true, 200),
		text("actor_name", false, 300),
		text("board", false, 100),
		&core.DateField{Name: "at", Required: true},
		&core.JSONField{Name: "changes", MaxSize: 5 << 20},
	)
	audit.AddIndex("idx_audit_record", false, "collection, record, at", "")
	audit.AddIndex("idx_audit_board_at", false, "board, at", "")
	audit.AddIndex("idx_audit_at", false, "at", "")
	// coordinators and auditors read the history of their boards; nobody
	// writes it but the server (a hook refuses every other write)
	auditRead := signedIn + ` && (@request.auth.role = "auditor" || ` + coordinator + `) && ` + member("board")
	audit.ListRule = types.Pointer(auditRead)
	audit.ViewRule = types.Pointer(auditRead)
	if err := app.Save(audit); err != nil {
		return err
	}

	reminders := core.NewBaseCollection("reminders", "ikreminders0001")
	reminders.Fields.Add(
		text("target_collection", true, 100),
		text("target", true, 100),
		sel("kind", true, "due_soon", "due_today", "overdue"),
		rel("recipient", users.Id, true, true),
		text("key", false, 100),
		&core.DateField{Name: "sent_at", Required: true},
	)
	timestamps(reminders)
	reminders.AddIndex("idx_reminders_once", true, "target_collection, target, kind, recipient, key", "")
	reminders.ListRule = types.Pointer(`recipient = @request.auth.id`)
	reminders.ViewRule = reminders.ListRule
	if err := app.Save(reminders); err != nil {
		return err
	}

	defaults := core.NewRecord(settings)
	defaults.Set("risk_scale", 5)
	defaults.Set("risk_bands", map[string]int{"yellow": 5, "red": 12})
	defaults.Set("reminder_days", []int{14, 3})
	return app.Save(defaults)
}

func dropCollections(app core.App) error {
	for _, name := range []string{"reminders", "audit_log", "actions", "deviations", "results", "controls", "plans", "risk_assessments", "risks", "settings", "units"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err == nil {
		users.Fields.RemoveByName("role")
		users.Fields.RemoveByName("boards")
		users.RemoveIndex("idx_users_role")
		if err := app.Save(users); err != nil {
			return err
		}
	}
	if boards, err := app.FindCollectionByNameOrId("boards"); err == nil {
		return app.Delete(boards)
	}
	return nil
}
