package browsertest

import (
	"strings"
	"testing"
)

// expectSummaryFocused waits until the error summary has the focus, and
// checks that each of its items links to a field on the page.
func (b *ui) expectSummaryFocused(where string) {
	b.t.Helper()
	b.waitFor("focus on the error summary of "+where, `document.activeElement && document.activeElement.matches(`+js(selErrorSummary)+`)`)
	if !eval[bool](b, `(() => { const links = [...document.activeElement.querySelectorAll('a')];
		return links.length > 0 && links.every(a => a.getAttribute('href').startsWith('#') && document.getElementById(a.getAttribute('href').slice(1)) !== null); })()`) {
		b.fatalf("the error summary of %s: expected each item to link to a field on the page: %s", where, b.text(selErrorSummary))
	}
}

// A refused submit moves the focus to the error summary, which names each
// field and says what to do: on a form htmx swaps a part of the page for,
// on a boosted form that swaps the whole page, and on a page loaded as a
// whole (a browser without htmx); in the English UI in English.
func TestErrorSummaryTakesFocus(t *testing.T) {
	t.Parallel()
	b := serve(t, "errors")
	b.launch()
	b.signIn("samordnare")
	risk := "/risks/" + b.f.Risk

	// htmx swaps the assessment section
	b.open(risk)
	b.choose("#probability", "")
	b.choose("#consequence", "")
	b.click(`#assess button[type="submit"]`)
	b.expectSummaryFocused("the assessment (htmx)")
	b.page("assessment-refused")
	got := b.text("#assess " + selErrorSummary)
	for _, want := range []string{"Välj sannolikhet.", "Välj konsekvens."} {
		if strings.Count(got, want) != 1 {
			t.Errorf("the assessment's error summary: expected %q once, got %q", want, got)
		}
	}
	if strings.Contains(got, "Fältet måste fyllas i") {
		t.Errorf("the assessment's error summary does not name the fields: %q", got)
	}

	// a boosted form: the whole page is swapped
	b.open("/risks")
	b.typeInto("#title", " ")
	b.click(`form[method="post"][action="/risks"] button[type="submit"]`)
	b.expectSummaryFocused("a new risk (boosted)")
	b.expectText(selErrorSummary, "Skriv en rubrik för risken.")

	// a page loaded as a whole: the form posted without htmx
	b.open(risk)
	b.choose("#probability", "")
	eval[bool](b, `(() => { setTimeout(() => HTMLFormElement.prototype.submit.call(document.querySelector('#assess form')), 0); return true; })()`)
	b.waitFor("the refused page", `document.title.startsWith('Fel: ')`)
	b.expectSummaryFocused("the assessment (whole page)")

	// the English UI
	eval[bool](b, `(document.cookie = 'ikplan_lang=en; path=/') !== ''`)
	b.open(risk)
	b.choose("#probability", "")
	b.choose("#consequence", "")
	b.click(`#assess button[type="submit"]`)
	b.expectSummaryFocused("the assessment in English")
	b.page("assessment-refused-en")
	got = b.text("#assess " + selErrorSummary)
	if !strings.Contains(got, "Choose the probability.") || !strings.Contains(got, "Choose the consequence.") {
		t.Errorf("the English error summary: expected the fields named in English, got %q", got)
	}
	if strings.Contains(b.text("#assess"), "Välj") {
		t.Errorf("the English assessment form shows Swedish messages: %q", b.text("#assess"))
	}
}
