package hostile_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// validParam is a working value for each route parameter: the fixture's
// control 2 of Kommunstyrelsen's 2024 plan with its result, deviation and
// action, and the records around it.
func (s *server) validParam(pattern, name string) string {
	f := s.f
	switch name {
	case "id":
		switch {
		case strings.HasPrefix(pattern, "/plans/"):
			return f.Plan
		case strings.HasPrefix(pattern, "/controls/"):
			return f.Controls["2"]
		case strings.HasPrefix(pattern, "/actions/"):
			return f.Actions["2"]
		case strings.HasPrefix(pattern, "/risks/"):
			return f.Risk
		case strings.HasPrefix(pattern, "/boards/"):
			return f.KS
		case strings.HasPrefix(pattern, "/history/"):
			return f.Controls["2"]
		}
	case "control":
		return f.Controls["2"]
	case "result":
		return f.Results["2"]
	case "deviation":
		return f.Deviations["2"]
	case "collection":
		return "controls"
	case "kind":
		return "followup"
	case "name":
		return "bevis.pdf"
	case "file":
		return strings.Repeat("t", 43) + ".ics"
	case "path":
		if strings.HasPrefix(pattern, "/static/") {
			return "css/ikplan.css"
		}
		return "finns-inte"
	}
	return "x"
}

// oddIds are path parameters no route expects: traversal, NUL, overlong,
// quotes, invalid UTF-8 and non-ASCII, escaped for a path.
var oddIds = []string{
	"..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F", "%00", "a%00b", strings.Repeat("a", 500),
	"%27%20OR%201%3D1%20--", "%ff%fe", "%E5%90%8D%E5%89%8D", "%3Cscript%3E", "%20", "id%0D%0ASet-Cookie:x",
}

// badQueries are query strings no page expects.
var badQueries = []string{
	"year=abc", "year=-1", "year=99999999999999999999", "status[]=", "status=%00", "page=-1", "q=%ff",
	"q=" + strings.Repeat("%C3%A5", 300), "board=..%2F..%2F", "format=%00pdf", "format=exe", "edit=%27",
	"p=-5&c=999", "overdue=maybe", "public=2", "year=2024&year=abc", "next=%2F%2Fevil.example", "%zz=1", "a=%",
}

// malformedBodies are bodies of POST requests no form sends.
func malformedBodies() []request {
	var multi bytes.Buffer
	w := multipart.NewWriter(&multi)
	_ = w.WriteField("title", "Rubrik")
	fw, _ := w.CreateFormFile("evidence", "../../etc/passwd")
	_, _ = fw.Write([]byte("%PDF-1.4\n"))
	_ = w.Close()
	huge := "title=" + strings.Repeat("A", 1<<20) + "&description=" + strings.Repeat("<b>", 100000)
	return []request{
		{contentType: "application/x-www-form-urlencoded", body: strings.NewReader("%zz=1&title=%&status=%G0")},
		{contentType: "application/x-www-form-urlencoded", body: strings.NewReader("title=\xff\xfe\xfd&description=a\x00b&status=\xc3")},
		{contentType: "application/x-www-form-urlencoded", body: strings.NewReader("status=done&status=cancelled&year=1&year=2&board=a&board=b&result=x&result=y")},
		{contentType: "application/x-www-form-urlencoded", body: strings.NewReader(huge)},
		{contentType: "application/x-www-form-urlencoded", body: strings.NewReader(strings.Repeat("a=1&", 20000))},
		{contentType: "application/json", body: strings.NewReader(`{"title": "x", "year": "abc"`)},
		{contentType: "text/plain", body: strings.NewReader("status=done")},
		{contentType: "multipart/form-data", body: strings.NewReader("--x\r\nbroken")},
		{contentType: "multipart/form-data; boundary=zzz", body: strings.NewReader("--zzz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunterminated")},
		{contentType: w.FormDataContentType(), body: bytes.NewReader(multi.Bytes())},
		{contentType: "application/x-www-form-urlencoded; charset=utf-16", body: strings.NewReader("\xff\xfet\x00=\x00")},
		{contentType: "", body: strings.NewReader("year=2025")},
	}
}

// checkAnswer checks one request's answer: never 5xx, and a refusal is an
// HTML page in Swedish (for htmx, which swaps a part, a Swedish fragment).
func checkAnswer(t *testing.T, what string, status int, header http.Header, body string, htmx bool) {
	t.Helper()
	if status >= 500 {
		t.Errorf("%s: expected a 4xx or success, got %d\n%.400s", what, status, body)
		return
	}
	if status < 400 {
		return
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("%s: expected an HTML page with the %d, got %q\n%.300s", what, status, ct, body)
		return
	}
	if htmx && !strings.Contains(body, "<html") {
		if !strings.ContainsAny(body, "åäöÅÄÖ") {
			t.Errorf("%s: expected a Swedish fragment with the %d, got\n%.400s", what, status, body)
		}
		return
	}
	if !strings.Contains(body, `<html lang="sv"`) {
		t.Errorf("%s: expected the %d page in Swedish, got\n%.400s", what, status, body)
	}
}

// TestMalformedRequests sends every web route odd ids, bad query
// parameters and, for POST, malformed bodies: every answer is below 500,
// and every refusal is an HTML page in Swedish.
func TestMalformedRequests(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	routes := webRoutes(t)
	n, statuses := 0, map[int]int{}
	send := func(r request, what string) {
		t.Helper()
		n++
		rec := s.do(r)
		statuses[rec.Code]++
		checkAnswer(t, what, rec.Code, rec.Header(), rec.Body.String(), r.header["HX-Request"] == "true")
	}
	for _, rt := range routes {
		method := rt.method
		if method == "Any" {
			method = http.MethodPost
		}
		valid := fill(rt.pattern, func(_ int, name string) string { return s.validParam(rt.pattern, name) })
		// odd ids, one parameter at a time
		for i := range params(rt.pattern) {
			for _, odd := range oddIds {
				target := fill(rt.pattern, func(j int, name string) string {
					if j == i {
						return odd
					}
					return s.validParam(rt.pattern, name)
				})
				send(request{method: method, target: target, as: "samordnare", contentType: "application/x-www-form-urlencoded",
					body: strings.NewReader("")}, fmt.Sprintf("%s %s", method, target))
			}
		}
		// bad query parameters
		for _, q := range badQueries {
			target := valid + "?" + q
			send(request{method: method, target: target, as: "samordnare", contentType: "application/x-www-form-urlencoded",
				body: strings.NewReader("")}, fmt.Sprintf("%s %s", method, target))
		}
		if method != http.MethodPost {
			continue
		}
		for k, b := range malformedBodies() {
			b.method, b.target, b.as = method, valid, "samordnare"
			send(b, fmt.Sprintf("POST %s with malformed body %d (%s)", valid, k, b.contentType))
			// the same for htmx, which gets fragments
			b2 := malformedBodies()[k]
			b2.method, b2.target, b2.as = method, valid, "samordnare"
			b2.header = map[string]string{"HX-Request": "true", "HX-Target": "main"}
			send(b2, fmt.Sprintf("htmx POST %s with malformed body %d", valid, k))
		}
	}
	// a guest and an owner of another board get the same treatment on a sample
	for _, as := range []string{"", "annan"} {
		for _, rt := range routes {
			target := fill(rt.pattern, func(_ int, name string) string { return s.validParam(rt.pattern, name) }) + "?" + badQueries[0]
			method := rt.method
			if method == "Any" {
				method = http.MethodGet
			}
			send(request{method: method, target: target, as: as, contentType: "application/x-www-form-urlencoded",
				body: strings.NewReader("%zz")}, fmt.Sprintf("%s %s as %q", method, target, as))
		}
	}
	t.Logf("%d routes, %d requests, answers by status: %v", len(routes), n, statuses)
}
