package auditpkg

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"testing"
	"time"
)

// testKey is a fixed key, so the small package is the same on every run.
func testKey() Key {
	return Key{private: ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))}
}

// small is a package of three small files, about a kilobyte.
func small(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	m := &Manifest{Format: Format, Created: time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC), Year: 2024, MadeFor: "test", Public: []string{}}
	p := newPacker(&buf, m)
	for _, f := range []struct{ name, text string }{
		{"LASMIG.txt", "Revisionspaket\r\n"},
		{"ks/resultat.csv", "kontroll;utfall\n1;ok\n"},
		{"ks/underlag/kontroll-1/2024/faktura.txt", "Faktura 4711, 12 500 kr"},
	} {
		if err := p.addBytes(f.name, []byte(f.text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.seal(testKey()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func check(b []byte) error {
	_, err := Verify(bytes.NewReader(b), int64(len(b)))
	return err
}

// TestEveryByteCounts: a package whose any single byte is changed — to
// any of three other values — is refused, at every offset of a small
// package: in a file, a header, the directory, the manifest, its
// signature or the key.
func TestEveryByteCounts(t *testing.T) {
	t.Parallel()
	pkg := small(t)
	if err := check(pkg); err != nil {
		t.Fatalf("Expected the small package to verify, got %v", err)
	}
	for at := range pkg {
		for _, flip := range []byte{0x01, 0x80, 0xFF} {
			changed := bytes.Clone(pkg)
			changed[at] ^= flip
			if err := check(changed); err == nil {
				t.Errorf("Expected a refusal with byte %d of %d changed (^%#x), got none", at, len(pkg), flip)
			} else if !IsRefusal(err) {
				t.Errorf("Expected a refusal with byte %d changed, got the error %v", at, err)
			}
		}
	}
}

// TestAddedBytesCount: a byte added anywhere, or taken away, is refused too.
func TestAddedBytesCount(t *testing.T) {
	t.Parallel()
	pkg := small(t)
	for at := 0; at <= len(pkg); at++ {
		longer := append(append(bytes.Clone(pkg[:at]), 0), pkg[at:]...)
		if check(longer) == nil {
			t.Errorf("Expected a refusal with a byte added at %d, got none", at)
		}
		if at < len(pkg) {
			shorter := append(bytes.Clone(pkg[:at]), pkg[at+1:]...)
			if check(shorter) == nil {
				t.Errorf("Expected a refusal with byte %d removed, got none", at)
			}
		}
	}
}

// TestSmallPackageIsFixed: the small package's bytes follow from its
// files, its time and its key alone — the same on every run and machine.
func TestSmallPackageIsFixed(t *testing.T) {
	t.Parallel()
	a, b := small(t), small(t)
	if !bytes.Equal(a, b) {
		t.Fatal("Expected the same package twice")
	}
	sum := sha256.Sum256(a)
	if got := hex.EncodeToString(sum[:]); got != smallSHA256 {
		t.Errorf("Expected the small package's SHA-256 %s (a package made before must still verify), got %s", smallSHA256, got)
	}
}

// smallSHA256 is the small package as this package first wrote it.
const smallSHA256 = "5748f7b3505c14c4487fef2b049f298a068499c843af8380c2cbddc20cf7460c"

// TestCommittedPackageVerifies: a package written by the first version
// (testdata/small-v1.zip, the small package) verifies, so that a change
// of how packages are written cannot leave the packages auditors already
// hold unverifiable. -update writes it anew.
func TestCommittedPackageVerifies(t *testing.T) {
	t.Parallel()
	if *update {
		if err := os.WriteFile("testdata/small-v1.zip", small(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := VerifyFile("testdata/small-v1.zip")
	if err != nil {
		t.Fatalf("Expected the committed package to verify, got %v", err)
	}
	if got := Fingerprint(c.Key); got != Fingerprint(testKey().Public()) {
		t.Errorf("Expected the test key's fingerprint, got %s", got)
	}
}

var update = flag.Bool("update", false, "write testdata/small-v1.zip anew")
