package auditpkg

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"time"
)

// The zip is written by this file alone, in one way, so that its bytes
// follow from its files, their order and one time: each entry stored (not
// compressed: the documents and most evidence are compressed already),
// its name flagged UTF-8, its CRC-32 and sizes in a data descriptor after
// the data (the entry streams through without being held), then the
// central directory and its end record, without comments or extra fields.
// Zip64 is not written: a package stays under 4 GiB and 65 535 files.

const (
	sigLocal      = 0x04034b50
	sigDescriptor = 0x08074b50
	sigCentral    = 0x02014b50
	sigEnd        = 0x06054b50
	zipVersion    = 20     // 2.0: stored entries, data descriptors
	zipFlags      = 0x0808 // bit 3: data descriptor; bit 11: UTF-8 names
)

// errTooLarge is a package beyond what a zip without Zip64 holds.
var errTooLarge = errors.New("the package exceeds 4 GiB or 65 535 files")

// zipEntry is a written entry, as the central directory lists it.
type zipEntry struct {
	name   string
	crc    uint32
	size   uint64
	offset uint64
	sha    string
}

// zipWriter writes a zip in the one form described above.
type zipWriter struct {
	w       io.Writer
	n       uint64 // bytes written
	dosTime uint16
	dosDate uint16
	entries []zipEntry
	open    *entryWriter
	err     error
}

func newZipWriter(w io.Writer, t time.Time) *zipWriter {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return &zipWriter{
		w:       w,
		dosTime: uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2),
		dosDate: uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day()),
	}
}

func (z *zipWriter) write(p []byte) {
	if z.err != nil {
		return
	}
	n, err := z.w.Write(p)
	z.n += uint64(n)
	z.err = err
}

// create starts an entry; what is written to the returned writer is its
// content, until the next create or close.
func (z *zipWriter) create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if len(z.entries) >= math.MaxUint16 || len(name) > math.MaxUint16 {
		return nil, errTooLarge
	}
	z.open = &entryWriter{z: z, e: zipEntry{name: name, offset: z.n}, crc: crc32.NewIEEE(), sha: sha256.New()}
	b := make([]byte, 30, 30+len(name))
	binary.LittleEndian.PutUint32(b[0:], sigLocal)
	binary.LittleEndian.PutUint16(b[4:], zipVersion)
	binary.LittleEndian.PutUint16(b[6:], zipFlags)
	binary.LittleEndian.PutUint16(b[8:], 0) // stored
	binary.LittleEndian.PutUint16(b[10:], z.dosTime)
	binary.LittleEndian.PutUint16(b[12:], z.dosDate)
	// CRC-32 and sizes are zero here: the data descriptor has them
	binary.LittleEndian.PutUint16(b[26:], uint16(len(name)))
	z.write(append(b, name...))
	return z.open, z.err
}

// finish ends the open entry with its data descriptor.
func (z *zipWriter) finish() error {
	if z.open == nil {
		return z.err
	}
	ew := z.open
	z.open = nil
	e := ew.e
	e.crc = ew.crc.Sum32()
	e.sha = hex.EncodeToString(ew.sha.Sum(nil))
	if e.size > math.MaxUint32 || z.n > math.MaxUint32 {
		return errTooLarge
	}
	b := make([]byte, 16)
	binary.LittleEndian.PutUint32(b[0:], sigDescriptor)
	binary.LittleEndian.PutUint32(b[4:], e.crc)
	binary.LittleEndian.PutUint32(b[8:], uint32(e.size))
	binary.LittleEndian.PutUint32(b[12:], uint32(e.size))
	z.write(b)
	z.entries = append(z.entries, e)
	return z.err
}

// close writes the central directory and its end record.
func (z *zipWriter) close() error {
	if err := z.finish(); err != nil {
		return err
	}
	start := z.n
	for _, e := range z.entries {
		b := make([]byte, 46, 46+len(e.name))
		binary.LittleEndian.PutUint32(b[0:], sigCentral)
		binary.LittleEndian.PutUint16(b[4:], zipVersion)
		binary.LittleEndian.PutUint16(b[6:], zipVersion)
		binary.LittleEndian.PutUint16(b[8:], zipFlags)
		binary.LittleEndian.PutUint16(b[10:], 0)
		binary.LittleEndian.PutUint16(b[12:], z.dosTime)
		binary.LittleEndian.PutUint16(b[14:], z.dosDate)
		binary.LittleEndian.PutUint32(b[16:], e.crc)
		binary.LittleEndian.PutUint32(b[20:], uint32(e.size))
		binary.LittleEndian.PutUint32(b[24:], uint32(e.size))
		binary.LittleEndian.PutUint16(b[28:], uint16(len(e.name)))
		// extra, comment, disk, attributes: none
		binary.LittleEndian.PutUint32(b[42:], uint32(e.offset))
		z.write(append(b, e.name...))
	}
	size := z.n - start
	if z.n > math.MaxUint32 {
		return errTooLarge
	}
	b := make([]byte, 22)
	binary.LittleEndian.PutUint32(b[0:], sigEnd)
	binary.LittleEndian.PutUint16(b[8:], uint16(len(z.entries)))
	binary.LittleEndian.PutUint16(b[10:], uint16(len(z.entries)))
	binary.LittleEndian.PutUint32(b[12:], uint32(size))
	binary.LittleEndian.PutUint32(b[16:], uint32(start))
	z.write(b)
	return z.err
}

// entryWriter writes an entry's content and keeps its sums.
type entryWriter struct {
	z   *zipWriter
	e   zipEntry
	crc hash.Hash32
	sha hash.Hash
}

func (w *entryWriter) Write(p []byte) (int, error) {
	if w.z.open != w {
		return 0, errors.New("write to a finished zip entry")
	}
	w.z.write(p)
	if w.z.err != nil {
		return 0, w.z.err
	}
	w.crc.Write(p)
	w.sha.Write(p)
	w.e.size += uint64(len(p))
	return len(p), nil
}

// add writes one entry whose content fill writes, and returns it as
// written: its size and SHA-256.
func (z *zipWriter) add(name string, fill func(w io.Writer) error) (zipEntry, error) {
	w, err := z.create(name)
	if err != nil {
		return zipEntry{}, err
	}
	if err := fill(w); err != nil {
		return zipEntry{}, err
	}
	if err := z.finish(); err != nil {
		return zipEntry{}, err
	}
	return z.entries[len(z.entries)-1], nil
}
