package cli

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeStreamed writes path through a temporary file in the same folder,
// filled by fill, synced and renamed into place, so a failure never leaves
// half a file under the name and the content need not be held in memory.
// The file is readable by all, as a file the person saved. (renameio does
// this, but not on Windows, where ikplan also runs.)
func writeStreamed(path string, fill func(f *os.File) error) error {
	failed := func(err error) error { return fmt.Errorf("filen %s kunde inte skrivas: %w", path, err) }
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ikplan-*.tmp")
	if err != nil {
		return failed(err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := fill(tmp); err != nil {
		tmp.Close()
		return failed(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return failed(err)
	}
	if err := tmp.Close(); err != nil {
		return failed(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return failed(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return failed(err)
	}
	return nil
}

// writeAtomic writes data to path as writeStreamed does.
func writeAtomic(path string, data []byte) error {
	return writeStreamed(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}
