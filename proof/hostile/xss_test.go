package hostile_test

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// harmless is the text the baseline writes where the payloads go: what
// every output looks like when nothing in it is hostile.
const harmless = "Harmlös text 123"

// baseline is every output written with harmless text: the htmx
// attributes of each page and the shape of each document, feed and e-mail.
type baseline struct {
	status map[string]int
	hx     map[string]map[string]bool
	docs   map[string]shape
	mails  []shape
}

// tally counts what a payload run checked.
type tally struct {
	writes, refused, outputs, shown int
	fields                          map[string]bool
}

// render fetches every output and checks it. With base nil it records
// the baseline instead of comparing with it.
func render(t *testing.T, s *server, p payload, base *baseline) (*baseline, tally) {
	t.Helper()
	probe := p.probe()
	rec := &baseline{status: map[string]int{}, hx: map[string]map[string]bool{}, docs: map[string]shape{}}
	var n tally
	for _, o := range outputs(t, s, p.Text) {
		start := time.Now()
		res := s.do(o.Req)
		if testing.Verbose() {
			t.Logf("%s took %v", o.Name, time.Since(start))
		}
		body := res.Body.Bytes()
		n.outputs++
		if res.Code >= 500 {
			t.Errorf("%s: expected an answer, got %d", o.Name, res.Code)
			continue
		}
		if o.Req.method == "" && res.Code != 200 {
			t.Errorf("%s: expected 200, got %d\n%.300s", o.Name, res.Code, body)
			continue
		}
		for _, h := range []string{"Content-Disposition", "Content-Type", "Location", "HX-Location"} {
			if v := res.Header().Get(h); strings.ContainsAny(v, "\r\n\x00") {
				t.Errorf("%s: the header %s carries a CR, LF or NUL: %q", o.Name, h, v)
			}
		}
		rec.status[o.Name] = res.Code
		var (
			sh       shape
			shows    bool
			problems []string
		)
		var bs shape
		if base != nil {
			bs = base.docs[o.Name]
		}
		switch o.Kind {
		case kindHTML:
			if !strings.HasPrefix(res.Header().Get("Content-Type"), "text/html") {
				if res.Code == 303 || res.Code == 204 {
					continue // saved after all: the text shows on the pages above
				}
				t.Errorf("%s: expected HTML, got %q", o.Name, res.Header().Get("Content-Type"))
				continue
			}
			rec.hx[o.Name] = hxSignatures(string(body))
			var hb map[string]bool
			if base != nil {
				if hb = base.hx[o.Name]; hb == nil {
					hb = map[string]bool{}
				}
			}
			problems = liveMarkup(t, string(body), hb)
			shows = probe != "" && strings.Contains(visible(pageText(string(body))), probe)
		case kindPDF:
			sh, shows, problems = checkPDF(body, probe, bs)
		case kindDOCX:
			sh, shows, problems = checkDOCX(body, probe, bs)
		case kindXLSX:
			sh, shows, problems = checkXLSX(body, probe, bs)
		case kindICS:
			sh, shows, problems = checkICS(body, probe, bs)
		}
		if sh != nil {
			rec.docs[o.Name] = sh
		}
		if shows {
			n.shown++
		}
		for _, pr := range problems {
			t.Errorf("%s: %s", o.Name, pr)
		}
	}
	letters := reminders(t, s)
	for _, l := range letters {
		rec.mails = append(rec.mails, mailShape(l))
	}
	n.outputs += len(letters)
	if base != nil {
		shows, problems := checkLetters(t, letters, probe, base.mails)
		n.shown += shows
		for _, pr := range problems {
			t.Errorf("e-mail: %s", pr)
		}
	} else if len(letters) < 2 {
		t.Fatalf("Expected the owner's reminder and the coordinator's digest on %s, got %d e-mails", mailDay.Format("2006-01-02"), len(letters))
	}
	return rec, n
}

// TestPayloadsAreInert writes each payload of testdata/xss.txt into every
// text field of every collection through the hooks, then fetches every
// page, fragment, document, calendar feed and reminder e-mail that shows
// them and checks that nothing in them came alive: no element, attribute,
// script URL, formula, calendar line or mail header from the payload.
func TestPayloadsAreInert(t *testing.T) {
	t.Parallel()
	payloads := loadPayloads(t)
	s := newServer(t)
	// the harmless text is saved everywhere but in the fields that hold a
	// period or a number, which the rules refuse it
	formatted := map[string]bool{"results.period": true, "results.measured_value": true, "controls.target_value": true, "common_controls.target_value": true}
	for _, w := range plant(t, s, harmless) {
		if (w.Refused != "") != formatted[w.Field.String()] {
			t.Fatalf("Expected the harmless text to be saved in %s unless it holds a period or number, got %q", w.Field, w.Refused)
		}
	}
	base, n := render(t, s, payload{Text: harmless}, nil)
	if n.shown < n.outputs/2 {
		t.Fatalf("Expected the harmless text in most outputs, found it in %d of %d", n.shown, n.outputs)
	}
	fields := len(textFields(t, s.app))

	var mu sync.Mutex
	total := tally{fields: map[string]bool{}}
	t.Run("payloads", func(t *testing.T) {
		for _, p := range payloads {
			t.Run(p.Name(), func(t *testing.T) {
				t.Parallel()
				s := newServer(t)
				ws := plant(t, s, p.Text)
				_, n := render(t, s, p, base)
				refused := 0
				for _, w := range ws {
					if w.Refused != "" {
						refused++
						if !swedish(w.Refused) {
							t.Errorf("Expected a Swedish message refusing %s, got %q", w.Field, w.Refused)
						}
					}
				}
				if refused < len(ws) && p.probe() != "" && n.shown == 0 {
					t.Errorf("Expected the payload in some output (%d fields took it), found it in none", len(ws)-refused)
				}
				mu.Lock()
				total.writes += len(ws)
				total.refused += refused
				total.outputs += n.outputs
				total.shown += n.shown
				mu.Unlock()
			})
		}
	})
	t.Logf("%d payloads × %d text fields (%d writes, %d refused by the limits and rules) × %d outputs: %d output checks, the payload shown in %d",
		len(payloads), fields, total.writes, total.refused, n.outputs, total.outputs, total.shown)

}

// swedish reports whether a message reads as Swedish.
func swedish(msg string) bool {
	for _, w := range []string{"å", "ä", "ö", "Ange", "Fältet", "Texten", "Ogiltig", "Värdet", "Planen", "Filen"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}
