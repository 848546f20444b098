package authz_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// row is one request of the matrix, sent once per role.
type row struct {
	route  string // the router's "METHOD /pattern" this request reaches
	name   string // what the row checks, when a route has several
	method string // for a route of any method; else the route's
	url    string // the target; $names are the world's ids, $ftoken and $cal the role's
	body   string // a form for pages, JSON under /api/
	upload string // a file sent as the multipart field "file" instead of body
	// want is each role's answer: space-separated "role,role:status"
	// groups, "*" for the roles not named; "login" is a redirect to sign in.
	want string
	text string // the record's content: present exactly for the roles that see it
	sees string // the roles that see text; by default those answered 200
	// fresh: an app of its own for every role (the request ends the
	// role's session, or changes what later rows read)
	fresh  bool
	zip    bool // the answer is a zip file (XLSX, DOCX): text is looked for in its parts
	stream bool // the answer is an event stream, read up to its first event
	cookie bool // the session cookie even to the REST API, instead of the header
}

// expect is one role's answer.
type expect struct {
	status int
	login  bool
}

func (e expect) String() string {
	if e.login {
		return "login"
	}
	return strconv.Itoa(e.status)
}

// parseWant reads a row's want into an answer for every role.
func parseWant(want string) (map[string]expect, error) {
	out := map[string]expect{}
	var rest *expect
	for _, group := range strings.Fields(want) {
		who, answer, ok := strings.Cut(group, ":")
		if !ok {
			return nil, fmt.Errorf("%q: expected role,role:status", group)
		}
		e := expect{login: answer == "login"}
		if !e.login {
			n, err := strconv.Atoi(answer)
			if err != nil {
				return nil, fmt.Errorf("%q: the status is no number", group)
			}
			e.status = n
		}
		for _, role := range strings.Split(who, ",") {
			switch {
			case role == "*":
				rest = &e
			case !slices.Contains(roles, role):
				return nil, fmt.Errorf("%q: no role %q", group, role)
			default:
				out[role] = e
			}
		}
	}
	for _, role := range roles {
		if _, ok := out[role]; !ok {
			if rest == nil {
				return nil, fmt.Errorf("%q: no answer for %s", want, role)
			}
			out[role] = *rest
		}
	}
	return out, nil
}

// seers lists the roles that must see the row's text.
func (c row) seers(want map[string]expect) []string {
	if c.sees == nobody {
		return nil
	}
	if c.sees != "" {
		return strings.Split(c.sees, ",")
	}
	var out []string
	for role, e := range want {
		if !e.login && e.status == http.StatusOK {
			out = append(out, role)
		}
	}
	return out
}

func (c row) verb() string {
	if c.method != "" {
		return c.method
	}
	m, _ := split(c.route)
	return m
}

// writes reports whether the answer is a write that went through: such a
// request gets an app of its own, so that it changes nothing for the others.
func (c row) writes(e expect) bool {
	return c.fresh || c.verb() != http.MethodGet && !e.login && e.status < 400
}

// expand fills in the world's ids and the role's own tokens.
func (w *world) expand(s, role string) string {
	pairs := []string{"$ftoken", w.files[role], "$cal", calendarToken(role)}
	keys := make([]string, 0, len(w.ids))
	for k := range w.ids {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) }) // $c12 before $c1
	for _, k := range keys {
		pairs = append(pairs, k, w.ids[k])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// request builds the row's request as the role sends it: pages with the
// session cookie, the REST API with the Authorization header; a superuser
// has no session, only the header.
func (w *world) request(c row, role string) *http.Request {
	target := w.expand(c.url, role)
	var body bytes.Buffer
	ctype := ""
	switch {
	case c.upload != "":
		mw := multipart.NewWriter(&body)
		part, _ := mw.CreateFormFile("file", "plan.xlsx")
		part.Write([]byte(c.upload))
		mw.Close()
		ctype = mw.FormDataContentType()
	case c.body != "" && strings.HasPrefix(target, "/api/"):
		body.WriteString(w.expand(c.body, role))
		ctype = "application/json"
	case c.body != "":
		body.WriteString(w.expand(c.body, role))
		ctype = "application/x-www-form-urlencoded"
	}
	req := httptest.NewRequest(c.verb(), target, &body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	switch {
	case role == "guest":
	case role == "super" || strings.HasPrefix(target, "/api/") && !c.cookie:
		req.Header.Set("Authorization", w.tokens[role])
	default:
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: w.sessions[role]})
	}
	return req
}

// check compares one answer with the row's; it returns "" when they agree.
func (c row) check(role string, want map[string]expect, rec *httptest.ResponseRecorder) string {
	e := want[role]
	loc := rec.Header().Get("Location")
	toLogin := rec.Code == http.StatusSeeOther && strings.HasPrefix(loc, "/login")
	switch {
	case e.login && !toLogin:
		return fmt.Sprintf("expected a redirect to sign in, got %d %q", rec.Code, loc)
	case !e.login && (rec.Code != e.status || toLogin):
		return fmt.Sprintf("expected %d, got %d %q", e.status, rec.Code, loc)
	}
	if c.text == "" {
		return ""
	}
	sees := slices.Contains(c.seers(want), role)
	body := rec.Body.String()
	if c.zip && rec.Code == http.StatusOK {
		body = unzipped(rec.Body.Bytes())
	}
	if shown := strings.Contains(body, c.text); shown != sees {
		return fmt.Sprintf("expected %q shown: %v, got shown: %v", c.text, sees, shown)
	}
	return ""
}

// printing: AUTHZ_PRINT=1 prints each row's answers as a want string, to
// read (never to paste unread) when adding rows.
var printing = os.Getenv("AUTHZ_PRINT") != ""

// unzipped is the text of every part of a zip file, one after the other.
func unzipped(b []byte) string {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "(no zip file: " + err.Error() + ")"
	}
	var out strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			continue
		}
		io.Copy(&out, r)
		r.Close()
	}
	return out.String()
}
