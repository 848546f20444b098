package auditpkg_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"ikplan/internal/auditpkg"
	"ikplan/proof/testapp"
)

// TestChangedPackageIsRefused: the demo data's package of Kommunstyrelsen
// is refused with any single byte changed: the first and last byte of
// every file's data and of every header, every byte of the central
// directory, and 3 000 offsets drawn with a fixed seed.
func TestChangedPackageIsRefused(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	pkg := build(t, app, testapp.Fix(t).Users["revisor"], testapp.Fix(t).KS)
	if _, err := verify(pkg); err != nil {
		t.Fatalf("Expected the package to verify, got %v", err)
	}
	offsets := map[int]bool{0: true, len(pkg) - 1: true}
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		head, _ := f.DataOffset()
		start := int(head) - 30 - len(f.Name) // the local header
		offsets[start], offsets[int(head)-1] = true, true
		if f.UncompressedSize64 > 0 {
			offsets[int(head)] = true
			offsets[int(head)+int(f.UncompressedSize64)-1] = true
		}
	}
	// the end record says where the directory starts
	end := bytes.LastIndex(pkg, []byte{0x50, 0x4b, 0x05, 0x06})
	dirStart := int(binary.LittleEndian.Uint32(pkg[end+16:]))
	for at := dirStart; at < len(pkg); at++ {
		offsets[at] = true
	}
	r := rand.New(rand.NewPCG(2024, 18))
	for range 3000 {
		offsets[r.IntN(len(pkg))] = true
	}
	for at := range offsets {
		changed := bytes.Clone(pkg)
		changed[at] ^= byte(1 + r.IntN(255))
		if _, err := verify(changed); err == nil || !auditpkg.IsRefusal(err) {
			t.Errorf("Expected a refusal with byte %d of %d changed, got %v", at, len(pkg), err)
		}
	}
	t.Logf("%d offsets of %d bytes", len(offsets), len(pkg))
}

// rezip writes the package's entries anew, changed by edit (which may
// drop an entry by returning false, or add entries to extra).
func rezip(t *testing.T, pkg []byte, edit func(name string, data []byte) ([]byte, bool), extra map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		data, keep := edit(f.Name, data)
		if !keep {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for name, data := range extra {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestPackageEditsAreRefused: a file left out, a file added, a file
// replaced, a manifest (with its own signature and key) from another
// package, and the same files zipped by another program: each refused,
// with a message that names what is wrong.
func TestPackageEditsAreRefused(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	pkg := build(t, app, f.Users["revisor"], f.KS)
	other := build(t, app, f.Users["lasare"], f.KS) // the public version: other files
	own := map[string][]byte{}
	rezip(t, other, func(name string, data []byte) ([]byte, bool) {
		if strings.HasPrefix(name, "manifest.") {
			own[name] = data
		}
		return data, true
	}, nil)
	keep := func(name string, data []byte) ([]byte, bool) { return data, true }
	scenarios := []struct {
		name string
		pkg  []byte
		want string // in the refusal
	}{
		{"a file left out", rezip(t, pkg, func(name string, data []byte) ([]byte, bool) {
			return data, !strings.HasSuffix(name, ".docx") || !strings.Contains(name, "uppfoljning")
		}, nil), "uppfoljning-kommunstyrelsen-2024.docx saknas"},
		{"a file added", rezip(t, pkg, keep, map[string][]byte{"kommunstyrelsen/underlag/extra.pdf": []byte("%PDF-1.7")}), "extra.pdf finns i paketet men inte i manifest.json"},
		{"a file replaced", rezip(t, pkg, func(name string, data []byte) ([]byte, bool) {
			if name == "LASMIG.txt" {
				return []byte("Allt är i sin ordning."), true
			}
			return data, true
		}, nil), "LASMIG.txt har ändrats"},
		{"another package's manifest", rezip(t, pkg, func(name string, data []byte) ([]byte, bool) {
			if b, ok := own[name]; ok {
				return b, true
			}
			return data, true
		}, nil), "kommunstyrelsen"},
		{"the manifest without its signature", rezip(t, pkg, func(name string, data []byte) ([]byte, bool) {
			return data, name != auditpkg.SignatureName
		}, nil), "manifest.sig saknas"},
		{"the same files zipped by another program", rezip(t, pkg, keep, nil), "Paketet har ändrats vid byte"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			_, err := verify(s.pkg)
			if err == nil || !auditpkg.IsRefusal(err) {
				t.Fatalf("Expected a refusal, got %v", err)
			}
			if !strings.Contains(err.Error(), s.want) {
				t.Errorf("Expected the refusal to say %q, got %q", s.want, err.Error())
			}
		})
	}
}
