package auditpkg

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// Refusal is a package that fails the check: a Swedish sentence naming
// the file (or the part of the zip) that is wrong.
type Refusal struct{ msg string }

func (r *Refusal) Error() string { return r.msg }

func refuse(format string, args ...any) error { return &Refusal{msg: fmt.Sprintf(format, args...)} }

// IsRefusal reports whether err is a package that failed the check (not a
// file that could not be read).
func IsRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r)
}

// Checked is what Verify found in a package that passed.
type Checked struct {
	Manifest *Manifest
	Key      ed25519.PublicKey
}

// VerifyFile checks the package in the file at path: see Verify.
func VerifyFile(path string) (*Checked, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Verify(f, st.Size())
}

// maxManifest bounds what Verify reads of the package's own files.
const maxManifest = 64 << 20

// Verify checks a package of size bytes: the signature in manifest.sig
// over manifest.json, made with the key in manifest.pub (the one the
// manifest names); every file the manifest lists, present with its size
// and SHA-256, and no other; and every byte of the zip, by writing it anew
// from what it holds and comparing. The key's fingerprint is in the
// answer, to compare with the instance's (ikplan package key, /me). A
// package that fails is a Refusal naming the file.
func Verify(r io.ReaderAt, size int64) (*Checked, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, refuse("Filen kan inte läsas som zip-fil (%v). Den är inte ett revisionspaket eller har ändrats.", err)
	}
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		if byName[f.Name] != nil {
			return nil, refuse("Filen %s finns två gånger i paketet.", f.Name)
		}
		byName[f.Name] = f
	}
	own := map[string][]byte{}
	for _, name := range []string{ManifestName, SignatureName, PublicKeyName} {
		f := byName[name]
		if f == nil {
			return nil, refuse("Filen %s saknas i paketet.", name)
		}
		b, err := readAll(f, maxManifest)
		if err != nil {
			return nil, refuse("Filen %s kan inte läsas: %v.", name, err)
		}
		own[name] = b
	}
	pub, err := parsePublicPEM(own[PublicKeyName])
	if err != nil {
		return nil, refuse("Filen %s håller ingen Ed25519-nyckel.", PublicKeyName)
	}
	if !ed25519.Verify(pub, own[ManifestName], own[SignatureName]) {
		return nil, refuse("Signaturen i %s stämmer inte med %s och nyckeln i %s: manifestet eller signaturen har ändrats.", SignatureName, ManifestName, PublicKeyName)
	}
	m, err := decodeManifest(own[ManifestName])
	if err != nil {
		return nil, refuse("Filen %s kan inte läsas: %v.", ManifestName, err)
	}
	if m.Format != Format {
		return nil, refuse("Filen %s anger formatet %q; den här versionen av ikplan kontrollerar %q.", ManifestName, m.Format, Format)
	}
	if m.PublicKey != PublicText(pub) {
		return nil, refuse("Nyckeln i %s är inte den som %s anger.", PublicKeyName, ManifestName)
	}
	listed := map[string]File{}
	for _, f := range m.Files {
		if _, twice := listed[f.Path]; twice || reserved(f.Path) {
			return nil, refuse("Filen %s står två gånger i %s.", f.Path, ManifestName)
		}
		listed[f.Path] = f
	}
	for _, f := range zr.File {
		if reserved(f.Name) {
			continue
		}
		want, ok := listed[f.Name]
		if !ok {
			return nil, refuse("Filen %s finns i paketet men inte i %s: den har lagts till.", f.Name, ManifestName)
		}
		sum, n, err := digest(f)
		if err != nil {
			return nil, refuse("Filen %s har ändrats: den kan inte läsas (%v).", f.Name, err)
		}
		if n != want.Size || sum != want.SHA256 {
			return nil, refuse("Filen %s har ändrats: dess storlek eller SHA-256 stämmer inte med %s.", f.Name, ManifestName)
		}
	}
	for _, f := range m.Files {
		if byName[f.Path] == nil {
			return nil, refuse("Filen %s saknas i paketet men står i %s.", f.Path, ManifestName)
		}
	}
	if err := sameBytes(r, size, byName, m, own); err != nil {
		return nil, err
	}
	return &Checked{Manifest: m, Key: pub}, nil
}

// sameBytes writes the package anew from its files, in the manifest's
// order with the manifest's time, and compares it with the package byte
// for byte: what the checks above cannot see (a header, the directory,
// the order, anything after the end) differs here.
func sameBytes(r io.ReaderAt, size int64, byName map[string]*zip.File, m *Manifest, own map[string][]byte) error {
	cmp := &comparer{r: bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 1<<16)}
	z := newZipWriter(cmp, m.Created)
	for _, f := range m.Files {
		if _, err := z.add(f.Path, func(w io.Writer) error {
			rc, err := byName[f.Path].Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			_, err = io.Copy(w, rc)
			return err
		}); err != nil && !errors.Is(err, errDiffers) {
			return refuse("Filen %s kan inte läsas: %v.", f.Path, err)
		}
	}
	err := sealWith(z, own[ManifestName], own[SignatureName], own[PublicKeyName])
	if err == nil && !cmp.differs {
		if _, rerr := cmp.r.ReadByte(); rerr != io.EOF {
			return refuse("Paketet har data efter zip-filens slut (från byte %d): det har ändrats.", cmp.at)
		}
	}
	if cmp.differs {
		return refuse("Paketet har ändrats vid byte %d (i zip-filens %s): det är inte skrivet som ikplan skriver ett revisionspaket.", cmp.at, placeOf(cmp.at, z))
	}
	if err != nil {
		return refuse("Paketet kan inte skrivas om för jämförelsen: %v.", err)
	}
	return nil
}

// placeOf names the part of the zip an offset falls in.
func placeOf(at uint64, z *zipWriter) string {
	name := "katalog"
	for _, e := range z.entries {
		if e.offset <= at {
			name = "post för " + e.name
		}
	}
	return name
}

var errDiffers = errors.New("differs")

// comparer is a writer that compares what is written with r.
type comparer struct {
	r       *bufio.Reader
	at      uint64 // bytes compared equal
	differs bool
}

func (c *comparer) Write(p []byte) (int, error) {
	if c.differs {
		return 0, errDiffers
	}
	for i, b := range p {
		got, err := c.r.ReadByte()
		if err != nil || got != b {
			c.differs = true
			return i, errDiffers
		}
		c.at++
	}
	return len(p), nil
}

// readAll reads a zip file of at most limit bytes.
func readAll(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errors.New("too large")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var b bytes.Buffer
	if _, err := io.Copy(&b, io.LimitReader(rc, limit+1)); err != nil {
		return nil, err
	}
	if b.Len() > int(limit) {
		return nil, errors.New("too large")
	}
	return b.Bytes(), nil
}

// digest is a zip file's SHA-256 and size, read through.
func digest(f *zip.File) (string, uint64, error) {
	rc, err := f.Open()
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), uint64(n), nil
}
