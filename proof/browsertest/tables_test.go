package browsertest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// The printed page's text width at 96 px an inch: A4 less the @page
// margins of the documents' print.css (20 and 18 mm), upright and
// landscape.
const (
	printPortraitPx  = (210 - 38) / 25.4 * 96
	printLandscapePx = (297 - 38) / 25.4 * 96
)

// splitWords finds, in every table cell of the page, each place where a
// line ends inside a word — the character before the break neither a
// space nor a hyphen before a letter (a date such as 2024-12-31 is one
// word) — by reading each character's box (Range's client
// rects): a character whose box starts below the one before starts a new
// line. It also finds cells whose text runs out of them (a word wider than
// its column) and tables wider than the page.
const splitWords = `(() => {
  const out = [];
  const pageW = document.documentElement.clientWidth;
  for (const table of document.querySelectorAll('.report-table')) {
    const box = table.getBoundingClientRect();
    if (box.right > pageW + 1) out.push('table ' + JSON.stringify(table.caption ? table.caption.textContent : '') + ' is ' + Math.round(box.width) + ' px wide, the page ' + pageW);
  }
  for (const cell of document.querySelectorAll('.report-table th, .report-table td')) {
    if (cell.scrollWidth > cell.clientWidth + 1) out.push('text runs out of its cell: ' + JSON.stringify(cell.textContent));
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let top = null, prev = '', seen = '';
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        const c = n.data[i];
        if (/\s/.test(c)) { prev = ' '; seen += ' '; continue; }
        const r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + 1);
        const rects = r.getClientRects();
        if (!rects.length) continue;
        const t = rects[0].top;
        const afterHyphen = '-\u2010\u2013'.includes(prev) && !/[0-9]/.test(c);
        if (top !== null && t > top + 1 && prev !== ' ' && !afterHyphen) {
          out.push(JSON.stringify(seen + '|' + n.data.slice(i, i + 12)) + ' in ' + JSON.stringify(cell.textContent));
        }
        top = t; prev = c; seen = (seen + c).slice(-16);
      }
    }
  }
  return out;
})()`

// TestPrintedTablesSplitNoWord prints (print media, A4's text width in the
// document's orientation) every document of the demo data — follow-up,
// plan and roll-up, internal and public — as the HTML file ikplan writes,
// and finds no table cell whose text breaks inside a word, no text running
// out of its cell and no table wider than the page.
func TestPrintedTablesSplitNoWord(t *testing.T) {
	t.Parallel()
	b := serve(t, "tables")
	b.launch()
	dir := t.TempDir()
	tables := 0
	for _, public := range []bool{false, true} {
		version := "internal"
		if public {
			version = "public"
		}
		docs := map[string]func() (*report.Doc, error){
			"follow-up": func() (*report.Doc, error) { return report.FollowUp(b.app, b.f.KS, 2024, public) },
			"plan":      func() (*report.Doc, error) { return report.PlanDoc(b.app, b.f.KS, 2024, public) },
			"roll-up":   func() (*report.Doc, error) { return report.RollUp(b.app, 2024, public, testapp.Today) },
			"memo":      func() (*report.Doc, error) { return report.Memo(b.app, b.f.KS, 2024, public, "sv", testapp.Today) },
		}
		for kind, build := range docs {
			name := kind + "-" + version
			d, err := build()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var buf bytes.Buffer
			if err := report.WriteHTML(&buf, d); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			file := filepath.Join(dir, name+".html")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			width := printPortraitPx
			if strings.Contains(buf.String(), "size: A4 landscape") {
				width = printLandscapePx
			}
			b.do("print "+name,
				chromedp.EmulateViewport(int64(width), 1100),
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}),
				chromedp.Navigate("file://"+file),
			)
			tables += eval[int](b, `document.querySelectorAll('.report-table').length`)
			b.screenshot("print-" + name)
			for _, p := range eval[[]string](b, splitWords) {
				t.Errorf("%s: %s", name, p)
			}
		}
	}
	if tables == 0 {
		t.Fatal("no table in the demo's documents")
	}
}
