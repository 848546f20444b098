// Package perf is everything ikplan does only to be fast, behind one
// boundary and one switch. Nothing here changes what any page, document or
// API answer says: with the switch off every page answers the same
// (TestPerfOffAnswersTheSame in internal/web), only slower. The figures
// that justify each part are in docs/PERFORMANCE.md, not here.
//
// The switch: IKPLAN_PERF=off in the environment, `--perf=off` on the
// command line, or SetEnabled(false) from Go, turns every part off at once
// for debugging. The environment is read once, when the program starts;
// each part reads the switch when it is set up (the server's start, a test
// app's creation), not on every request.
//
// The parts, and when each empties:
//
//   - The page cache (Cache, pagecache.go) keeps each rendered page of a
//     signed-in user, and beside it small values that every page needs (the
//     menu's count, the user of a session cookie), for as long as the
//     database is unchanged. It reads SQLite's data version (PRAGMA
//     data_version on a connection of its own) once per request: any commit
//     by any other connection or process — web UI, REST API, dashboard, a
//     job, an `ikplan` command — changes it, and then everything kept is
//     let go at once. A page is also kept only for the day it was made on
//     (what is overdue changes at midnight). Off: every page is computed.
//     IKPLAN_PAGE_CACHE=off turns off the page cache alone, for measuring
//     pages as they are computed after a write (the page benchmarks).
//   - The gates (Gate, gate.go) bound the work in progress: a few pages
//     computed at once per core, the rest waiting in line (503 with
//     Retry-After after a while), and one Excel import per core, turned
//     away at once when none is free. Off: every request is let through.
//   - The driver (Connect, stmtcache.go) opens SQLite as PocketBase does,
//     with a smaller page cache per connection, fewer connections (Conns)
//     and each connection keeping its prepared statements (a
//     least-recently-used set per connection, emptied when the connection
//     closes; SQLite recompiles a kept statement itself when the schema
//     changes). Off: PocketBase's own connection, settings and counts.
//   - The runtime (Tune, runtime.go): the garbage collector's growth and a
//     soft memory limit, unless GOGC or GOMEMLIMIT say otherwise; and Go's
//     profiler on IKPLAN_PPROF's address, for measuring. Off: Go's
//     defaults (the profiler still starts when asked for).
//
// The rule engine's cache of compiled rule queries (internal/access) obeys
// the same switch (access.Uncached asks Enabled). The
// query-planning thresholds (PlansByID) change how a list is read, never
// what it holds, and stay as they are when the switch is off.
package perf
