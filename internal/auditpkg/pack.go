package auditpkg

import (
	"bytes"
	"io"
	"path"
	"strconv"
	"strings"
)

// packer writes a package: its files, then the manifest listing them,
// its signature and the public key.
type packer struct {
	z     *zipWriter
	m     *Manifest
	names map[string]bool
}

func newPacker(w io.Writer, m *Manifest) *packer {
	return &packer{z: newZipWriter(w, m.Created), m: m, names: map[string]bool{}}
}

// add writes a file under name (made unique with "-2", "-3"… before its
// extension when taken) and lists it in the manifest.
func (p *packer) add(name string, fill func(w io.Writer) error) error {
	name = p.unique(name)
	e, err := p.z.add(name, fill)
	if err != nil {
		return err
	}
	p.m.Files = append(p.m.Files, File{Path: e.name, Size: e.size, SHA256: e.sha})
	return nil
}

// addBytes writes a file that is already made.
func (p *packer) addBytes(name string, b []byte) error {
	return p.add(name, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

func (p *packer) unique(name string) string {
	if !p.names[name] && !reserved(name) {
		p.names[name] = true
		return name
	}
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 2; ; i++ {
		n := base + "-" + strconv.Itoa(i) + ext
		if !p.names[n] && !reserved(n) {
			p.names[n] = true
			return n
		}
	}
}

// reserved are the names of the package's own files.
func reserved(name string) bool {
	return name == ManifestName || name == SignatureName || name == PublicKeyName
}

// seal writes the manifest, its signature and the public key, and ends
// the zip.
func (p *packer) seal(k Key) error {
	pub := k.Public()
	p.m.PublicKey, p.m.Fingerprint = PublicText(pub), Fingerprint(pub)
	body, err := p.m.encode()
	if err != nil {
		return err
	}
	return sealWith(p.z, body, k.Sign(body), publicPEM(pub))
}

// sealWith writes the package's own three files and ends the zip: the
// same for the maker and for Verify's copy.
func sealWith(z *zipWriter, manifest, sig, pub []byte) error {
	for _, f := range []struct {
		name string
		b    []byte
	}{{ManifestName, manifest}, {SignatureName, sig}, {PublicKeyName, pub}} {
		if _, err := z.add(f.name, func(w io.Writer) error {
			_, err := io.Copy(w, bytes.NewReader(f.b))
			return err
		}); err != nil {
			return err
		}
	}
	return z.close()
}
