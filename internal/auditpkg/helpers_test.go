package auditpkg_test

import (
	"bytes"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// build makes the 2024 package of board (all boards when "") for user
// (nil: the command line) from the test data set.
func build(t testing.TB, app core.App, user, board string) []byte {
	t.Helper()
	var u *core.Record
	if user != "" {
		u = testapp.Find(t, app, model.Users, user)
	}
	k, err := auditpkg.EnsureKey(app.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	p, err := auditpkg.Prepare(app, auditpkg.Request{Year: 2024, Board: board, User: u, Now: testapp.Today})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf, k, "test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// verify checks a package held in memory.
func verify(b []byte) (*auditpkg.Checked, error) {
	return auditpkg.Verify(bytes.NewReader(b), int64(len(b)))
}
