package authz_test

import (
	"net/http"
	"os"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/ui"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// The roles of the matrix, and the fixture account each signs in as:
// "owner" owns controls 11 and 12 and their actions, "other" owns other
// controls of the same board, "annan" belongs only to another board, "ian"
// coordinates only that other board.
var roles = []string{"guest", "reader", "auditor", "owner", "other", "annan", "ian", "coord", "super"}

var accounts = map[string]string{
	"reader": "lasare", "auditor": "revisor", "owner": "it", "other": "ansvarig",
	"annan": "annan", "ian": ianKey, "coord": "samordnare",
}

const ianKey = "samordnare_ian"

// world is the matrix's data: the fixture (with its deviation, action and
// evidence file under the confidential control 12), plus a coordinator of
// the other board only, a file under control 11, each user's calendar
// feed, a draft plan of the other board as the first's successor, and no
// rate limits (they have their own tests).
type world struct {
	dir      string            // the prepared data folder each app copies
	f        *testapp.Fixture  // the fixture's ids
	ids      map[string]string // $name → value for the rows' URLs and bodies
	sessions map[string]string // role → session cookie value
	tokens   map[string]string // role → REST API token
	files    map[string]string // role → file token
}

// Texts that show whether the confidential records were let through: the
// fixture's under control 12, and the file the world adds under control 11.
const (
	secretDeviation = testapp.SecretDeviation
	secretAction    = testapp.SecretAction
	secretFile      = testapp.SecretFile
	openFile        = "DDoS-loggar från 2024"
	control12Title  = testapp.SecretTitle
)

// prepare builds the matrix's data folder once per test run.
func prepare(t *testing.T) *world {
	t.Helper()
	f := testapp.Fix(t)
	app, err := testapp.NewApp(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	hooks.Register(app, testapp.Clock)
	w := &world{dir: app.DataDir(), f: f, sessions: map[string]string{}, tokens: map[string]string{}, files: map[string]string{}}
	t.Cleanup(func() { os.RemoveAll(w.dir) })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("failed to prepare the matrix data: %v", err)
		}
	}
	s := app.Settings()
	s.RateLimits.Enabled = false
	must(app.Save(s))

	ian, err := testapp.Create(app, model.Users, map[string]any{
		"email": "samordnare_ian@ikplan.test", "password": testapp.Password, "name": "Ingrid IAN-samordnare",
		"role": model.RoleCoordinator, "boards": []string{f.IAN},
	})
	must(err)
	file11 := evidence(t, app, f.Results["11"], "ddos.txt", openFile)
	must(testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}))
	ianPlan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "IAN:s plan 2025"})
	must(err)
	ksDraft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2026, "title": "Utkast 2026"})
	must(err)
	draftControl, err := testapp.Create(app, model.Controls, map[string]any{"plan": ksDraft.Id, "number": 1, "title": "Utkastets kontroll", "frequency": "yearly"})
	must(err)
	must(drawSample(t, app, f))
	itemEvidence := testapp.Find(t, app, model.SampleItems, hooks.ItemId(authzSample, 1)).GetStringSlice("evidence")[0]
	// a common control of a year without plans (scope "common")
	common, err := testapp.Create(app, model.CommonControls, map[string]any{"year": 2023, "title": "Efterlevnad av attestreglementet", "frequency": "yearly"})
	must(err)

	keys := map[string]string{}
	for role, key := range accounts {
		keys[role] = key
	}
	for role, key := range keys {
		id := f.Users[key]
		if key == ianKey {
			id = ian.Id
		}
		u := testapp.Find(t, app, model.Users, id)
		u.Set("calendar_token", calendarToken(role))
		must(app.Save(u))
		_, w.sessions[role], err = session.NewSession(app, u, testapp.Today)
		must(err)
		w.tokens[role], err = u.NewAuthToken()
		must(err)
		w.files[role], err = u.NewFileToken()
		must(err)
	}
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	must(err)
	w.tokens["super"] = f.Tokens["superuser"]
	w.files["super"], err = su.NewFileToken()
	must(err)
	sess, err := app.FindFirstRecordByData(session.Sessions, "user", f.Users["samordnare"])
	must(err)

	w.ids = map[string]string{
		"$plan": f.Plan, "$ianplan": ianPlan.Id, "$ks": f.KS, "$ian": f.IAN, "$unit": f.Unit,
		"$c1": f.Controls["1"], "$c11": f.Controls["11"], "$c12": f.Controls["12"],
		"$r1": f.Results["1"], "$r11": f.Results["11"], "$r12": f.Results["12"],
		"$d11": f.Deviations["11"], "$d12": f.Deviations["12"], "$a11": f.Actions["11"], "$a12": f.Actions["12"],
		"$risk": f.Risk, "$assessment": f.Assessment, "$audit": f.AuditRow, "$settings": f.Settings,
		"$f11": file11, "$f12": f.Evidence["12"], "$it": f.Users["it"], "$annan": f.Users["annan"],
		"$session": sess.Id, "$ksdraft": ksDraft.Id, "$dc": draftControl.Id,
		"$c9": f.Controls["9"], "$smp": authzSample, "$si1": hooks.ItemId(authzSample, 1), "$si2": hooks.ItemId(authzSample, 2),
		"$sie": itemEvidence,
		"$a2":  f.Actions["2"], "$a8": f.Actions["8"], "$a10": f.Actions["10"], "$aHR8": f.Actions["HR8"],
		"$cc": common.Id,
	}
	app.ClearBootstrap()
	return w
}

// authzSample is the sample of control 9's 2024 period (ansvarig's, the
// "other" role's control) that prepare draws: every item assessed, the
// first deviating with an evidence file, so the period's result follows.
const authzSample = "authzsample0001"

func drawSample(t *testing.T, app core.App, f *testapp.Fixture) error {
	t.Helper()
	data, err := os.ReadFile("../../internal/sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		return err
	}
	if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
		return err
	}
	u := testapp.Find(t, app, model.Users, f.Users["ansvarig"])
	return model.RunAs(app, model.ActorFromAuth(u), func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId(model.Samples)
		if err != nil {
			return err
		}
		s := core.NewRecord(col)
		s.Id = authzSample
		s.Set("control", f.Controls["9"])
		s.Set("period", "2024")
		s.Set("size", 5)
		file, err := filesystem.NewFileFromBytes(data, "leverantorsfakturor.csv")
		if err != nil {
			return err
		}
		s.Set("population", file)
		if err := tx.Save(s); err != nil {
			return err
		}
		for i := 1; i <= 5; i++ {
			it, err := tx.FindRecordById(model.SampleItems, hooks.ItemId(authzSample, i))
			if err != nil {
				return err
			}
			it.Set("status", "ok")
			if i == 1 {
				it.Set("status", "deviation")
				it.Set("note", "Attest saknas.")
				proof, err := filesystem.NewFileFromBytes([]byte("Faktura utan attest.\n"), "faktura.txt")
				if err != nil {
					return err
				}
				it.Set("evidence", proof)
			}
			if err := tx.Save(it); err != nil {
				return err
			}
		}
		return nil
	})
}

func evidence(t *testing.T, app core.App, result, name, text string) string {
	t.Helper()
	r := testapp.Find(t, app, model.Results, result)
	file, err := filesystem.NewFileFromBytes([]byte(text+".\n"), name)
	if err != nil {
		t.Fatal(err)
	}
	r.Set("evidence+", file)
	if err := app.Save(r); err != nil {
		t.Fatalf("failed to attach evidence: %v", err)
	}
	return r.GetStringSlice("evidence")[0]
}

// calendarToken is a role's calendar feed secret (40 characters).
func calendarToken(role string) string {
	return (role + "-kalender-0123456789abcdefghijklmnopqrstuvwxyz")[:40]
}

// serve starts an app on a copy of the matrix data and returns it with its
// router, built as `ikplan serve` builds it: PocketBase's routes, the
// dashboard, then the serve event on which ikplan binds its own.
func (w *world) serve(t testing.TB) (*tests.TestApp, *router.Router[*core.RequestEvent], http.Handler) {
	t.Helper()
	app, err := testapp.NewApp(w.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	hooks.Register(app, testapp.Clock)
	web.Register(app, testapp.Clock)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	r.GET("/_/{path...}", apis.Static(ui.DistDirFS, false)) // as apis.Serve does
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return app, r, mux
}
