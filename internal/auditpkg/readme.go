package auditpkg

import (
	"strings"

	"ikplan/internal/i18n"
)

// readme is LASMIG.txt, the package's first file: what it holds and how
// to check it, in the maker's language.
func readme(lang string, m *Manifest) []byte {
	scope := i18n.T(lang, "package.readme.every_board")
	if m.Board != nil {
		scope = m.Board.Name
	}
	var b strings.Builder
	b.WriteString(i18n.T(lang, "package.readme.title", m.Year, scope))
	b.WriteString("\n\n")
	b.WriteString(i18n.T(lang, "package.readme.made", m.Created.Format("2006-01-02 15:04 UTC"), m.MadeFor))
	b.WriteString("\n\n")
	b.WriteString(i18n.T(lang, "package.readme.body"))
	b.WriteString("\n")
	return []byte(strings.ReplaceAll(b.String(), "\n", "\r\n"))
}
