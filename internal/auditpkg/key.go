package auditpkg

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// KeyFile is the instance's private key, in the data folder: readable by
// the server's user only (0600), never under any route, and in every
// backup of the folder, so that a restored instance signs with the key it
// had.
const KeyFile = "package_ed25519.pem"

// Key is the instance's signing key.
type Key struct {
	private ed25519.PrivateKey
}

// Public is the key's public half.
func (k Key) Public() ed25519.PublicKey { return k.private.Public().(ed25519.PublicKey) }

// Sign signs msg.
func (k Key) Sign(msg []byte) []byte { return ed25519.Sign(k.private, msg) }

// PublicText is a public key as base64 (standard, padded), as /me and the
// package show it.
func PublicText(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// ParsePublic reads a public key written by PublicText.
func ParsePublic(text string) (ed25519.PublicKey, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text))
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, errors.New("not an Ed25519 public key in base64")
	}
	return ed25519.PublicKey(raw), nil
}

// Fingerprint is a short name of a public key to compare by eye: the
// first 16 bytes of its SHA-256 in hex, in groups of four
// ("3f2a-9c1e-…").
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := hex.EncodeToString(sum[:16])
	var parts []string
	for i := 0; i < len(h); i += 4 {
		parts = append(parts, h[i:i+4])
	}
	return strings.Join(parts, "-")
}

// LoadKey reads the instance's key from the data folder dir; ok is false
// when there is none yet.
func LoadKey(dir string) (k Key, ok bool, err error) {
	path := filepath.Join(dir, KeyFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Key{}, false, nil
	}
	if err != nil {
		return Key{}, false, fmt.Errorf("failed to read the package key: %w", err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return Key{}, false, fmt.Errorf("failed to read the package key %s: not a PEM private key", path)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return Key{}, false, fmt.Errorf("failed to read the package key: %w", err)
	}
	priv, isEd := parsed.(ed25519.PrivateKey)
	if !isEd {
		return Key{}, false, errors.New("failed to read the package key: not an Ed25519 key")
	}
	// a copy or a restored backup may have made it readable to others
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 && runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0o600); err != nil {
			return Key{}, false, fmt.Errorf("failed to make the package key readable by the server only: %w", err)
		}
	}
	return Key{private: priv}, true, nil
}

// EnsureKey returns the instance's key, creating it on first use: a new
// Ed25519 key from crypto/rand, written to the data folder with mode 0600.
// Two processes creating it at once agree: the file is created
// exclusively, and the one that loses reads the winner's.
func EnsureKey(dir string) (Key, error) {
	if k, ok, err := LoadKey(dir); err != nil || ok {
		return k, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	path := filepath.Join(dir, KeyFile)
	tmp, err := os.CreateTemp(dir, ".package_key_*")
	if err != nil {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	if err := pem.Encode(tmp, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	// a hard link never replaces an existing file: the first key stays
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return Key{}, fmt.Errorf("failed to create the package key: %w", err)
	}
	k, ok, err := LoadKey(dir)
	if err == nil && !ok {
		err = errors.New("failed to create the package key: it vanished")
	}
	return k, err
}
