package report_test

import (
	"testing"

	"ikplan/internal/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }
