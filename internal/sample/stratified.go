package sample

import (
	"bytes"
	"slices"
)

// MaxStrata is how many different values a stratum column may hold: a
// column with more (an invoice number, a date) does not divide the
// population into strata.
const MaxStrata = 100

// stratum is one value of the stratum column and the indexes (into
// p.Rows) of the rows holding it, in file order.
type stratum struct {
	value string
	rows  []int
}

// strata divides the rows by the text of column col, the strata in the
// byte order of their texts (UTF-8).
func strata(p *Population, col int) []stratum {
	by := map[string]*stratum{}
	var out []*stratum
	for i, r := range p.Rows {
		v := r.Cells[col]
		s, ok := by[v]
		if !ok {
			s = &stratum{value: v}
			by[v] = s
			out = append(out, s)
		}
		s.rows = append(s.rows, i)
	}
	slices.SortFunc(out, func(a, b *stratum) int { return bytes.Compare([]byte(a.value), []byte(b.value)) })
	res := make([]stratum, len(out))
	for i, s := range out {
		res[i] = *s
	}
	return res
}

// Allocate divides a sample of size among strata of the given sizes (in
// the strata's order), the package's sentence on stratified sampling:
// when size is at least the number of strata, each stratum first gets one
// and the rest, size minus the number of strata, is divided in proportion
// to each stratum's size minus one; otherwise all of size is divided in
// proportion to the strata's sizes. Dividing m in proportion to weights w
// (total W) gives each stratum floor(m·w/W) and one more to each of the
// m − Σfloor strata with the largest remainders (m·w mod W), ties going
// to the earlier stratum. No stratum gets more than its size. The sizes
// must be positive and size at most their sum.
func Allocate(sizes []int, size int) []int {
	out := make([]int, len(sizes))
	weights := slices.Clone(sizes)
	m := size
	if size >= len(sizes) {
		for i := range sizes {
			out[i] = 1
			weights[i]--
		}
		m -= len(sizes)
	}
	total := 0
	for _, w := range weights {
		total += w
	}
	if m == 0 || total == 0 {
		return out
	}
	type rem struct{ r, i int }
	rems := make([]rem, len(weights))
	given := 0
	for i, w := range weights {
		q := m * w / total
		out[i] += q
		given += q
		rems[i] = rem{m * w % total, i}
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return b.r - a.r })
	for k := 0; k < m-given; k++ {
		out[rems[k].i]++
	}
	return out
}

// drawStratified draws size rows from the strata of column col: the
// allocation says how many of each stratum, and within each stratum the
// rows with the lowest keys are drawn as by simple random sampling. The
// drawn rows come stratum by stratum (in the strata's order), each
// stratum's lowest key first.
func drawStratified(p *Population, seed []byte, size, col int) ([]int, error) {
	ss := strata(p, col)
	if len(ss) > MaxStrata {
		return nil, refuse(0, "", "sample.strata.too_many", "column", clip(p.Header[col]), "count", len(ss), "max", MaxStrata)
	}
	sizes := make([]int, len(ss))
	for i, s := range ss {
		sizes[i] = len(s.rows)
	}
	alloc := Allocate(sizes, size)
	var out []int
	for i, s := range ss {
		numbers := make([]int, len(s.rows))
		for j, idx := range s.rows {
			numbers[j] = p.Rows[idx].Number
		}
		for _, j := range DrawNumbers(numbers, seed, alloc[i]) {
			out = append(out, s.rows[j])
		}
	}
	return out, nil
}
