package cli

import (
	"fmt"
	"os"

	"github.com/google/renameio/v2"
)

// writeStreamed writes path through a temporary file in the same folder,
// filled by fill and renamed into place (renameio), so a failure never
// leaves half a file under the name and the content need not be held in
// memory. The file is readable by all, as a file the person saved.
func writeStreamed(path string, fill func(f *os.File) error) error {
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return fmt.Errorf("filen %s kunde inte skrivas: %w", path, err)
	}
	defer pf.Cleanup() // a no-op once in place
	if err := fill(pf.File); err != nil {
		return fmt.Errorf("filen %s kunde inte skrivas: %w", path, err)
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("filen %s kunde inte skrivas: %w", path, err)
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
