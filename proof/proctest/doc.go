// Package proctest runs ikplan as a real server process for tests that
// must see it from the outside: the binary built once per test binary, a
// data folder filled by `ikplan demo`, `ikplan serve` started as a child
// process on a free loopback port, killed with SIGKILL and started again on
// the same folder, clients that sign in as the demo users through the
// REST API or the web UI's sign-in form and post forms with files, and the
// server process's resident memory read from /proc.
//
// Its own tests are the crash test (TestCrashSafety), the sustained load
// test (TestSustainedLoad) and the hostile uploads (TestHostileUploads) of
// docs/RELIABILITY.md.
package proctest
