package sample_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/quick"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/sample"
)

// vector is a fixed draw committed in testdata: a population file, a
// seed and a size, with the rows the draw gives. The drawn rows were
// computed once by an independent implementation of the package's
// sentence (Python's hmac and hashlib), not by this package, so the test
// holds the draw to what the documentation says on every run and machine.
type vector struct {
	File      string `json:"file"`
	Seed      string `json:"seed"`
	Size      int    `json:"size"`
	Method    string `json:"method"`
	Column    string `json:"column"`
	Rows      int    `json:"rows"`
	SHA256    string `json:"sha256"`
	Canonical string `json:"canonical"`
	Drawn     []int  `json:"drawn"`
}

// Vectors reads the committed vectors.
func vectors(t *testing.T) []vector {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestFixedVectors: the committed populations, seeds and sizes give the
// committed rows and checksums, from CSV and from Excel alike.
func TestFixedVectors(t *testing.T) {
	for _, v := range vectors(t) {
		t.Run(v.File+"/"+v.Method+"/"+strconv.Itoa(v.Size), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", v.File))
			if err != nil {
				t.Fatal(err)
			}
			p, err := sample.Read(data)
			if err != nil {
				t.Fatalf("Expected the population read, got %v", err)
			}
			if len(p.Rows) != v.Rows {
				t.Errorf("Expected %d rows, got %d", v.Rows, len(p.Rows))
			}
			if v.SHA256 != "" && p.SHA256 != v.SHA256 {
				t.Errorf("Expected the file's checksum %s, got %s", v.SHA256, p.SHA256)
			}
			if p.Canonical != v.Canonical {
				t.Errorf("Expected the canonical checksum %s, got %s", v.Canonical, p.Canonical)
			}
			seed, err := sample.ParseSeed(v.Seed)
			if err != nil {
				t.Fatal(err)
			}
			idx, err := sample.Draw(p, seed, v.Size, v.Method, v.Column)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, i := range idx {
				got = append(got, p.Rows[i].Number)
			}
			if !slices.Equal(got, v.Drawn) {
				t.Errorf("Expected the rows %v drawn, got %v", v.Drawn, got)
			}
		})
	}
}

// TestDrawProperties: for any population size, size and seed, the draw
// gives size distinct rows of the population, the same ones every time
// for the same seed, and a sample of one is each row for some seed.
func TestDrawProperties(t *testing.T) {
	prop := func(n uint16, k uint16, seed [32]byte) bool {
		rows := int(n%300) + 1
		size := int(k)%rows + 1
		numbers := make([]int, rows)
		for i := range numbers {
			numbers[i] = i + 2
		}
		a := sample.DrawNumbers(numbers, seed[:], size)
		b := sample.DrawNumbers(slices.Clone(numbers), seed[:], size)
		if len(a) != size || !slices.Equal(a, b) {
			return false
		}
		seen := map[int]bool{}
		for _, i := range a {
			if i < 0 || i >= rows || seen[i] {
				return false
			}
			seen[i] = true
		}
		// a larger sample from the same seed begins with the smaller one
		if size < rows {
			c := sample.DrawNumbers(numbers, seed[:], size+1)
			if !slices.Equal(c[:size], a) {
				return false
			}
		}
		return true
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300}); err != nil {
		t.Fatal(err)
	}

	// every row is reachable: a sample of one from seven rows hits each
	r := rand.New(rand.NewPCG(18, 2026))
	numbers := []int{2, 3, 4, 5, 6, 7, 8}
	hit := map[int]int{}
	for range 2000 {
		var seed [32]byte
		for i := range seed {
			seed[i] = byte(r.UintN(256))
		}
		hit[sample.DrawNumbers(numbers, seed[:], 1)[0]]++
	}
	for i := range numbers {
		if hit[i] < 200 { // about 285 expected each
			t.Errorf("Expected row %d drawn about 2000/7 times, got %d (%v)", numbers[i], hit[i], hit)
		}
	}
}

// TestSeeds: a fresh seed is 32 random bytes in hex, two are never alike,
// and a seed that is not 64 hex digits is refused.
func TestSeeds(t *testing.T) {
	a, b := sample.NewSeed(), sample.NewSeed()
	if len(a) != 64 || a == b {
		t.Fatalf("Expected two different 64-digit seeds, got %q and %q", a, b)
	}
	if _, err := hex.DecodeString(a); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "abc", strings.Repeat("g", 64), strings.Repeat("a", 62)} {
		if _, err := sample.ParseSeed(bad); err == nil || !strings.Contains(err.Error(), "64 hexadecimala tecken") {
			t.Errorf("Expected the seed %q refused, got %v", bad, err)
		}
	}
}

// TestSizes: a size of 0, above the population or above MaxSize is refused.
func TestSizes(t *testing.T) {
	p, err := sample.Read([]byte("Nr;Belopp\n1;10\n2;20\n3;30\n"))
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := sample.ParseSeed(strings.Repeat("ab", 32))
	for _, size := range []int{-1, 0, 4} {
		if _, err := sample.Draw(p, seed, size, sample.MethodSRS, ""); err == nil || !strings.Contains(err.Error(), "mellan 1 och 3") {
			t.Errorf("Expected the size %d refused naming 1–3, got %v", size, err)
		}
	}
	if _, err := sample.Draw(p, seed, 1, "pps", ""); err == nil {
		t.Error("Expected an unknown method refused")
	}
}

// TestReadCSV: the separator is found, a BOM and blank lines are skipped,
// row numbers are the file's lines, short rows are padded, and cells that
// look like formulas stay text.
func TestReadCSV(t *testing.T) {
	data := "\xef\xbb\xbfNr,Text,Belopp\r\n1,\"a, b\",10\r\n\r\n2,=cmd|' /C calc'!A0,\r\n3\r\n"
	p, err := sample.Read([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []sample.Row{
		{Number: 2, Cells: []string{"1", "a, b", "10"}},
		{Number: 4, Cells: []string{"2", "=cmd|' /C calc'!A0", ""}},
		{Number: 5, Cells: []string{"3", "", ""}},
	}
	if fmt.Sprint(p.Rows) != fmt.Sprint(want) || !slices.Equal(p.Header, []string{"Nr", "Text", "Belopp"}) {
		t.Fatalf("Expected %v under Nr, Text, Belopp, got %v under %v", want, p.Rows, p.Header)
	}
}

// TestHostilePopulations: a file beyond a limit or not a table is refused
// with a Swedish message naming the row and column, never read in part.
func TestHostilePopulations(t *testing.T) {
	many := strings.Repeat("x;", sample.MaxColumns+5) + "x\n1\n"
	wide := "A;B\n1;2;3\n"
	long := "A\n" + strings.Repeat("å", sample.MaxCell+1) + "\n"
	rows := "A\n" + strings.Repeat("1\n", sample.MaxRows+1)
	bigXLSX := func() []byte {
		x := excelize.NewFile()
		_ = x.SetCellStr("Sheet1", "A1", "Nr")
		_ = x.SetCellStr("Sheet1", "BZ2", "x")
		var b bytes.Buffer
		_ = x.Write(&b)
		return b.Bytes()
	}()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"huge", bytes.Repeat([]byte("a;b\n"), sample.MaxBytes/4+1), "större än 5 MB"},
		{"empty", []byte(" \n\n"), "Populationen är tom"},
		{"header only", []byte("Nr;Belopp\n"), "inga poster"},
		{"binary", []byte("Nr\n\x00\x01\x02\x03ELF\n"), "rad 2, kolumn A (Nr): Cellen innehåller tecken som inte är text"},
		{"bad UTF-8", []byte("Nr;Leverantör\n1;Caf\xe9 \xd6rnen\n"), "rad 2: Filen är inte text i UTF-8"},
		{"too many columns", []byte(many), "rad 1, kolumn AY: Raden har fler än 50 kolumner"},
		{"too many columns in xlsx", bigXLSX, "rad 2, kolumn AY: Raden har fler än 50 kolumner"},
		{"beyond the header", []byte(wide), "rad 2, kolumn C: Cellen har ett värde men kolumnen saknar rubrik"},
		{"long cell", []byte(long), "rad 2, kolumn A (A): Cellen har 1001 tecken"},
		{"too many rows", []byte(rows), "fler än 50000 rader"},
		{"zip that is no workbook", []byte("PK\x03\x04garbage"), "kunde inte läsas som en tabell"},
		{"header twice", []byte("Nr;nr\n1;2\n"), "rad 1, kolumn B: Rubriken nr finns två gånger"},
		{"quote never closed", []byte("A;B\n0;1\n\"1;2\n3;4\n"), "rad 3: Raden kunde inte läsas som CSV"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := sample.Read(c.data)
			var se *sample.Error
			if !errors.As(err, &se) {
				t.Fatalf("Expected a refusal, got %v (%v)", err, p)
			}
			if got := se.In(i18n.Sv); !strings.Contains(got, c.want) {
				t.Errorf("Expected %q in the refusal, got %q", c.want, got)
			}
			if en := se.In(i18n.En); en == se.In(i18n.Sv) {
				t.Errorf("Expected an English text, got the Swedish %q", en)
			}
		})
	}
}
