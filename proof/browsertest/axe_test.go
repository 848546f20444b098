package browsertest

import (
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// axe-core 4.14.1 (npm package axe-core, file axe.min.js, MPL-2.0), vendored
// for the tests only: the binary never embeds it.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/axe.min.js")
	return string(b), err
})

// axeRun audits the document against WCAG 2.0 and 2.1, levels A and AA, and
// answers the violations in a form that is easy to print.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
	resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), summary: n.failureSummary || ''})),
})))`

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&s, "\n      %s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return s.String()
}

// audit runs axe-core in the page. A serious or critical violation fails
// the test (and the flow goes on); the others are logged.
func (b *ui) audit(step string) {
	b.t.Helper()
	for _, v := range b.axe() {
		if v.Impact == "serious" || v.Impact == "critical" {
			b.t.Errorf("axe on %s (%s): %s", step, b.location(), v)
		} else {
			b.t.Logf("axe on %s (%s), not failing: %s", step, b.location(), v)
		}
	}
}

// axe answers axe-core's violations in the page. axe is injected through
// DevTools, which the page's Content-Security-Policy does not govern, so
// the page is tested under its real CSP.
func (b *ui) axe() []axeViolation {
	b.t.Helper()
	if !eval[bool](b, `typeof window.axe === 'object'`) {
		src, err := axeSource()
		if err != nil {
			b.t.Fatalf("failed to read axe-core: %v", err)
		}
		b.do("inject axe-core", chromedp.Evaluate[chromedp.Void](src+"\n;undefined"))
	}
	return eval[[]axeViolation](b, axeRun)
}
