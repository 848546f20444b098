package access

import (
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/pocketbase/pocketbase/core"
)

// requestRef is a reference in a rule to the request itself: what was
// sent, how, and where from. The engine's reads outside a request
// (RequestInfo) have none of it.
var requestRef = regexp.MustCompile(`@request\.(body|method|query|headers|context)\b`)

// ReadsRequest lists the parts of the request a rule reads beyond the
// signed-in user ("body", "method", "query", "headers", "context"), each
// once; none for a rule the engine answers alone.
func ReadsRequest(rule *string) []string {
	if rule == nil {
		return nil
	}
	var parts []string
	for _, m := range requestRef.FindAllStringSubmatch(*rule, -1) {
		if !slices.Contains(parts, m[1]) {
			parts = append(parts, m[1])
		}
	}
	return parts
}

// ErrNeedsRequest is the engine's refusal to answer a rule that reads the
// request when it was not given the real one (CanWith takes it).
var ErrNeedsRequest = errors.New("the rule reads the request; pass the real request (access.CanWith)")

// needsRequest is ErrNeedsRequest, naming the collection and the parts,
// when rule reads the request; nil otherwise.
func needsRequest(col *core.Collection, rule *string) error {
	if parts := ReadsRequest(rule); len(parts) > 0 {
		return fmt.Errorf("%s: %w (it reads @request.%v)", col.Name, ErrNeedsRequest, parts)
	}
	return nil
}

// Check refuses collections whose list or view rule reads the request:
// the engine answers those rules for pages, documents and jobs, most of
// them outside any request, and a GET with an empty body in its place could
// let through what the REST API refuses. A create, update or delete rule
// may read the request: the engine then answers it only with the real one
// (CanWith), and refuses otherwise (ErrNeedsRequest; Can and MayCreate say
// no). The server runs Check when it starts.
func Check(app core.App) error {
	cols, err := app.FindAllCollections()
	if err != nil {
		return err
	}
	var errs []error
	for _, col := range cols {
		for _, r := range []struct {
			name string
			rule *string
		}{{"listRule", col.ListRule}, {"viewRule", col.ViewRule}} {
			if parts := ReadsRequest(r.rule); len(parts) > 0 {
				errs = append(errs, fmt.Errorf("%s.%s reads @request.%v, which the rule engine (internal/access) cannot mirror outside a request", col.Name, r.name, parts))
			}
		}
	}
	return errors.Join(errs...)
}

// CanWith reports whether rule lets the request info (e.RequestInfo() of
// the handler: its user, method, body, query and headers) act on the
// stored record r, as the REST API decides it for the same request. A rule
// that reads the request is answered by PocketBase's own check with the
// real request; any other goes the engine's way (Can).
func CanWith(app core.App, info *core.RequestInfo, r *core.Record, rule *string) bool {
	if info == nil {
		return false
	}
	if len(ReadsRequest(rule)) == 0 {
		return Can(app, info.Auth, r, rule)
	}
	if rule == nil {
		return false
	}
	ok, err := app.CanAccessRecord(r, info, rule)
	return err == nil && ok
}

// Request is the request info of a write a page makes for user: its method
// (http.MethodPatch for an update, …) and the body a REST client making the
// same change would send. CanWith takes it where the handler's own request
// (a form with fields of its own) is not the write's.
func Request(user *core.Record, method string, body map[string]any) *core.RequestInfo {
	info := RequestInfo(user)
	info.Method = method
	if body != nil {
		info.Body = body
	}
	return info
}

// Changes is the body of a REST request that would make r as it stands
// from the stored record: every field r sets when it is new, else the
// fields whose values differ from r.Original().
func Changes(r *core.Record) map[string]any {
	out := map[string]any{}
	orig := r.Original()
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if name == core.FieldNameId {
			continue
		}
		v := r.Get(name)
		if r.IsNew() {
			if !isZero(v) {
				out[name] = v
			}
			continue
		}
		if fmt.Sprint(v) != fmt.Sprint(orig.Get(name)) {
			out[name] = v
		}
	}
	return out
}

// isZero reports whether a field's value is its empty value.
func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []string:
		return len(x) == 0
	}
	return fmt.Sprint(v) == "" || fmt.Sprint(v) == "0" || fmt.Sprint(v) == "false"
}
