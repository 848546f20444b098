package sample_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/quick"

	"ikplan/internal/i18n"
	"ikplan/internal/sample"
)

// TestAllocateProperties: for any strata and size, the allocation sums to
// the size, gives no stratum more than it holds, gives every stratum at
// least one when the size allows, and stays within one of the stratum's
// proportional share.
func TestAllocateProperties(t *testing.T) {
	prop := func(raw []uint8, k uint16) bool {
		if len(raw) == 0 {
			return true
		}
		sizes := make([]int, len(raw)%40+1)
		total := 0
		for i := range sizes {
			sizes[i] = int(raw[i%len(raw)])%30 + 1
			total += sizes[i]
		}
		size := int(k)%total + 1
		got := sample.Allocate(sizes, size)
		sum := 0
		for i, g := range got {
			sum += g
			if g < 0 || g > sizes[i] {
				t.Logf("stratum %d of %d got %d", i, sizes[i], g)
				return false
			}
			if size >= len(sizes) && g < 1 {
				t.Logf("stratum %d got none of %d over %d strata", i, size, len(sizes))
				return false
			}
			// the share: (size−H)·(N_h−1)/(N−H) + 1, or size·N_h/N
			var share float64
			if size >= len(sizes) {
				if total > len(sizes) {
					share = float64(size-len(sizes))*float64(sizes[i]-1)/float64(total-len(sizes)) + 1
				} else {
					share = 1
				}
			} else {
				share = float64(size) * float64(sizes[i]) / float64(total)
			}
			if float64(g) <= share-1 || float64(g) >= share+1 {
				t.Logf("stratum %d of %d got %d, share %.3f", i, sizes[i], g, share)
				return false
			}
		}
		return sum == size
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 500}); err != nil {
		t.Fatal(err)
	}
	// largest remainder, ties to the earlier stratum
	for _, c := range []struct {
		sizes []int
		size  int
		want  []int
	}{
		{[]int{5, 5, 5, 5, 5, 9, 7, 10, 9}, 5, []int{1, 0, 0, 0, 0, 1, 1, 1, 1}},
		{[]int{1, 1, 1}, 2, []int{1, 1, 0}},
		{[]int{10, 1, 1}, 3, []int{1, 1, 1}},
		{[]int{10, 1, 1}, 5, []int{3, 1, 1}},
		{[]int{4, 4, 2}, 10, []int{4, 4, 2}},
	} {
		if got := sample.Allocate(c.sizes, c.size); !slices.Equal(got, c.want) {
			t.Errorf("Expected %v of %d from %v, got %v", c.want, c.size, c.sizes, got)
		}
	}
}

// population builds a population of n rows with a stratum and an amount
// column from the generator's numbers.
func population(t *testing.T, strata []uint8, amounts []uint32, n int) *sample.Population {
	t.Helper()
	var b strings.Builder
	b.WriteString("Nr;Grupp;Belopp\n")
	for i := range n {
		g := "g" + strconv.Itoa(int(strata[i%len(strata)])%7)
		a := int64(amounts[i%len(amounts)]) % 10_000_000
		if i%11 == 3 {
			a *= 400 // now and then an item far above the interval
		}
		fmt.Fprintf(&b, "%d;%s;%d,%02d\n", i+1, g, a/100, a%100)
	}
	p, err := sample.Read([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStratifiedProperties: the draw gives size distinct rows, the same
// for the same seed, and as many of each stratum as Allocate says — so
// every stratum when the size is at least their number.
func TestStratifiedProperties(t *testing.T) {
	prop := func(strata []uint8, amounts []uint32, n, k uint16, seed [32]byte) bool {
		if len(strata) == 0 || len(amounts) == 0 {
			return true
		}
		rows := int(n%200) + 1
		size := int(k)%rows + 1
		p := population(t, strata, amounts, rows)
		a, err := sample.Draw(p, seed[:], size, sample.MethodStratified, "Grupp")
		if err != nil {
			t.Log(err)
			return false
		}
		b, _ := sample.Draw(p, seed[:], size, sample.MethodStratified, "grupp")
		if len(a) != size || !slices.Equal(a, b) {
			return false
		}
		count := map[string]int{}
		seen := map[int]bool{}
		for _, i := range a {
			if seen[i] {
				return false
			}
			seen[i] = true
			count[p.Rows[i].Cells[1]]++
		}
		all := map[string]int{}
		for _, r := range p.Rows {
			all[r.Cells[1]]++
		}
		names := make([]string, 0, len(all))
		for g := range all {
			names = append(names, g)
		}
		slices.Sort(names)
		sizes := make([]int, len(names))
		for i, g := range names {
			sizes[i] = all[g]
		}
		want := sample.Allocate(sizes, size)
		for i, g := range names {
			if count[g] != want[i] || (size >= len(names) && count[g] == 0) {
				t.Logf("stratum %s: drew %d, allocated %d", g, count[g], want[i])
				return false
			}
		}
		return true
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 200}); err != nil {
		t.Fatal(err)
	}
}

// TestMUSProperties: the draw gives size distinct items, the same for the
// same seed, never an item of zero, and always every item whose amount is
// at least the interval (the total over the size).
func TestMUSProperties(t *testing.T) {
	prop := func(raw []uint32, zeros uint8, k uint16, seed [32]byte) bool {
		if len(raw) == 0 {
			return true
		}
		amounts := make([]int64, len(raw))
		positive := 0
		total := new(big.Int)
		for i, r := range raw {
			amounts[i] = int64(r) % 50_000_000
			if int(zeros) > 0 && i%int(zeros%5+2) == 0 {
				amounts[i] = 0
			}
			if i%13 == 5 {
				amounts[i] *= 1000
			}
			if amounts[i] > 0 {
				positive++
			}
			total.Add(total, big.NewInt(amounts[i]))
		}
		if positive == 0 {
			return true
		}
		size := int(k)%positive + 1
		a := sample.DrawMUS(amounts, seed[:], size)
		if len(a) != size || !slices.Equal(a, sample.DrawMUS(slices.Clone(amounts), seed[:], size)) {
			t.Logf("drew %d of %d", len(a), size)
			return false
		}
		seen := map[int]bool{}
		for _, i := range a {
			if seen[i] || amounts[i] == 0 {
				return false
			}
			seen[i] = true
		}
		for i, am := range amounts {
			// am ≥ total/size
			if new(big.Int).Mul(big.NewInt(am), big.NewInt(int64(size))).Cmp(total) >= 0 && !seen[i] {
				t.Logf("item %d of %d not drawn, interval %v/%d", i, am, total, size)
				return false
			}
		}
		return true
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300}); err != nil {
		t.Fatal(err)
	}
}

// TestParseAmount: Swedish and plain amounts are read into öre; anything
// else is refused with the message that says why.
func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{
		"12 345,50": 1234550, "12345.50": 1234550, "12345": 1234500, "12\u00a0345,5": 1234550,
		"1\u202f000": 100000, " 0 ": 0, "0,05": 5, "999999999999,99": 99999999999999,
	} {
		got, msg := sample.ParseAmount(in)
		if msg != nil || got != want {
			t.Errorf("Expected %q read as %d öre, got %d (%v)", in, want, got, msg)
		}
	}
	for in, key := range map[string]string{
		"": "sample.amount.missing", "  ": "sample.amount.missing", "-5": "sample.amount.negative", "−5,00": "sample.amount.negative",
		"=1+1": "sample.amount.format", "+SUM(A1)": "sample.amount.format", "12,345.50": "sample.amount.format",
		"1.234": "sample.amount.format", "12 kr": "sample.amount.format", "1e5": "sample.amount.format",
		"12  345": "sample.amount.format", " 12 ": "", "12,": "sample.amount.format", ",5": "sample.amount.format",
		"1234567890123": "sample.amount.large", "NaN": "sample.amount.format",
	} {
		_, msg := sample.ParseAmount(in)
		if key == "" {
			if msg != nil {
				t.Errorf("Expected %q read, got %v", in, msg.In(i18n.Sv))
			}
			continue
		}
		if msg == nil || msg.Key != key {
			t.Errorf("Expected %q refused as %s, got %v", in, key, msg)
		}
	}
}

// TestMethodRefusals: a column that is not there, a column to a method
// that takes none, a stratum column of too many values, a bad amount and
// a MUS larger than its positive amounts are refused, in Swedish and
// English, naming the row, column or columns.
func TestMethodRefusals(t *testing.T) {
	var many strings.Builder
	many.WriteString("Nr;Faktura\n")
	for i := range sample.MaxStrata + 1 {
		fmt.Fprintf(&many, "%d;F%d\n", i, i)
	}
	cases := []struct {
		name, data, method, column string
		size                       int
		want                       string
	}{
		{"no column", "Nr;Belopp\n1;10\n", sample.MethodMUS, "", 1, "Välj vilken kolumn urvalet ska göras efter. Populationens kolumner: Nr, Belopp."},
		{"unknown column", "Nr;Belopp\n1;10\n", sample.MethodStratified, "Enhet", 1, "Kolumnen Enhet finns inte i populationens rubrikrad. Välj en av: Nr, Belopp."},
		{"column to srs", "Nr;Belopp\n1;10\n", sample.MethodSRS, "Belopp", 1, "görs inte efter någon kolumn"},
		{"too many strata", many.String(), sample.MethodStratified, "Faktura", 2, "Kolumnen Faktura har 101 olika värden; ett stratifierat urval kan ha högst 100 strata"},
		{"bad amount", "Nr;Belopp\n1;10\n2;=1+1\n", sample.MethodMUS, "Belopp", 1, "rad 3, kolumn B (Belopp): =1+1 är inte ett belopp"},
		{"negative amount", "Nr;Belopp\n1;-10\n", sample.MethodMUS, "belopp", 1, "rad 2, kolumn B (Belopp): Beloppet -10 är negativt"},
		{"missing amount", "Nr;Belopp;Text\n1;;x\n", sample.MethodMUS, "Belopp", 1, "rad 2, kolumn B (Belopp): Beloppet saknas"},
		{"too few amounts", "Nr;Belopp\n1;0\n2;5\n3;0,00\n", sample.MethodMUS, "Belopp", 2, "bara 1 poster med ett belopp över noll"},
	}
	seed, _ := sample.ParseSeed(strings.Repeat("ab", 32))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := sample.Read([]byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			_, err = sample.Draw(p, seed, c.size, c.method, c.column)
			var se *sample.Error
			if !errors.As(err, &se) {
				t.Fatalf("Expected a refusal, got %v", err)
			}
			if got := se.In(i18n.Sv); !strings.Contains(got, c.want) {
				t.Errorf("Expected %q in the refusal, got %q", c.want, got)
			}
			if en := se.In(i18n.En); en == se.In(i18n.Sv) || strings.Contains(en, "{") {
				t.Errorf("Expected an English text, got %q", en)
			}
		})
	}
}
