package sample_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"ikplan/internal/sample"
)

// FuzzRead: whatever the bytes, Read returns a population within the
// limits or a refusal (*sample.Error), never a panic or another error.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"leverantorsfakturor.csv", "leverantorsfakturor.xlsx"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("A;B\n\"1;2\n"))
	f.Add([]byte("A,B\n1,\"x\"y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := sample.Read(data)
		var se *sample.Error
		if err != nil {
			if !errors.As(err, &se) {
				t.Fatalf("Expected a refusal, got %T %v", err, err)
			}
			return
		}
		if len(p.Rows) == 0 || len(p.Rows) > sample.MaxRows || len(p.Header) > sample.MaxColumns {
			t.Fatalf("Expected a population within the limits, got %d rows of %d columns", len(p.Rows), len(p.Header))
		}
		for _, r := range p.Rows {
			if len(r.Cells) != len(p.Header) {
				t.Fatalf("Expected every row as wide as the header, got %v", r)
			}
		}
	})
}
