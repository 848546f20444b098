// Package load measures a running ikplan server the way its staff use it:
// it signs in as several users, finds the plans, controls and actions each
// of them may see, and replays a mixed workload of pages and writes at a
// fixed rate (open loop), reporting latency percentiles and errors per kind
// of request. In the same run it drives a static file and the plan page at
// saturation (closed loop), so the plan page's throughput can be compared
// with the ceiling of the same HTTP stack, and it can start the server
// itself to measure cold start and resident memory.
//
// The open loop schedules request i at start + i/rate whatever the server
// does and measures each latency from that scheduled time, so a slow server
// cannot slow the load down and hide its own queueing (coordinated
// omission). Percentiles are exact: every latency is kept and sorted.
package load

import (
	"net/http"
	"net/url"
)

// Kind names one kind of request in the workload.
type Kind string

// The kinds of request the workload mixes, and the two that only the
// saturation runs use.
const (
	Start   Kind = "start"   // the start page, /
	Plan    Kind = "plan"    // a plan's page, /plans/{id}
	Control Kind = "control" // a control's page, /controls/{id}
	Actions Kind = "actions" // the actions page with a filter, /actions?…
	Search  Kind = "search"  // a search, /search?q=…
	Risks   Kind = "risks"   // the risks page, /risks
	Write   Kind = "write"   // an action's status changed, POST /actions/{id}/status (htmx)
	Static  Kind = "static"  // a static file from pb_public (saturation only)
)

// Kinds lists the kinds a mix may name, in the order reports show them.
var Kinds = []Kind{Start, Plan, Control, Actions, Search, Risks, Write}

// Request is one request of the workload, made by one signed-in user.
type Request struct {
	Kind   Kind
	Method string
	Path   string      // path and query, relative to the server's base URL
	Form   url.Values  // the body of a POST, form-encoded
	Header http.Header // the session cookie and whatever the kind needs
}
