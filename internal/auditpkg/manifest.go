package auditpkg

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"time"
)

// Format names the package's layout, in its manifest.
const Format = "ikplan-revisionspaket/1"

// The package's own files, after the files the manifest lists, in this order.
const (
	ManifestName  = "manifest.json"
	SignatureName = "manifest.sig" // Ed25519 over manifest.json's bytes, 64 bytes raw
	PublicKeyName = "manifest.pub" // the public key, PEM (SubjectPublicKeyInfo)
)

// Manifest lists every file of a package with its size and SHA-256.
type Manifest struct {
	Format      string    `json:"format"`
	Created     time.Time `json:"created"`
	Year        int       `json:"year"`
	Board       *BoardRef `json:"board"`          // nil: every board the maker may read
	MadeFor     string    `json:"made_for"`       // who asked for it
	Public      []string  `json:"public_version"` // boards whose documents are the public version
	PublicKey   string    `json:"public_key"`     // base64, as /me shows it
	Fingerprint string    `json:"fingerprint"`
	Files       []File    `json:"files"`
}

// BoardRef names a board.
type BoardRef struct {
	Id   string `json:"id"`
	Name string `json:"name"`
}

// File is one file of the package.
type File struct {
	Path   string `json:"path"`
	Size   uint64 `json:"size"`
	SHA256 string `json:"sha256"`
}

// encode is the manifest's bytes, the ones the signature covers.
func (m *Manifest) encode() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// decodeManifest reads a manifest strictly: unknown fields are refused.
func decodeManifest(b []byte) (*Manifest, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	var m Manifest
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("trailing data after the manifest")
	}
	return &m, nil
}

// publicPEM is a public key as manifest.pub holds it, which OpenSSL reads.
func publicPEM(pub ed25519.PublicKey) []byte {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// parsePublicPEM reads manifest.pub.
func parsePublicPEM(b []byte) (ed25519.PublicKey, error) {
	block, rest := pem.Decode(b)
	if block == nil || block.Type != "PUBLIC KEY" || len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("not a PEM public key")
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, errors.New("not an Ed25519 key")
	}
	return pub, nil
}
