package badxlsx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ikplan/proof/hostile/badxlsx"
)

// TestFiles: the workbooks are what they say: a good one opens in
// excelize, and the bombs are small packed and large unpacked.
func TestFiles(t *testing.T) {
	t.Parallel()
	x, err := excelize.OpenReader(bytes.NewReader(badxlsx.Workbook(badxlsx.Sheet(badxlsx.Control(2)))))
	if err != nil {
		t.Fatalf("Expected a good workbook to open, got %v", err)
	}
	rows, err := x.GetRows("Plan")
	if err != nil || len(rows) != 2 || rows[1][2] != "Kontroll 2" {
		t.Fatalf("Expected the header and control 2, got %q %v", rows, err)
	}
	x.Close()
	for _, c := range []struct {
		name               string
		data               []byte
		packedMax, unpacks int
	}{
		{"zip bomb", badxlsx.ZipBomb(190 << 20), 250 << 10, 190e6},
		{"far cells", badxlsx.FarCells(20000), 120 << 10, 1 << 20},
		{"styles bomb", badxlsx.PartBomb("xl/styles.xml", 190<<20), 250 << 10, 190e6},
	} {
		z, err := zip.NewReader(bytes.NewReader(c.data), int64(len(c.data)))
		if err != nil {
			t.Fatalf("%s: expected a zip, got %v", c.name, err)
		}
		var total uint64
		for _, f := range z.File {
			total += f.UncompressedSize64
		}
		if len(c.data) > c.packedMax || total < uint64(c.unpacks) {
			t.Errorf("%s: expected at most %d bytes unpacking to %d or more, got %d unpacking to %d", c.name, c.packedMax, c.unpacks, len(c.data), total)
		}
		t.Logf("%s: %d bytes, unpacks to %d", c.name, len(c.data), total)
	}
}

// TestBomb: a part made by Bomb unpacks to exactly its text, with the
// right CRC-32 (archive/zip checks it at the end).
func TestBomb(t *testing.T) {
	t.Parallel()
	for _, size := range []int{10, 40 << 10, 3<<20 + 17, 190 << 20} {
		head, unit, tail := "<a>", "<b/>"+strings.Repeat(" ", 3000), "</a>"
		data := badxlsx.Zip(badxlsx.Bomb("x.xml", head, unit, tail, size))
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		r, err := z.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("size %d: expected the part to unpack, got %v", size, err)
		}
		k := max(0, (size-len(head)-len(tail))/len(unit))
		if want := head + strings.Repeat(unit, k) + tail; string(got) != want {
			t.Fatalf("size %d: expected %d bytes of the text, got %d bytes", size, len(want), len(got))
		}
	}
}
