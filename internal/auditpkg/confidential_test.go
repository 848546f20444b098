package auditpkg_test

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
	"testing"

	"ikplan/proof/pdftext"
	"ikplan/proof/testapp"
)

// texts is every text a package shows: each file's name, and its content
// read as a person would read it (a PDF's text, the XML of a Word or Excel
// file, the rest as it is).
func texts(t *testing.T, pkg []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		text.WriteString(f.Name + "\n")
		switch path.Ext(f.Name) {
		case ".pdf":
			r, err := pdftext.Open(data)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			text.WriteString(strings.Join(pdftext.Lines(r), "\n"))
		case ".docx", ".xlsx":
			inner, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			for _, part := range inner.File {
				rc, _ := part.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				text.Write(b)
			}
		default:
			text.Write(data)
		}
		out[f.Name] = text.String()
	}
	return out
}

// TestReaderGetsNoConfidential: by today's rules a reader reads no
// confidential control, and an auditor reads all of them. So, the same
// request made by each: no file of the reader's package — its name or
// anything in it — shows control 12, its deviation, action or evidence
// file, while the auditor's package shows each of them; the reader's
// documents are the public version, and the reader gets no history.
func TestReaderGetsNoConfidential(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	for _, board := range []string{f.KS, ""} {
		reader := texts(t, build(t, app, f.Users["lasare"], board))
		auditor := texts(t, build(t, app, f.Users["revisor"], board))
		for name, text := range reader {
			if leaks := testapp.Leaks(text); len(leaks) > 0 {
				t.Errorf("board %q: Expected nothing confidential in the reader's %s, got %v", board, name, leaks)
			}
			if strings.Contains(name, "andringshistorik") {
				t.Errorf("board %q: Expected no history for a reader, got %s", board, name)
			}
		}
		found := map[string]bool{}
		for _, text := range auditor {
			for _, l := range testapp.Leaks(text) {
				found[l] = true
			}
		}
		for _, secret := range testapp.Secrets {
			if l := testapp.Leaks(secret); len(l) > 0 && !found[l[0]] {
				t.Errorf("board %q: Expected the auditor's package to show %q, got nothing of it", board, secret)
			}
		}
		if !hasFile(reader, "uppfoljning-kommunstyrelsen-2024-offentlig.pdf") || hasFile(auditor, "-offentlig.pdf") {
			t.Errorf("board %q: Expected the reader's follow-up public and the auditor's internal", board)
		}
		if !hasFile(auditor, "andringshistorik-kommunstyrelsen-2024.xlsx") || !hasFile(auditor, testapp.SecretFileName[:8]) {
			t.Errorf("board %q: Expected the auditor's package to hold the history and control 12's evidence", board)
		}
	}
}

func hasFile(files map[string]string, part string) bool {
	for name := range files {
		if strings.Contains(name, part) {
			return true
		}
	}
	return false
}
