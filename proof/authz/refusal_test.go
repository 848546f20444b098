package authz_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// A refusal tells nothing: someone who may not write somewhere gets the
// same status and the same page whether what they send is valid or not,
// and — where they may not even see the record — whether the record exists
// or not. So the web UI checks permission before it validates, in every
// write handler.

// missing is a well-formed id that names no record.
const missing = "zz0000000000000"

// refusalCase is one POST route of the web UI with a body the route would
// take and bodies it would refuse on their own merits.
type refusalCase struct {
	route   string   // the router's "POST /pattern"
	url     string   // as in the matrix: $names are the world's ids
	valid   string   // a form the route takes from one who may write
	invalid []string // forms refused whoever sends them
	upload  bool     // the bodies are files sent as "file", not forms
}

// refusalCases are the web UI's POST routes that write records. Each is
// sent as every role the authorization matrix refuses there (403 or 404,
// or sent to sign in).
var refusalCases = []refusalCase{
	{route: "POST /plans", url: "/plans", valid: "board=$ks&year=2027",
		invalid: []string{"board=$ks&year=2024", "board=$ks&year=inte-ett-%C3%A5r", "board=$ks&year=2027&title=" + strings.Repeat("x", 600)}},
	{route: "POST /plans/{id}/status", url: "/plans/$plan/status", valid: "status=draft",
		invalid: []string{"status=ogiltig", "status=archived", "status=reported&reported_on=2099-01-01"}},
	{route: "POST /plans/{id}/controls", url: "/plans/$ksdraft/controls", valid: "number=2&title=Ny+kontroll&frequency=yearly",
		invalid: []string{"number=1&title=Dubblett&frequency=yearly", "number=x&title=&frequency=ofta"}},
	{route: "POST /plans/{id}/controls", url: "/plans/$ianplan/controls", valid: "number=1&title=Ny+kontroll&frequency=yearly",
		invalid: []string{"number=x&title=&frequency=ofta"}}, // the other board's draft: KS's reader may not even see it
	{route: "POST /plans/{id}/controls/{control}", url: "/plans/$ksdraft/controls/$dc", valid: "number=1&title=%C3%84ndrad+kontroll&frequency=yearly",
		invalid: []string{"number=x&title=&frequency=ofta", "number=1&title=&frequency=yearly"}},
	{route: "POST /plans/{id}/controls/{control}/delete", url: "/plans/$ksdraft/controls/$dc/delete", valid: "reason=Dubblett",
		invalid: []string{"reason=", "reason=" + strings.Repeat("x", 2001)}},
	{route: "POST /plans/{id}/back", url: "/plans/$plan/back", valid: "reason=Fel+plan+antogs",
		invalid: []string{"reason=", "reason=" + strings.Repeat("x", 2001)}},
	{route: "POST /plans/{id}/import", url: "/plans/$ksdraft/import", valid: "$xlsx", upload: true,
		invalid: []string{"ingen excelfil", ""}},
	{route: "POST /plans/{id}/next", url: "/plans/$plan/next", valid: nextForm,
		invalid: []string{"decision-$a2=ogiltig", ""}},
	{route: "POST /boards/{id}/transfer", url: "/boards/$ks/transfer"}, // takes no form
	{route: "POST /actions/{id}/status", url: "/actions/$a11/status", valid: "status=in_progress",
		invalid: []string{"status=done&done_note=", "status=ogiltig", "status=cancelled"}},
	{route: "POST /risks", url: "/risks", valid: "board=$ks&title=Ny+risk",
		invalid: []string{"board=$ks&title=", "board=$ks&title=Ny+risk&category=ogiltig"}},
	{route: "POST /risks/{id}/assessments", url: "/risks/$risk/assessments", valid: "year=2025&probability=2&consequence=3",
		invalid: []string{"year=2025&probability=0&consequence=3", "year=2025&probability=99&consequence=3", "year=1800&probability=2&consequence=3"}},
	{route: "POST /risks/{id}/control", url: "/risks/$risk/control", valid: "plan=$ksdraft",
		invalid: []string{"plan=$plan", "plan=" + missing}},
	{route: "POST /controls/{id}/results", url: "/controls/$c11/results", valid: "result=$r11&period=2024&outcome=deviation&account=Uppdaterad+redovisning.",
		invalid: []string{"period=2024&outcome=ogiltig", "period=1999&outcome=no_deviation&account=x", "result=$r11&period=2024&outcome=not_performed"}},
	{route: "POST /controls/{id}/results/{result}/deviations", url: "/controls/$c11/results/$r11/deviations", valid: "description=Larmet+n%C3%A5dde+inte+jouren.",
		invalid: []string{"description=", "description=%20%20"}},
	{route: "POST /controls/{id}/deviations/{deviation}/status", url: "/controls/$c11/deviations/$d11/status", valid: "status=handled",
		invalid: []string{"status=accepted&acceptance_reason=", "status=ogiltig"}},
	{route: "POST /controls/{id}/deviations/{deviation}/actions", url: "/controls/$c11/deviations/$d11/actions", valid: "description=Byt+leverant%C3%B6r.",
		invalid: []string{"description=", "description=Byt&deadline=inte-ett-datum"}},
	{route: "POST /controls/{id}/sample", url: "/controls/$c9/sample", valid: "period=2024&size=1",
		invalid: []string{"period=1999&size=1", "period=2024&size=0"}},
	{route: "POST /samples/{id}/delete", url: "/samples/$smp/delete", valid: ""},
	{route: "POST /samples/{id}/items/{item}", url: "/samples/$smp/items/$si2", valid: "status=ok&note=Granskad.",
		invalid: []string{"status=ogiltig", "status=deviation&note="}},
	{route: "POST /samples/{id}/items/{item}/deviation", url: "/samples/$smp/items/$si1/deviation", valid: ""},
	{route: "POST /settings", url: "/settings", valid: "municipality=Exempelby+kommun",
		invalid: []string{"municipality=" + strings.Repeat("x", 201)}},
	{route: "POST /common", url: "/common", valid: "year=2023&title=Delegationsbeslut&frequency=yearly",
		invalid: []string{"year=2023&title=&frequency=yearly", "year=2023&title=Attestreglementet&frequency=ogiltig"}},
	{route: "POST /common/{id}", url: "/common/$cc", valid: "title=Attestreglementet&frequency=yearly",
		invalid: []string{"title=&frequency=yearly", "title=Attestreglementet&frequency=ogiltig"}},
	{route: "POST /common/{id}/delete", url: "/common/$cc/delete", valid: ""},
}

// notRecordWrites are the POST routes that write no record of the domain,
// with the reason they are left out.
var notRecordWrites = map[string]string{
	"POST /login":                  "signs in: open to everyone, tested in internal/web",
	"POST /logout":                 "signs out: open to everyone",
	"POST /forgot":                 "asks for a reset mail: the same answer for every address (internal/web)",
	"POST /lang":                   "sets the language cookie",
	"POST /me/calendar":            "renews the user's own calendar address: every signed-in user may",
	"POST /controls/{id}/target":   "computes whether a value meets the target, for whoever may view the control; writes nothing",
	"POST /controls/{id}/deadline": "says how a deadline in words is understood, for whoever may view the control; writes nothing",
}

// ids in a URL: $names standing for records.
var urlIds = regexp.MustCompile(`\$[a-z0-9]+`)

// TestRefusalTellsNothing sends, for every POST route of the web UI and
// every role refused there, a valid and each invalid body to the record
// and to a record that does not exist (each id of the path in turn, and
// for routes without one the board in the form). A role that may view the
// record but not write it (403) gets the same answer for every body; one
// that may not view it (404) — and a guest, and a superuser — gets the
// same answer whatever it sends, to a record that exists or not.
func TestRefusalTellsNothing(t *testing.T) {
	w := prepare(t)
	app, r, h := w.serve(t)
	defer app.Cleanup()
	w.ids["$xlsx"] = exported(t, w, h)
	for _, route := range routes(r) {
		m, p := split(route)
		if m != http.MethodPost || strings.HasPrefix(p, "/api/") {
			continue
		}
		if _, skip := notRecordWrites[route]; skip {
			continue
		}
		n := 0
		for _, c := range refusalCases {
			if c.route == route {
				n++
				w.checkRefusals(t, h, c)
			}
		}
		if n == 0 {
			t.Errorf("route %q has no refusal case: add valid and invalid bodies to refusalCases (or a reason to notRecordWrites)", route)
		}
	}
}

// checkRefusals sends the case's bodies as every role refused there.
func (w *world) checkRefusals(t *testing.T, h http.Handler, c refusalCase) {
	t.Helper()
	route := c.route
	var want map[string]expect
	for _, row := range writeRows() {
		if row.route == route && row.url == c.url {
			var err error
			if want, err = parseWant(row.want); err != nil {
				t.Fatal(err)
			}
		}
	}
	if want == nil {
		t.Errorf("%s: no row of the matrix with the URL %s", route, c.url)
		return
	}
	// the invalid bodies are refused on their own merits: by validation,
	// not by permission, as the one who may write there sends them
	if writer := writerOf(want); writer != "" {
		for _, body := range c.invalid {
			rec := httptest.NewRecorder()
			rw := row{route: route, url: c.url, body: body}
			if c.upload {
				rw = row{route: route, url: c.url, upload: body + " "}
			}
			fresh, _, fh := w.serve(t) // should it go through, it changes nothing the others see
			fh.ServeHTTP(rec, w.request(rw, writer))
			fresh.Cleanup()
			if rec.Code < 400 || rec.Code == http.StatusForbidden || rec.Code == http.StatusNotFound {
				t.Errorf("%s as %s: expected %.60q refused as invalid, got %d", route, writer, body, rec.Code)
			}
		}
	}
	// the record's own address, and each with one id that names nothing
	urls := []string{c.url}
	for _, name := range urlIds.FindAllString(c.url, -1) {
		urls = append(urls, strings.Replace(c.url, name, missing, 1))
	}
	for _, role := range roles {
		e := want[role]
		if !e.login && e.status != http.StatusForbidden && e.status != http.StatusNotFound {
			continue // the role may write here
		}
		type answer struct {
			status int
			page   string
		}
		first := map[bool]*answer{} // by whether the record is missing
		for i, url := range urls {
			type sent struct {
				body    string
				missing bool // the record it names does not exist
			}
			var bodies []sent
			for _, b := range append([]string{c.valid}, c.invalid...) {
				bodies = append(bodies, sent{b, i > 0})
				if i == 0 && !strings.Contains(c.url, "$") && strings.Contains(b, "$ks&") {
					// no id in the path: the board in the form names nothing
					bodies = append(bodies, sent{strings.ReplaceAll(b, "$ks&", missing+"&"), true})
				}
			}
			for _, sb := range bodies {
				body, isMissing := sb.body, sb.missing
				row := row{route: route, url: url}
				if c.upload {
					row.upload = w.expand(body, role)
					if row.upload == "" {
						row.upload = " "
					}
				} else {
					row.body = body
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, w.request(row, role))
				got := &answer{rec.Code, w.anonymous(rec.Header().Get("Location") + "\n" + rec.Body.String())}
				key := isMissing && e.status == http.StatusForbidden // a 403 role may tell a missing record
				if first[key] == nil {
					first[key] = got
					continue
				}
				if got.status != first[key].status || got.page != first[key].page {
					t.Errorf("%s as %s: expected the same answer for every body%s, got %d for %s %.60q and %d before",
						route, role, map[bool]string{true: "", false: " and whether the record exists"}[e.status == http.StatusForbidden],
						got.status, w.expand(url, role), w.expand(body, role), first[key].status)
				}
			}
		}
		if a := first[false]; a != nil && (a.status >= 200 && a.status < 400 && !e.login) {
			t.Errorf("%s as %s: expected a refusal, got %d", route, role, a.status)
		}
	}
}

// exported is the 2024 plan as the coordinator exports it: an Excel file
// the import takes.
func exported(t *testing.T, w *world, h http.Handler) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, w.request(row{route: "GET /plans/{id}/export.xlsx", url: "/plans/$plan/export.xlsx"}, "coord"))
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected the plan's Excel file, got %d", rec.Code)
	}
	return fmt.Sprint(rec.Body.String())
}

// anonymous is a page with every id of the world, and the missing one, as
// "ID": a page may show the address it was asked for (the language switch
// comes back to it), which the requester wrote themselves.
func (w *world) anonymous(page string) string {
	pairs := []string{missing, "ID"}
	for _, id := range w.ids {
		if len(id) == len(missing) {
			pairs = append(pairs, id, "ID")
		}
	}
	return strings.NewReplacer(pairs...).Replace(page)
}

// writerOf is a role that may write where want says, preferring the
// coordinator; "" if none may.
func writerOf(want map[string]expect) string {
	for _, role := range append([]string{"coord"}, roles...) {
		if e := want[role]; !e.login && e.status >= 200 && e.status < 400 {
			return role
		}
	}
	return ""
}
