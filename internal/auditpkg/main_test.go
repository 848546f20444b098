package auditpkg_test

import (
	"testing"

	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }
