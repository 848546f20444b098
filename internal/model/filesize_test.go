package model_test

import (
	"testing"

	"ikplan/internal/model"
)

// TestFileSize: a file size limit reads in whole megabytes, or under a
// megabyte in whole kilobytes (the logo's 512 kB read "1 MB"), rounded up
// so that no file under the limit seems too large; a limit of none reads
// as nothing (the message then says "the allowed size").
func TestFileSize(t *testing.T) {
	scenarios := []struct {
		limit any
		want  string
	}{
		{nil, ""},
		{0, ""},
		{-1, ""},
		{1, "1 kB"},
		{512 << 10, "512 kB"},
		{512<<10 + 1, "513 kB"},
		{1<<20 - 1, "1 MB"},
		{1 << 20, "1 MB"},
		{1<<20 + 1, "2 MB"},
		{20 << 20, "20 MB"},
		{float64(20 << 20), "20 MB"},
		{"5242880", "5 MB"},
	}
	for _, s := range scenarios {
		if got := model.FileSize(s.limit); got != s.want {
			t.Errorf("Expected %v to read %q, got %q", s.limit, s.want, got)
		}
	}
}
