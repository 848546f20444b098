package hostile_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/hostile/badxlsx"
	"ikplan/proof/testapp"
)

// TestHostileExcel: every malformed or oversized Excel file posted to the
// plan import (as the coordinator, into a draft) is refused with a 4xx and
// a Swedish message beside the file field naming what is wrong, the page is
// inert, and nothing is written. The limits themselves, and what refusing
// each file costs, are tested in internal/report (TestImportRefusesHostileFiles)
// and against the real server in proof/proctest (TestHostileUploads).
func TestHostileExcel(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	// the demo plan back to a draft, around the rules (it has results)
	if err := testapp.ForceStatus(s.app, s.f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	notXLSX := "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)."
	mb := func(n int) string { return fmt.Sprintf("%d MB", n>>20) }
	good := badxlsx.Workbook(badxlsx.Sheet(badxlsx.Control(2)))
	cases := []struct {
		name   string
		data   []byte
		status int
		want   string
	}{
		{"a sheet that unpacks to 190 MB", badxlsx.ZipBomb(190 << 20), 422, "blir mer än " + mb(report.MaxImportUnpacked) + " när den packas upp"},
		{"a style part that unpacks to 190 MB", badxlsx.PartBomb("xl/styles.xml", 190<<20), 422, "blir mer än " + mb(report.MaxImportUnpacked)},
		{"a sheet that unpacks to 20 MB", badxlsx.ZipBomb(20 << 20), 422, "Bladet \"Plan\" blir mer än " + mb(report.MaxImportPart)},
		{"shared strings that unpack to 20 MB", badxlsx.SharedStringsBomb(20 << 20), 422, "Arbetsbokens texter blir mer än " + mb(report.MaxImportPart)},
		{"a sheet of 50 MB that says it is 1 KB", badxlsx.LyingSize(50 << 20), 422, notXLSX},
		{"a filled cell in column XFD on every row", badxlsx.FarCells(20000), 422, "Cellen XFD2 ligger utanför planens kolumner"},
		{"a filled cell on row 1 048 576", badxlsx.Cell("A1048576"), 422, "Cellen A1048576 ligger för långt ned i bladet"},
		{"2 000 parts", badxlsx.ManyParts(2000), 422, "Filen består av fler än 1000 delar."},
		{"a cell with 300 000 attributes", badxlsx.Attributes(300000), 422, notXLSX},
		{"a cell with 1 000 000 nested elements", badxlsx.Nested(1000000), 422, notXLSX},
		{"entities that expand a billion times", badxlsx.Entities(), 422, notXLSX},
		{"a shared string that is not there", badxlsx.SharedStrings("3", badxlsx.Text(`<sst><si><t>x</t></si></sst>`)), 422, notXLSX},
		{"no workbook", badxlsx.NoWorkbook(), 422, notXLSX},
		{"the sheet twice", badxlsx.Duplicate(), 422, notXLSX},
		{"half a workbook", good[:len(good)/2], 422, notXLSX},
		{"an empty file", nil, 422, notXLSX},
		{"a text file", []byte("Del;Nr;Rubrik\n;1;=HYPERLINK(\"http://x\")\n"), 422, notXLSX},
		{"a file over " + mb(report.MaxImportBytes), append(append([]byte{}, good...), bytes.Repeat([]byte{0}, report.MaxImportBytes)...), 413,
			"Filen är större än " + mb(report.MaxImportBytes) + "."},
	}
	before := [2]int{testapp.Count(t, s.app, model.Controls, nil), testapp.Count(t, s.app, model.AuditLog, nil)}
	for _, c := range cases {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		fw, _ := w.CreateFormFile("file", "plan.xlsx")
		_, _ = fw.Write(c.data)
		_ = w.Close()
		rec := s.do(request{method: http.MethodPost, target: "/plans/" + s.f.Plan + "/import", as: "samordnare",
			contentType: w.FormDataContentType(), body: &body})
		page := rec.Body.String()
		if rec.Code != c.status || !strings.Contains(pageTextOf(page), c.want) || !strings.Contains(page, `id="file-error"`) || !strings.Contains(page, "<title>Fel: ") {
			t.Errorf("%s: expected %d with %q beside the file field, got %d\n%.1500s", c.name, c.status, c.want, rec.Code, pageTextOf(page))
		}
		if live := liveMarkup(t, page, nil); len(live) > 0 {
			t.Errorf("%s: expected the page inert, got %v", c.name, live)
		}
	}
	if after := [2]int{testapp.Count(t, s.app, model.Controls, nil), testapp.Count(t, s.app, model.AuditLog, nil)}; after != before {
		t.Errorf("Expected nothing written, got %v → %v", before, after)
	}
}
