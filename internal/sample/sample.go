// Package sample draws a sample (stickprov) from a population so that
// anyone with the population file and the seed can repeat the draw.
//
// The population is a table: a CSV file (separated by semicolons, commas
// or tabs, UTF-8) or the first sheet of an Excel workbook (.xlsx). Its
// first non-blank row is the header; every later non-blank row is one item
// of the population, known by its row number in the file (the header's
// row is 1 in a file that starts with it). Read refuses a file beyond the
// limits below, with a Swedish message naming the row and column.
//
// Every draw keys the rows the same way: a row's key is
// HMAC-SHA256(seed, the row number written as decimal digits in ASCII),
// keys compared as bytes. The seed is 32 bytes from crypto/rand, recorded
// as 64 lowercase hexadecimal digits. There are three methods:
//
//   - "srs", simple random sampling without replacement: the sample is the
//     size rows with the lowest keys, in the order of their keys.
//   - "stratified", by a column: the rows are divided into strata by the
//     exact text of their cell in the column (a blank cell is a stratum of
//     its own), the strata ordered by their texts' UTF-8 bytes. The size
//     is allocated proportionally with largest-remainder rounding, at
//     least one per stratum when the size is at least the number of
//     strata (Allocate says exactly how); within each stratum the rows
//     with the lowest keys are drawn. The sample is the strata's rows in
//     the strata's order, each stratum's lowest key first. A column with
//     more than MaxStrata different texts is refused.
//   - "mus", monetary-unit sampling by an amount column (ParseAmount reads
//     "12 345,50" and "12345.50" into öre): systematic selection over the
//     cumulative amounts in file order with a random start of
//     HMAC-SHA256(seed, "mus"); an item whose amount is at least the
//     interval is always drawn (DrawMUS says exactly how). A row with a
//     missing, negative or non-numeric amount is refused, naming the row
//     and the column.
//
// The population has two checksums: SHA-256 of the file's bytes, and
// SHA-256 of its canonical form — for each row, header first, the row
// number in decimal digits followed by each cell as the byte 0x1F and the
// cell's text, and the row ended by the byte 0x1E — which is the same for
// a CSV file and a workbook holding the same rows.
package sample

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"ikplan/internal/i18n"
)

// Methods of drawing a sample.
const (
	// MethodSRS is simple random sampling without replacement.
	MethodSRS = "srs"
	// MethodStratified is stratified sampling by a column.
	MethodStratified = "stratified"
	// MethodMUS is monetary-unit sampling by an amount column.
	MethodMUS = "mus"
)

// Methods lists every method of drawing a sample.
var Methods = []string{MethodSRS, MethodStratified, MethodMUS}

// NeedsColumn reports whether the method draws by a column of the
// population: a stratum column or an amount column.
func NeedsColumn(method string) bool { return method == MethodStratified || method == MethodMUS }

// Limits of a population. A population is a list of invoices, decisions
// or employments: some columns and up to tens of thousands of rows.
const (
	MaxBytes      = 5 << 20 // the file as uploaded
	MaxUnpacked   = 64 << 20
	MaxRows       = 50000 // rows of the population
	MaxColumns    = 50
	MaxCell       = 1000 // characters of a cell
	MaxSize       = 500  // items of a sample
	SeedBytes     = 32
	maxXLSXRowNum = 1 << 20
)

// Row is one item of the population: its row number in the file and its
// cells, as many as the header's.
type Row struct {
	Number int
	Cells  []string
}

// Population is what Read read from a file.
type Population struct {
	Format    string // "csv" or "xlsx"
	Header    []string
	HeaderRow int
	Rows      []Row
	SHA256    string // of the file's bytes, hex
	Canonical string // of the canonical form, hex
}

// Error is why a file is refused: a catalogue message with the row and
// column it is about (0 and "" for the file as a whole).
type Error struct {
	Row    int
	Column string
	Msg    i18n.Message
}

// In is the error in lang, with its row and column before it.
func (e *Error) In(lang string) string {
	switch {
	case e.Row == 0:
		return e.Msg.In(lang)
	case e.Column == "":
		return i18n.M("import.at_row", "row", e.Row, "message", e.Msg).In(lang)
	}
	return i18n.M("import.at_cell", "row", e.Row, "column", e.Column, "message", e.Msg).In(lang)
}

// Message is the error as one catalogue message, its row and column in it.
func (e *Error) Message() i18n.Message {
	switch {
	case e.Row == 0:
		return e.Msg
	case e.Column == "":
		return i18n.M("import.at_row", "row", e.Row, "message", e.Msg)
	}
	return i18n.M("import.at_cell", "row", e.Row, "column", e.Column, "message", e.Msg)
}

// Error is the error in Swedish.
func (e *Error) Error() string { return e.In(i18n.Sv) }

func refuse(row int, column string, key string, kv ...any) *Error {
	return &Error{Row: row, Column: column, Msg: i18n.M(key, kv...)}
}

// Read reads a population from a file's bytes: a workbook when they are a
// zip archive, else CSV text.
func Read(data []byte) (*Population, error) {
	if len(data) > MaxBytes {
		return nil, refuse(0, "", "sample.file.too_large", "mb", MaxBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, refuse(0, "", "sample.file.empty")
	}
	var p *Population
	var err error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		p, err = readXLSX(data)
	} else {
		p, err = readCSV(data)
	}
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	p.SHA256 = hex.EncodeToString(sum[:])
	p.Canonical = p.canonicalSum()
	return p, nil
}

// table builds a population from rows of cells (each with its row
// number), checking every limit.
type table struct {
	p       *Population
	columns int
}

func (t *table) add(number int, cells []string) *Error {
	// a blank row is no item
	blank := true
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return nil
	}
	last := len(cells)
	for last > 0 && cells[last-1] == "" {
		last--
	}
	cells = cells[:last]
	if len(cells) > MaxColumns {
		return refuse(number, columnName(MaxColumns+1), "sample.file.too_many_columns", "max", MaxColumns)
	}
	for i, c := range cells {
		if msg, ok := cellProblem(c); ok {
			return &Error{Row: number, Column: t.columnLabel(i), Msg: msg}
		}
	}
	if t.p.Header == nil {
		seen := map[string]bool{}
		for i, c := range cells {
			h := strings.TrimSpace(c)
			if h == "" {
				return refuse(number, columnName(i+1), "sample.file.header_blank")
			}
			if seen[strings.ToLower(h)] {
				return refuse(number, columnName(i+1), "sample.file.header_twice", "name", h)
			}
			seen[strings.ToLower(h)] = true
		}
		t.p.Header = slices.Clone(cells)
		t.p.HeaderRow = number
		t.columns = len(cells)
		return nil
	}
	if len(cells) > t.columns {
		return refuse(number, columnName(t.columns+1), "sample.file.beyond_header")
	}
	if len(t.p.Rows) == MaxRows {
		return refuse(0, "", "sample.file.too_many_rows", "max", MaxRows)
	}
	row := make([]string, t.columns)
	copy(row, cells)
	t.p.Rows = append(t.p.Rows, Row{Number: number, Cells: row})
	return nil
}

func (t *table) done() (*Population, error) {
	if t.p.Header == nil {
		return nil, refuse(0, "", "sample.file.empty")
	}
	if len(t.p.Rows) == 0 {
		return nil, refuse(0, "", "sample.file.no_rows")
	}
	return t.p, nil
}

// columnLabel is a column's letter and, once the header is read, its name.
func (t *table) columnLabel(i int) string {
	name := columnName(i + 1)
	if t.p.Header != nil && i < len(t.p.Header) {
		return name + " (" + clip(t.p.Header[i]) + ")"
	}
	return name
}

// cellProblem says what is wrong with a cell's text: too long, or holding
// control characters (a binary file read as text).
func cellProblem(c string) (i18n.Message, bool) {
	if n := len([]rune(c)); n > MaxCell {
		return i18n.M("sample.file.cell_long", "max", MaxCell, "length", n), true
	}
	for _, r := range c {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == 0xfffd {
			return i18n.M("sample.file.control"), true
		}
	}
	return i18n.Message{}, false
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// columnName is a column's letter as a spreadsheet names it: 1 is A.
func columnName(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// canonicalSum is the SHA-256 of the population's canonical form (see the
// package's description).
func (p *Population) canonicalSum() string {
	h := sha256.New()
	write := func(number int, cells []string) {
		h.Write([]byte(strconv.Itoa(number)))
		for _, c := range cells {
			h.Write([]byte{0x1f})
			h.Write([]byte(c))
		}
		h.Write([]byte{0x1e})
	}
	write(p.HeaderRow, p.Header)
	for _, r := range p.Rows {
		write(r.Number, r.Cells)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewSeed is a fresh seed of SeedBytes bytes from crypto/rand, as hex.
func NewSeed() string {
	b := make([]byte, SeedBytes)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24 and later)
	return hex.EncodeToString(b)
}

// ParseSeed reads a seed written as 64 hexadecimal digits.
func ParseSeed(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != SeedBytes {
		return nil, refuse(0, "", "sample.seed.format", "digits", 2*SeedBytes)
	}
	return b, nil
}

// Column is the index of the header's column named name (compared
// without case and surrounding spaces), or a refusal naming the columns
// there are.
func (p *Population) Column(name string) (int, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	for i, h := range p.Header {
		if strings.ToLower(strings.TrimSpace(h)) == want {
			return i, nil
		}
	}
	if want == "" {
		return -1, refuse(0, "", "sample.column.required", "columns", strings.Join(p.Header, ", "))
	}
	return -1, refuse(0, "", "sample.column.unknown", "column", clip(name), "columns", strings.Join(p.Header, ", "))
}

// Draw draws a sample of size rows from the population with the seed by
// the method — for "stratified" and "mus" by the column named column, ""
// for "srs" — and returns the indexes of the drawn rows in p.Rows, in the
// order they were drawn.
func Draw(p *Population, seed []byte, size int, method, column string) ([]int, error) {
	if !slices.Contains(Methods, method) {
		return nil, refuse(0, "", "sample.method.unknown", "method", clip(method))
	}
	if !NeedsColumn(method) && strings.TrimSpace(column) != "" {
		return nil, refuse(0, "", "sample.column.srs")
	}
	col := -1
	if NeedsColumn(method) {
		var err error
		if col, err = p.Column(column); err != nil {
			return nil, err
		}
	}
	var amounts []int64
	if method == MethodMUS {
		var err error
		if amounts, err = Amounts(p, col); err != nil {
			return nil, err
		}
	}
	if size < 1 || size > len(p.Rows) || size > MaxSize {
		return nil, refuse(0, "", "sample.size.range", "max", min(len(p.Rows), MaxSize))
	}
	switch method {
	case MethodStratified:
		return drawStratified(p, seed, size, col)
	case MethodMUS:
		positive := 0
		for _, a := range amounts {
			if a > 0 {
				positive++
			}
		}
		if size > positive {
			return nil, refuse(0, "", "sample.size.mus", "max", positive, "column", clip(p.Header[col]))
		}
		return DrawMUS(amounts, seed, size), nil
	}
	numbers := make([]int, len(p.Rows))
	for i, r := range p.Rows {
		numbers[i] = r.Number
	}
	return DrawNumbers(numbers, seed, size), nil
}

// DrawNumbers is the draw of simple random sampling over rows known by
// their numbers: the indexes (into numbers) of the size rows with the
// lowest HMAC-SHA256(seed, number in decimal digits), lowest first.
func DrawNumbers(numbers []int, seed []byte, size int) []int {
	type keyed struct {
		key   []byte
		index int
	}
	keys := make([]keyed, len(numbers))
	mac := hmac.New(sha256.New, seed)
	for i, n := range numbers {
		mac.Reset()
		mac.Write([]byte(strconv.Itoa(n)))
		keys[i] = keyed{key: mac.Sum(nil), index: i}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := bytes.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.index - b.index
	})
	out := make([]int, min(size, len(keys)))
	for i := range out {
		out[i] = keys[i].index
	}
	return out
}
