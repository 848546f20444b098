// Package hostile holds ikplan's hostile-input tests: a corpus of XSS,
// template, unicode, formula and CRLF payloads written through every text
// field and checked inert in every page, fragment, document, calendar feed
// and e-mail that shows it; the limits on text fields and uploads;
// malformed and oversized Excel files sent to the plan import (written by
// the package badxlsx below this one); and malformed forms, ids and query
// parameters sent to every web route, which must answer 4xx, never 500. The
// package has no code of its own: the tests are the point.
package hostile
