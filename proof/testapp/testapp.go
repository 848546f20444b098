// Package testapp builds the test data set once (the demo data plus a user
// of another board, a risk, a superuser, and a deviation, an action and an
// evidence file under the confidential control 12) and gives each test its
// own copy with ikplan's hooks bound and a fixed clock.
package testapp

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/auditpkg"
	"ikplan/internal/demo"
	"ikplan/internal/model"
	"ikplan/internal/perf"
	"ikplan/internal/session"
	_ "ikplan/pb_migrations"
)

// Password is every fixture account's password.
const Password = "ikplan-test-1"

// Today is the fixed date the tests run on.
var Today = time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC)

// Clock is the fixed clock of the tests.
func Clock() time.Time { return Today }

// Fixture names the records of the test data set.
type Fixture struct {
	Dir        string
	KS, IAN    string            // board ids
	Plan       string            // Kommunstyrelsen's 2024 plan
	Users      map[string]string // demo account key (and "annan") → id
	Tokens     map[string]string // the same keys and "superuser" → REST API auth token
	Sessions   map[string]string // the same keys → web session token (started Today, a working day)
	Unit       string            // Ekonomiavdelningen (KS)
	Risk       string            // a risk of KS
	Assessment string            // its 2024 assessment
	Controls   map[string]string // "1".."12", "HR1".."HR8" → id
	Results    map[string]string // control key → its 2024 result id
	Deviations map[string]string // control key → its first deviation id
	Actions    map[string]string // control key → its first action id
	Evidence   map[string]string // control key → its result's first evidence file (stored name): "12" only
	AuditRow   string            // a history row of KS
	Settings   string
}

var (
	once    sync.Once
	fixture *Fixture
	fixErr  error
)

// Fix builds the fixture on first use and returns it.
func Fix(t testing.TB) *Fixture {
	t.Helper()
	once.Do(func() { fixture, fixErr = build() })
	if fixErr != nil {
		t.Fatalf("failed to build the test data set: %v", fixErr)
	}
	return fixture
}

// New returns a fresh copy of the fixture's app with the hooks bound; it is
// removed when the test ends.
func New(t testing.TB) *tests.TestApp {
	t.Helper()
	f := Fix(t)
	app, err := NewApp(f.Dir)
	if err != nil {
		t.Fatalf("failed to start the test app: %v", err)
	}
	hooks.Register(app, Clock)
	t.Cleanup(app.Cleanup)
	return app
}

// NewApp is tests.NewTestApp (a copy of the data folder dir) with the
// database opened as `ikplan serve` opens it (perf.Connect: the smaller
// page cache, the kept prepared statements, the connection limits).
func NewApp(dir string) (*tests.TestApp, error) {
	return tests.NewTestAppWithConfig(core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env",
		DBConnect: perf.Connect, DataMaxOpenConns: perf.Conns(), DataMaxIdleConns: perf.IdleConns()})
}

// Factory is New in the form tests.ApiScenario takes.
func Factory(t testing.TB) *tests.TestApp { return New(t) }

func build() (*Fixture, error) {
	dir, err := os.MkdirTemp("", "ikplan-fixture-")
	if err != nil {
		return nil, err
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		return nil, err
	}
	defer app.ClearBootstrap()
	if err := app.RunAllMigrations(); err != nil {
		return nil, err
	}
	hooks.Register(app, Clock)
	loaded, err := demo.Load(app, Password)
	if err != nil {
		return nil, err
	}
	f := &Fixture{
		Dir: dir, KS: loaded.Boards["KS"].Id, IAN: loaded.Boards["IAN"].Id, Plan: loaded.Plan.Id,
		Users: map[string]string{}, Tokens: map[string]string{}, Sessions: map[string]string{},
		Controls: map[string]string{}, Results: map[string]string{}, Deviations: map[string]string{}, Actions: map[string]string{},
		Evidence: map[string]string{},
	}
	for k, u := range loaded.Users {
		f.Users[k] = u.Id
	}
	err = model.RunAs(app, model.System, func(tx core.App) error {
		users, _ := tx.FindCollectionByNameOrId(model.Users)
		annan := core.NewRecord(users)
		annan.SetEmail("annan@ikplan.test")
		annan.SetPassword(Password)
		annan.Set("name", "Anna Annan nämnd")
		annan.Set("role", model.RoleOwner)
		annan.Set("boards", []string{f.IAN})
		if err := tx.Save(annan); err != nil {
			return err
		}
		f.Users["annan"] = annan.Id

		su, _ := tx.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		admin := core.NewRecord(su)
		admin.SetEmail("admin@ikplan.test")
		admin.SetPassword(Password)
		if err := tx.Save(admin); err != nil {
			return err
		}
		if f.Tokens["superuser"], err = admin.NewAuthToken(); err != nil {
			return err
		}

		unit, err := tx.FindFirstRecordByFilter(model.Units, "name = 'Ekonomiavdelningen'")
		if err != nil {
			return err
		}
		f.Unit = unit.Id
		risks, _ := tx.FindCollectionByNameOrId(model.Risks)
		risk := core.NewRecord(risks)
		risk.Set("board", f.KS)
		risk.Set("unit", f.Unit)
		risk.Set("title", "Felaktig kontering av representation")
		risk.Set("category", "ekonomi")
		if err := tx.Save(risk); err != nil {
			return err
		}
		f.Risk = risk.Id
		ac, _ := tx.FindCollectionByNameOrId(model.RiskAssessments)
		a := core.NewRecord(ac)
		a.Set("risk", risk.Id)
		a.Set("year", 2024)
		a.Set("probability", 3)
		a.Set("consequence", 2)
		if err := tx.Save(a); err != nil {
			return err
		}
		f.Assessment = a.Id
		return nil
	})
	if err != nil {
		return nil, err
	}
	for key, id := range f.Users {
		u, err := app.FindRecordById(model.Users, id)
		if err != nil {
			return nil, err
		}
		if f.Tokens[key], err = u.NewAuthToken(); err != nil {
			return nil, err
		}
		if _, f.Sessions[key], err = session.NewSession(app, u, Today); err != nil {
			return nil, err
		}
	}
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position", 0, 0, dbx.Params{"p": f.Plan})
	if err != nil {
		return nil, err
	}
	for _, c := range controls {
		key := c.GetString("number")
		if c.GetString("section") != "" {
			key = "HR" + key
		}
		f.Controls[key] = c.Id
		if r, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": c.Id}); err == nil {
			f.Results[key] = r.Id
			if d, err := app.FindFirstRecordByFilter(model.Deviations, "result = {:r}", dbx.Params{"r": r.Id}); err == nil {
				f.Deviations[key] = d.Id
				if a, err := app.FindFirstRecordByFilter(model.Actions, "deviation = {:d}", dbx.Params{"d": d.Id}); err == nil {
					f.Actions[key] = a.Id
				}
			}
		}
	}
	if err := model.RunAs(app, model.System, func(tx core.App) error { return confidential(tx, f) }); err != nil {
		return nil, fmt.Errorf("failed to add the confidential records: %w", err)
	}
	row, err := app.FindFirstRecordByFilter(model.AuditLog, "board = {:b}", dbx.Params{"b": f.KS})
	if err != nil {
		return nil, err
	}
	f.AuditRow = row.Id
	// the package key, as the server makes it on its first start: every
	// test's copy holds it, and no test's start writes it
	if _, err := auditpkg.InstanceKey(app); err != nil {
		return nil, fmt.Errorf("failed to make the package key: %w", err)
	}
	s, err := app.FindFirstRecordByFilter(model.Settings, "")
	if err != nil {
		return nil, err
	}
	f.Settings = s.Id
	return f, nil
}

// Find loads a record or fails the test.
func Find(t testing.TB, app core.App, collection, id string) *core.Record {
	t.Helper()
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Fatalf("failed to load %s %s: %v", collection, id, err)
	}
	return r
}

// Count counts the rows of a collection that match the expression (nil for all).
func Count(t testing.TB, app core.App, collection string, where dbx.Expression) int {
	t.Helper()
	n, err := app.CountRecords(collection, where)
	if err != nil {
		t.Fatalf("failed to count %s: %v", collection, err)
	}
	return int(n)
}
