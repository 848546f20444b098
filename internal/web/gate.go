package web

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/perf"
)

// pageGateId is the page gate's middleware id: the import unbinds it.
const pageGateId = "ikplanPageGate"

// importRetry is the Retry-After of an import turned away, in seconds.
const importRetry = "10"

// tryImport takes a place in the import gate (perf.NewImportGate) if one
// is free, and returns the function that gives it back; ok is false when
// all are taken.
func (s *server) tryImport() (release func(), ok bool) { return s.imports.Try() }

// gated computes the page once the page gate (perf.NewPageGate) lets it
// through; a page that waited too long is answered 503 with Retry-After.
func (s *server) gated(e *core.RequestEvent) error {
	release, err := s.gate.Wait(e.Request.Context(), perf.PageWait)
	switch {
	case errors.Is(err, perf.ErrBusy):
		e.Response.Header().Set("Retry-After", "5")
		return s.messagePage(e, http.StatusServiceUnavailable, i18nT(e, "error.busy"), i18nT(e, "error.busy_text"))
	case err != nil:
		return nil // the visitor left
	}
	defer release()
	return e.Next()
}
