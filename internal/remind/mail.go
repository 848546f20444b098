package remind

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"ikplan/internal/model"
)

// letter is one e-mail's content, written once and rendered as plain text
// and as HTML.
type letter struct {
	Subject  string
	Greeting string
	Intro    string
	Groups   []group
	Footer   string
}

// group is a heading with its items.
type group struct {
	Heading string
	Entries []entry
}

// entry is one item in a letter.
type entry struct {
	Title string // "Åtgärd: Excelfil har tagits fram …"
	When  string // "Slutdatum: kvartal 2 2025 (om 10 dagar)"
	Owner string // in a coordinator's digest: "Ansvarig: Anders Ansvarig"
	URL   string
}

// Reminders is a count of reminders in Swedish: "1 påminnelse", "2
// påminnelser".
func Reminders(n int) string {
	if n == 1 {
		return "1 påminnelse"
	}
	return fmt.Sprintf("%d påminnelser", n)
}

// autoHeaders mark every reminder as sent by a machine (RFC 3834), so that
// out-of-office replies are not sent back to it every day: Exchange
// answers to X-Auto-Response-Suppress, most others to Auto-Submitted.
var autoHeaders = map[string]string{
	"Auto-Submitted":           "auto-generated",
	"X-Auto-Response-Suppress": "All",
}

// personal is the letter to a person about their own items.
func personal(name string, due []Due, appURL string) letter {
	l := letter{
		Greeting: "Hej " + name + "!",
		Intro:    "Här är dina kontroller och åtgärder i ikplan som är försenade eller snart ska vara klara.",
		Footer: "Du får en påminnelse när något närmar sig sitt datum, på dagen och en gång i veckan så länge det är försenat. " +
			"Är något redan klart? Rapportera det i ikplan, så upphör påminnelserna.",
	}
	headings := map[string]string{Overdue: "Försenat", DueToday: "Ska vara klart i dag", DueSoon: "Ska snart vara klart"}
	counts := map[string]int{}
	for _, d := range due {
		counts[d.Kind]++
		h := headings[d.Kind]
		if n := len(l.Groups); n == 0 || l.Groups[n-1].Heading != h {
			l.Groups = append(l.Groups, group{Heading: h})
		}
		g := &l.Groups[len(l.Groups)-1]
		g.Entries = append(g.Entries, entryOf(d, appURL, ""))
	}
	var parts []string
	if n := counts[Overdue]; n == 1 {
		parts = append(parts, "1 försenad")
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("%d försenade", n))
	}
	if n := counts[DueToday]; n == 1 {
		parts = append(parts, "1 ska vara klar i dag")
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("%d ska vara klara i dag", n))
	}
	if n := counts[DueSoon]; n == 1 {
		parts = append(parts, "1 ska snart vara klar")
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("%d ska snart vara klara", n))
	}
	l.Subject = "ikplan: " + strings.Join(parts, ", ")
	return l
}

// digest is the letter to a coordinator about the overdue items of their
// boards, grouped by board.
func digest(name string, due []Due, boards, owners map[string]string, appURL string) letter {
	l := letter{
		Greeting: "Hej " + name + "!",
		Intro:    "Det här är försenat i de nämnder du samordnar den interna kontrollen för. De ansvariga har fått en egen påminnelse.",
		Footer:   "Sammanställningen kommer en gång i veckan så länge något är försenat.",
		Subject:  fmt.Sprintf("ikplan: försenat i dina nämnder (%d)", len(due)),
	}
	index := map[string]int{}
	for _, d := range due {
		board := boards[d.Plan]
		i, ok := index[board]
		if !ok {
			i = len(l.Groups)
			index[board] = i
			l.Groups = append(l.Groups, group{Heading: board})
		}
		owner := "Ansvarig: saknas"
		if n := owners[d.Owner]; n != "" {
			owner = "Ansvarig: " + n
		}
		l.Groups[i].Entries = append(l.Groups[i].Entries, entryOf(d, appURL, owner))
	}
	return l
}

func entryOf(d Due, appURL, owner string) entry {
	e := entry{URL: strings.TrimRight(appURL, "/") + d.Path(), Owner: owner}
	label, date := "Åtgärd", "Slutdatum"
	if d.Collection == model.Controls {
		label, date = "Kontroll att rapportera", "Ska rapporteras senast"
	}
	e.Title = label + ": " + d.Named(shorten(d.Title, 200))
	e.When = date + ": " + d.When()
	switch {
	case d.Days < -1:
		e.When += fmt.Sprintf(" (%d dagar sedan)", -d.Days)
	case d.Days == -1:
		e.When += " (i går)"
	case d.Days == 1:
		e.When += " (i morgon)"
	case d.Days > 1:
		e.When += fmt.Sprintf(" (om %d dagar)", d.Days)
	}
	return e
}

// shorten cuts s to at most n characters, with an ellipsis when cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Text is the letter as plain text.
func (l letter) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n", l.Greeting, l.Intro)
	for _, g := range l.Groups {
		fmt.Fprintf(&b, "\n%s\n%s\n", g.Heading, strings.Repeat("=", utf8.RuneCountInString(g.Heading)))
		for _, e := range g.Entries {
			fmt.Fprintf(&b, "\n- %s\n  %s\n", e.Title, e.When)
			if e.Owner != "" {
				fmt.Fprintf(&b, "  %s\n", e.Owner)
			}
			fmt.Fprintf(&b, "  %s\n", e.URL)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", l.Footer)
	return b.String()
}

var htmlLetter = template.Must(template.New("letter").Parse(`<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b;">
<p>{{.Greeting}}</p>
<p>{{.Intro}}</p>
{{range .Groups}}<h2 style="font-size: 1.2em;">{{.Heading}}</h2>
<ul>
{{range .Entries}}<li><a href="{{.URL}}">{{.Title}}</a><br>{{.When}}{{if .Owner}}<br>{{.Owner}}{{end}}</li>
{{end}}</ul>
{{end}}<p>{{.Footer}}</p>
</body>
</html>
`))

// HTML is the letter as an HTML document.
func (l letter) HTML() string {
	var b bytes.Buffer
	if err := htmlLetter.Execute(&b, l); err != nil {
		return "<p>" + template.HTMLEscapeString(l.Text()) + "</p>" // cannot happen with this data
	}
	return b.String()
}
