package hostile_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// site is what the site's own templates use: the element names and the
// htmx attributes. Anything else in a page came from data.
type site struct {
	tags, hx map[string]bool
}

var (
	siteOnce sync.Once
	siteOwn  site
	tagName  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)[\s>/]`)
	hxAttr   = regexp.MustCompile(`\b(hx-[a-z:-]+)=`)
)

// siteMarkup reads the element and htmx attribute names from the templ
// sources of the pages and the documents; the documents' HTML also has its
// print style sheet in the head.
func siteMarkup(t testing.TB) site {
	t.Helper()
	siteOnce.Do(func() {
		siteOwn = site{tags: map[string]bool{"html": true, "head": true, "body": true, "tbody": true, "style": true}, hx: map[string]bool{}}
		files, _ := filepath.Glob("../../templates/*.templ")
		more, _ := filepath.Glob("../../internal/report/*.templ")
		for _, name := range append(files, more...) {
			src, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			for _, m := range tagName.FindAllStringSubmatch(string(src), -1) {
				siteOwn.tags[strings.ToLower(m[1])] = true
			}
			for _, m := range hxAttr.FindAllStringSubmatch(string(src), -1) {
				siteOwn.hx[m[1]] = true
			}
		}
	})
	if len(siteOwn.tags) < 20 || len(siteOwn.hx) < 5 {
		t.Fatalf("Expected the site's markup from ../../templates, got %d tags and %d htmx attributes", len(siteOwn.tags), len(siteOwn.hx))
	}
	return siteOwn
}

// urlAttrs are the attributes a browser follows or runs as a URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true,
	"background": true, "xlink:href": true, "srcdoc": true, "ping": true, "cite": true, "manifest": true,
}

// headOnly are elements that belong in the head: in the body they came from data.
var headOnly = map[string]bool{"script": true, "link": true, "meta": true, "base": true, "style": true}

// dangerousURL reports whether a URL runs script or carries a document:
// javascript:, vbscript: or data:, as a browser reads it (control
// characters and white space inside the scheme are ignored).
func dangerousURL(v string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(v) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

// parse reads a page, or a fragment htmx swaps in.
func parse(doc string) (*html.Node, error) {
	if strings.HasPrefix(strings.TrimSpace(doc), "<tr") {
		doc = "<table><tbody>" + doc + "</tbody></table>" // a table row swapped by htmx
	}
	return html.Parse(strings.NewReader(doc))
}

// hxSignatures lists the elements with htmx attributes in a page, each as
// its tag and its htmx attributes with their values: the site's own are
// those of the same page written with harmless text.
func hxSignatures(doc string) map[string]bool {
	out := map[string]bool{}
	root, err := parse(doc)
	if err != nil {
		return out
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if sig := hxSignature(n); sig != "" {
				out[sig] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func hxSignature(n *html.Node) string {
	var parts []string
	for _, a := range n.Attr {
		if strings.HasPrefix(strings.TrimPrefix(strings.ToLower(a.Key), "data-"), "hx-") {
			parts = append(parts, a.Key+"="+a.Val)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	sort.Strings(parts)
	return n.Data + " " + strings.Join(parts, " ")
}

// liveMarkup lists what in an HTML page or fragment did not come from the
// site's templates: script other than the site's own, on* attributes,
// htmx attributes the templates do not use, with script in them or not in
// the same page written with harmless text (baseline, when given),
// elements the templates never write, head elements in the body, and
// javascript:/data: URLs. Empty means the page is inert.
func liveMarkup(t testing.TB, doc string, baseline map[string]bool) []string {
	t.Helper()
	own := siteMarkup(t)
	root, err := parse(doc)
	if err != nil {
		return []string{"the HTML does not parse: " + err.Error()}
	}
	var found []string
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode {
			tag := strings.ToLower(n.Data)
			if tag == "head" {
				inHead = true
			}
			if !own.tags[tag] {
				found = append(found, "an element <"+tag+"> the templates never write")
			}
			if headOnly[tag] && !inHead {
				found = append(found, "a <"+tag+"> in the body")
			}
			if sig := hxSignature(n); sig != "" && baseline != nil && !baseline[sig] {
				found = append(found, "htmx attributes the page written with harmless text does not have: "+sig)
			}
			if tag == "script" {
				src := ""
				for _, a := range n.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if !strings.HasPrefix(src, "/static/js/") || n.FirstChild != nil {
					found = append(found, "a script that is not the site's own: src="+src)
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if a.Namespace != "" {
					key = a.Namespace + ":" + key
				}
				name := strings.TrimPrefix(key, "data-")
				switch {
				case strings.HasPrefix(key, "on"):
					found = append(found, "an event handler "+key+"="+a.Val)
				case strings.HasPrefix(name, "hx-") && (!own.hx[name] || strings.HasPrefix(name, "hx-on") || name != key):
					found = append(found, "an htmx attribute the site does not use: "+key+"="+a.Val)
				case strings.HasPrefix(name, "hx-") && (strings.Contains(a.Val, "javascript:") || strings.HasPrefix(strings.TrimSpace(a.Val), "js:")):
					found = append(found, "script in an htmx attribute: "+key+"="+a.Val)
				case (name == "hx-get" || name == "hx-post") && !strings.HasPrefix(a.Val, "/"):
					found = append(found, "an htmx request off the site: "+key+"="+a.Val)
				case urlAttrs[key] && dangerousURL(a.Val):
					found = append(found, "a script URL: "+key+"="+a.Val)
				case key == "style" && (strings.Contains(strings.ToLower(a.Val), "javascript:") || strings.Contains(strings.ToLower(a.Val), "expression(") || strings.Contains(strings.ToLower(a.Val), "url(")):
					found = append(found, "a style attribute from data: "+a.Val)
				case key == "http-equiv":
					found = append(found, "a meta http-equiv: "+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(root, false)
	return found
}

// pageText is everything a reader or a script could read in the page:
// the text and every attribute value, as visible() sees them.
func pageText(doc string) string {
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte('\n')
		case html.ElementNode:
			for _, a := range n.Attr {
				b.WriteString(a.Val)
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// TestLiveMarkupFindsPayloads proves the checker can fail: markup a broken
// escape would let through is found, the site's own is not.
func TestLiveMarkupFindsPayloads(t *testing.T) {
	t.Parallel()
	ownPage := `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><script src="/static/js/htmx-2.0.11.min.js" defer></script></head>` +
		`<body><form method="post" action="/plans" hx-post="/plans" hx-target="#x"><input name="title" value="&lt;script&gt;alert(1)&lt;/script&gt;"></form>` +
		`<p>&lt;img src=x onerror=alert(1)&gt;</p><a href="/controls/abc#action-x">l</a></body></html>`
	baseline := hxSignatures(ownPage)
	if got := liveMarkup(t, ownPage, baseline); len(got) != 0 {
		t.Fatalf("Expected the site's own markup to pass, got %v", got)
	}
	for _, live := range []string{
		`<p><script>alert(1)</script></p>`,
		`<p><img src=x onerror=alert(1)></p>`,
		`<input value="" autofocus onfocus=alert(1) x="">`,
		`<a href=" java	script:alert(1)">x</a>`,
		`<div hx-get="/logout" hx-trigger="load"></div>`,
		`<div hx-on:click="alert(1)"></div>`,
		`<div data-hx-post="/plans"></div>`,
		`<svg onload=alert(1)></svg>`,
		`<iframe src="/"></iframe>`,
		`<meta http-equiv="refresh" content="0;url=/x">`,
		`<tr><td><img src=x onerror=alert(1)></td></tr>`,
		`<form action="javascript:alert(1)"></form>`,
	} {
		if got := liveMarkup(t, live, baseline); len(got) == 0 {
			t.Errorf("Expected live markup in %q to be found, got none", live)
		}
	}
}
