package web_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"ikplan/internal/perf"
	"ikplan/proof/refset"
	"ikplan/proof/testapp"
)

// TestPerfOffAnswersTheSame: with the performance machinery off (perf's
// one switch: no page cache, no gates, PocketBase's own driver and
// connections) every GET route of the web UI — each row of refPages, on
// the demo data — answers with the same status, the same content type and
// the same body as with it on, computed and served again from the page
// cache. So the machinery can be switched off to look for a bug without
// changing what anyone sees, and the page cache never serves one person's
// page to another or an old one after a change.
func TestPerfOffAnswersTheSame(t *testing.T) {
	// not parallel: the switch is the process's, read when the apps are made
	f := testapp.Fix(t)
	perf.SetEnabled(false)
	t.Cleanup(func() { perf.SetEnabled(true) })
	off := testapp.NewWeb(t)
	perf.SetEnabled(true)
	if !perf.Enabled() {
		t.Skip("IKPLAN_PERF=off: nothing to compare with")
	}
	on := testapp.NewWeb(t)
	hOff, _ := refset.Handler(t, off)
	hOn, _ := refset.Handler(t, on)

	ids := refIds{Year: 2024, Evidence: "loggar.txt", Token: strings.Repeat("x", 40)}
	ids.Board, ids.Other, ids.Plan, ids.Control = f.KS, f.IAN, f.Plan, f.Controls["5"]
	ids.Result, ids.Action, ids.Risk = f.Results["5"], f.Actions["2"], f.Risk
	ids.PlanTitle, ids.ControlTitle = "Internkontrollplan 2024", ""
	users := map[string]string{coordinator: "samordnare", owner: "raddning", reader: "lasare", auditor: "revisor"}
	get := func(h http.Handler, p refPage) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, p.url, nil)
		if u := users[p.user]; u != "" {
			req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[u]})
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	rows := refPages(ids)
	// every row as every signed-in role too, so that a page kept for one
	// person is asked for by the others at the same address
	var all []refPage
	for _, p := range rows {
		all = append(all, p)
		if p.user != guest {
			for _, u := range []string{coordinator, owner, reader, auditor} {
				if u != p.user {
					q := p
					q.name, q.user = p.name+"/as-"+u, u
					all = append(all, q)
				}
			}
		}
	}
	pages := 0
	for _, p := range all {
		want := get(hOff, p)
		for _, try := range []string{"computed", "again"} {
			got := get(hOn, p)
			if got.Code != want.Code {
				t.Errorf("%s (%s as %q, %s): Expected status %d as with perf off, got %d", p.name, p.url, p.user, try, want.Code, got.Code)
				continue
			}
			if g, w := got.Header().Get("Content-Type"), want.Header().Get("Content-Type"); g != w {
				t.Errorf("%s (%s as %q, %s): Expected Content-Type %q as with perf off, got %q", p.name, p.url, p.user, try, w, g)
			}
			if !sameBody(want.Body.Bytes(), got.Body.Bytes()) {
				t.Errorf("%s (%s as %q, %s): Expected the same body as with perf off, got a different one:\n%s",
					p.name, p.url, p.user, try, firstDifference(want.Body.Bytes(), got.Body.Bytes()))
			}
		}
		if want.Code == http.StatusOK && strings.HasPrefix(want.Header().Get("Content-Type"), "text/html") {
			pages++
		}
	}
	if pages < len(rows)/2 {
		t.Fatalf("Expected most rows to answer with a page, got %d pages of %d requests", pages, len(all))
	}
}

// sameBody: the same bytes, or for a Word or Excel file (a zip) the same
// files with the same contents (a zip entry carries the moment it was
// written, which differs between any two downloads).
func sameBody(want, got []byte) bool {
	if bytes.Equal(want, got) {
		return true
	}
	if !bytes.HasPrefix(want, []byte(zipMagic)) || !bytes.HasPrefix(got, []byte(zipMagic)) {
		return false
	}
	wz, err1 := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	gz, err2 := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	if err1 != nil || err2 != nil || len(wz.File) != len(gz.File) {
		return false
	}
	for i, wf := range wz.File {
		gf := gz.File[i]
		w, g := unzipped(wf), unzipped(gf)
		if strings.HasPrefix(wf.Name, "docProps/") {
			// the document's properties carry the moment it was written
			w, g = stamp.ReplaceAll(w, nil), stamp.ReplaceAll(g, nil)
		}
		switch {
		case wf.Name != gf.Name:
			return false
		case wf.Name == "manifest.sig":
			// the signature of a manifest that names the inner files' hashes
			continue
		case wf.Name == "manifest.json":
			// the auditor's package names each inner file's hash and size,
			// and a Word or Excel file inside differs by its moment as above:
			// a different moment compresses to a different size
			clean := func(b []byte) []byte {
				return sizes.ReplaceAll(hashes.ReplaceAll(stamp.ReplaceAll(b, nil), nil), nil)
			}
			w, g = clean(w), clean(g)
		case bytes.HasPrefix(w, []byte(zipMagic)):
			// a Word or Excel file inside the auditor's package: the same
			// parts (their contents are the documents' own tests' business,
			// and carry the moment they were written)
			if !sameParts(w, g) {
				return false
			}
			continue
		}
		if !bytes.Equal(w, g) {
			return false
		}
	}
	return true
}

// sameParts: two zips with the same entries of the same contents, in any
// order (excelize writes a workbook's sheets in no fixed order), the
// moments in the documents' properties left out: their length varies with
// the moment (a fraction of a second loses its trailing zeros), so even the
// sizes differ between two downloads.
func sameParts(want, got []byte) bool {
	parts := func(b []byte) map[string][]byte {
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil
		}
		out := map[string][]byte{}
		for _, f := range z.File {
			body := unzipped(f)
			if strings.HasPrefix(f.Name, "docProps/") {
				body = stamp.ReplaceAll(body, nil)
			}
			out[f.Name] = body
		}
		return out
	}
	w, g := parts(want), parts(got)
	if w == nil || g == nil || len(w) != len(g) {
		return false
	}
	for name, body := range w {
		if other, ok := g[name]; !ok || !bytes.Equal(body, other) {
			println("DIFF", name, string(body[:min(len(body), 3000)]), "\n=====\n", string(other[:min(len(other), 3000)]))
			return false
		}
	}
	return true
}

// sizes are a manifest's sizes of its files.
var sizes = regexp.MustCompile(`"size": *\d+`)

// hashes are SHA-256 sums as a manifest writes them.
var hashes = regexp.MustCompile(`[0-9a-f]{64}`)

// stamp is a moment as the documents' properties write it.
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?`)

func unzipped(f *zip.File) []byte {
	r, err := f.Open()
	if err != nil {
		return nil
	}
	defer r.Close()
	b, _ := io.ReadAll(r)
	return b
}

// firstDifference shows where two bodies part, with some context.
func firstDifference(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-120)
	return "perf off: …" + string(want[from:min(len(want), i+120)]) + "…\nperf on:  …" + string(got[from:min(len(got), i+120)]) + "…"
}
