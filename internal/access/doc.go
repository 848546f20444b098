// Package access answers, for pages, documents and jobs, the question the
// REST API answers for its clients: which records of a collection may this
// user list, view, count, create or change. It is ikplan's rule engine.
//
// # What it guarantees
//
// For the same request, the same answer as PocketBase's own API rules:
// ListAs returns the records GET /api/collections/{c}/records would list,
// ViewAs the one GET …/records/{id} would return, MayCreate whether POST
// …/records would pass the create rule, Allowed and Can whether a record
// passes its update or delete rule, CanWith the same for the request's
// method and body. The rules are never written twice: the engine reads
// each collection's ListRule, ViewRule, CreateRule… as they are stored.
//
// A filter and sort given to ListAs, ListIDsAs and the counts are the
// caller's own, read as app.FindRecordsByFilter reads one: only the
// collection's rule narrows the list. The REST API reads a client's filter
// more strictly — what it reads through a relation is held to that
// collection's list rule, and hidden fields, superuser-only collections,
// @collection and @request are refused — so the two differ where a filter
// reaches records the user may not list. AsClient asks the client's
// question.
//
// The equivalence test, TestRuleEngineAsRESTAPI (proof/authz), holds the
// engine to that promise with real HTTP requests to the REST API — real
// methods, JSON bodies and auth tokens — for every role, collection and
// operation, on the engine and on the plain path: generated lists over
// every relation path (AsClient; and as a page asks, where the filter
// reads the collection's own fields), their expands, every kind of view,
// create, update (bodies the settings' and boards' rules read) and delete.
// access_test.go, compiled_test.go and pb_migrations/rules_test.go compare
// the same with PocketBase's CanAccessRecord for every record and user.
//
// # How
//
//   - The rule and the caller's filter go through PocketBase's own parser
//     and field resolver (core.NewRecordFieldResolver, search.FilterData):
//     the SQL is PocketBase's.
//   - The signed-in user's own fields (@request.auth.role,
//     @request.auth.boards) are bound as parameters (BindAuth) instead of
//     joining the users table into every query; a path through a relation
//     (@request.auth.boards.name) is left to PocketBase.
//   - Board membership, "@request.auth.boards ?= plan.board", is the board
//     among the user's boards: PocketBase writes it as a join over the
//     user's record; the engine, which has the list at hand, binds it and
//     writes it as a lookup in the list (member.go).
//   - The built statement is kept per app (compiled.go), keyed by the
//     collection as it stands, the rule and filter text with the user's
//     values bound, the sort, the options and the user; ids of In and the
//     record of ViewAs are parameters. A collection saved empties the cache
//     (ForgetQueries, from the hooks). Rows become records the way
//     PocketBase loads them (recordsFrom).
//   - MayCreate evaluates the create rule against the unsaved record in a
//     common table expression, as the REST API does before a create.
//
// # What it does not support
//
// A rule that reads the request itself — @request.body, @request.method,
// @request.query, @request.headers, @request.context — means something
// only for a real request. The engine's reads outside a request
// (RequestInfo) are a GET with an empty body; answering such a rule from
// that would let a page through where the REST API refuses. So:
//
//   - Check refuses any list or view rule that reads the request: the
//     server will not start with one (hooks bind Check to OnServe), and
//     TestCheckMigratedRules runs it on the migrated collections.
//   - A create, update or delete rule may read the request (the settings'
//     update rule reads @request.body). The engine answers it only through
//     CanWith with the real request, or the body a REST client would send
//     for the same write (Request, Changes); asked without one, it
//     refuses: ErrNeedsRequest, and Can and MayCreate say no.
//   - A rule or filter that reads anything of the request but the user's
//     own fields is never cached.
//
// # The plain path
//
// With IKPLAN_ACCESS=pocketbase in the environment (or SetPlain(true) in a
// test) every list, view, count and write check is answered through
// PocketBase's own record query and rule resolver, run by dbx: no user's
// values bound, no rewrite of membership or DISTINCT, no kept statement. It
// rules the engine out when an answer looks wrong; TestPlainPathAsPocketBase
// and TestRuleEngineAsRESTAPI hold it to the same answers. MayCreate keeps its common table expression
// (PocketBase has no create check outside its API) but builds it anew.
// Uncached stops the keeping alone; it follows perf's off-switch.
package access
