package hostile_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// label is a field's Swedish name as the messages give it.
func label(field string) string { return i18n.T(i18n.Sv, "history.f."+field) }

// TestTextLimits: every text field has a limit of its own, written in the
// collection (not PocketBase's silent default); a text one character over
// it is refused with a Swedish message that names the field and the
// limit, and so are bytes that are not UTF-8. A text at the limit is
// saved, counted in characters, not bytes.
func TestTextLimits(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	hs := hosts(s.f)
	coordinator := testapp.Find(t, s.app, model.Users, s.f.Users["samordnare"])
	admin, err := s.app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	// fields whose rules want a period or a number: the longest text is no such thing
	formatted := map[string]bool{"results.period": true, "results.measured_value": true, "controls.target_value": true, "common_controls.target_value": true}
	if err := testapp.WhileDraft(s.app, s.f.Plan, func() error { giveTarget(t, s.app, coordinator, s.f.Controls["2"]); return nil }); err != nil {
		t.Fatal(err)
	}
	fields := textFields(t, s.app)
	for _, fl := range fields {
		if fl.Max <= 0 {
			t.Errorf("Expected %s to have a limit of its own, got none (PocketBase's default of 5000 applies)", fl)
			continue
		}
		if !i18n.Has("history.f." + fl.Name) {
			t.Errorf("Expected a Swedish name for %s (history.f.%s in internal/i18n)", fl, fl.Name)
		}
		by := coordinator
		if fl.Collection == model.Users {
			by = admin
		}
		id := hs[fl.Collection][0]
		write := func(text string) error {
			return model.RunAs(s.app, model.ActorFromAuth(by), func(tx core.App) error {
				save := func() error {
					r, err := tx.FindRecordById(fl.Collection, id)
					if err != nil {
						return err
					}
					r.Set(fl.Name, text)
					return tx.Save(r)
				}
				if fl.Collection == model.Controls || fl.Collection == model.Plans {
					// what the board decides is written as while the plan was a draft
					return testapp.WhileDraft(tx, s.f.Plan, save)
				}
				return save()
			})
		}
		over := strings.Repeat("å", fl.Max+1)
		err := write(over)
		msg := testapp.FieldErrors(err)[fl.Name]
		want := fmt.Sprintf("Texten i fältet ”%s” är för lång – högst %d tecken.", label(fl.Name), fl.Max)
		if msg != want {
			t.Errorf("Expected %s with %d characters refused with %q, got %q (%v)", fl, fl.Max+1, want, msg, err)
		}
		err = write("Fel\xffkod")
		msg = testapp.FieldErrors(err)[fl.Name]
		if !strings.Contains(msg, "”"+label(fl.Name)+"”") || !strings.Contains(msg, "inte går att läsa") {
			t.Errorf("Expected %s with bytes that are not UTF-8 refused with a message naming the field, got %q (%v)", fl, msg, err)
		}
		if formatted[fl.String()] {
			continue
		}
		at := strings.Repeat("å", fl.Max)
		if err := write(at); err != nil {
			t.Errorf("Expected %s to take %d characters, got %v", fl, fl.Max, err)
		} else if got := testapp.Find(t, s.app, fl.Collection, id).GetString(fl.Name); got != at {
			t.Errorf("Expected %s stored whole, got %d characters", fl, len([]rune(got)))
		}
	}
	t.Logf("%d text fields, each refused one character over its limit and with bytes that are not UTF-8", len(fields))
}

// upload posts files as evidence of control 2's 2024 result, as the web
// form does, and returns the answer.
func upload(t *testing.T, s *server, files map[string][]byte) (int, string) {
	t.Helper()
	res := testapp.Find(t, s.app, model.Results, s.f.Results["2"])
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range map[string]string{"result": res.Id, "period": res.GetString("period"), "outcome": res.GetString("outcome"), "account": res.GetString("account")} {
		_ = w.WriteField(k, v)
	}
	for name, data := range files {
		fw, err := w.CreateFormFile("evidence", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	_ = w.Close()
	rec := s.do(request{method: http.MethodPost, target: "/controls/" + s.f.Controls["2"] + "/results", as: "samordnare",
		contentType: w.FormDataContentType(), body: &body})
	return rec.Code, rec.Body.String()
}

// TestUploadLimits: evidence files have a size limit, a limit on their
// number and a list of types; each refusal is a 422 with the form and a
// Swedish message naming the field, and leaves the result as it was. A
// file name made of markup is stored under a safe name and shown inert.
func TestUploadLimits(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), bytes.Repeat([]byte{0}, 200)...)
	big := append(append([]byte{}, pdf...), bytes.Repeat([]byte("A"), 21<<20)...)
	many := map[string][]byte{}
	for i := 0; i < 21; i++ {
		many[fmt.Sprintf("bevis-%02d.pdf", i)] = pdf
	}
	field := "”" + label("evidence") + "”"
	for _, c := range []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"a program", map[string][]byte{"rapport.pdf.exe": exe}, "har en filtyp som inte godtas"},
		{"a program named as a PDF", map[string][]byte{"rapport.pdf": exe}, "har en filtyp som inte godtas"},
		{"an HTML page", map[string][]byte{"sida.html": []byte("<html><script>alert(1)</script></html>")}, "har en filtyp som inte godtas"},
		{"an SVG image", map[string][]byte{"bild.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`)}, "har en filtyp som inte godtas"},
		{"21 MB", map[string][]byte{"stor.pdf": big}, "är för stor – högst 20 MB per fil"},
		{"21 files", many, "kan ha högst 20 filer"},
	} {
		status, body := upload(t, s, c.files)
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, field) || !strings.Contains(body, c.want) {
			t.Errorf("%s: expected 422 with %q and %q, got %d\n%.2000s", c.name, field, c.want, status, pageTextOf(body))
		}
		if n := len(testapp.Find(t, s.app, model.Results, s.f.Results["2"]).GetStringSlice("evidence")); n != 0 {
			t.Fatalf("%s: expected no file saved, got %d", c.name, n)
		}
	}
	// an accepted file with a hostile name
	evil := `"><img src=x onerror=alert(1)>.pdf`
	if status, body := upload(t, s, map[string][]byte{evil: pdf}); status != http.StatusSeeOther {
		t.Fatalf("Expected a PDF to be saved (303), got %d\n%.1000s", status, pageTextOf(body))
	}
	names := testapp.Find(t, s.app, model.Results, s.f.Results["2"]).GetStringSlice("evidence")
	if len(names) != 1 || strings.ContainsAny(names[0], `"<>/\ `) {
		t.Fatalf("Expected one file stored under a safe name, got %q", names)
	}
	page := s.get("samordnare", "/controls/"+s.f.Controls["2"], nil)
	if live := liveMarkup(t, page.Body.String(), nil); len(live) > 0 {
		t.Fatalf("Expected the control page inert with the file listed, got %v", live)
	}
	if !strings.Contains(page.Body.String(), names[0]) {
		t.Fatalf("Expected the file %q listed on the control page", names[0])
	}
}

// pageTextOf is a page's visible text, for messages.
func pageTextOf(doc string) string { return visible(pageText(doc)) }
