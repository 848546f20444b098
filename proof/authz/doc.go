// Package authz holds the authorization matrix: a test of every route the
// server's router knows — ikplan's pages, downloads, reports and calendar
// feed and PocketBase's own REST API, files and dashboard — for every role
// and every method, with the answer each must get, and where the
// confidential control 12 and everything under it may show. The routes are
// read from the router itself, so a route added without a row fails the
// test. Run it with: go test ./proof/authz
//
// Beside it are the differential tests (TestNothingHidden…): for each role,
// two databases that differ only in the contents of the records the role
// may not read, and the same requests to both — REST filters, sorts and
// expands generated over every relation path of every collection, realtime
// subscriptions, batches and every page of the web UI. Every answer must be
// the same: what a role may not read shapes nothing it gets.
// IKPLAN_DIFF=full sends the whole REST corpus.
//
// TestRuleEngineAsRESTAPI is the rule engine's (internal/access)
// equivalence test: real REST requests — lists, expands, views, creates,
// updates and deletes, with real bodies — for every role, compared with
// the engine's answers on both of its paths.
package authz
