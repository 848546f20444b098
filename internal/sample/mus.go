package sample

import (
	"crypto/hmac"
	"crypto/sha256"
	"math/big"
)

// MUSStartMessage is the HMAC message of monetary-unit sampling's random
// start: the ASCII letters "mus".
const MUSStartMessage = "mus"

// Amounts reads the amount column col of every row, in öre, refusing the
// first row whose amount is missing, negative or not a number, naming the
// row and the column.
func Amounts(p *Population, col int) ([]int64, error) {
	out := make([]int64, len(p.Rows))
	for i, r := range p.Rows {
		a, msg := ParseAmount(r.Cells[col])
		if msg != nil {
			return nil, &Error{Row: r.Number, Column: columnName(col+1) + " (" + clip(p.Header[col]) + ")", Msg: *msg}
		}
		out[i] = a
	}
	return out, nil
}

// DrawMUS is monetary-unit sampling over amounts in öre (in file order),
// the package's sentence on it: the indexes of the size items drawn,
// those taken for their size first, then those the systematic selection
// hits, each group in file order.
//
// The interval is the total of the items not yet drawn divided by the
// number of items still to draw. An item whose amount is at least the
// interval is drawn for certain, and the interval is reckoned again
// without it, until no remaining item reaches it. Then the rest is drawn
// systematically: with T the total of the remaining amounts, n the number
// still to draw and s the HMAC-SHA256(seed, "mus") read as a big-endian
// number modulo T, the k-th point (k = 0 … n−1) is the öre (s + k·T)/n,
// and the item drawn for it is the one whose öre span — from the sum of
// the amounts before it to that sum plus its own amount, in file order
// among the remaining items — holds the point. No item is hit twice,
// since each is smaller than the interval. An amount of zero is never
// drawn; size must be at most the number of positive amounts.
func DrawMUS(amounts []int64, seed []byte, size int) []int {
	taken := make([]bool, len(amounts))
	var out []int
	n := int64(size)
	for n > 0 {
		total := new(big.Int)
		for i, a := range amounts {
			if !taken[i] {
				total.Add(total, big.NewInt(a))
			}
		}
		var big1 []int
		for i, a := range amounts {
			// a ≥ total/n, as a·n ≥ total
			if !taken[i] && a > 0 && new(big.Int).Mul(big.NewInt(a), big.NewInt(n)).Cmp(total) >= 0 {
				big1 = append(big1, i)
			}
		}
		if len(big1) == 0 {
			break
		}
		for _, i := range big1 {
			if n == 0 {
				break
			}
			taken[i] = true
			out = append(out, i)
			n--
		}
	}
	if n == 0 {
		return out
	}
	total := new(big.Int)
	for i, a := range amounts {
		if !taken[i] {
			total.Add(total, big.NewInt(a))
		}
	}
	if total.Sign() == 0 {
		return out
	}
	mac := hmac.New(sha256.New, seed)
	mac.Write([]byte(MUSStartMessage))
	s := new(big.Int).SetBytes(mac.Sum(nil))
	s.Mod(s, total)
	// item i holds point (s + k·T)/n when n·before ≤ s + k·T < n·(before + a)
	bn := big.NewInt(n)
	target := new(big.Int).Set(s) // s + k·T
	before := new(big.Int)
	lo, hi := new(big.Int), new(big.Int)
	k := int64(0)
	for i, a := range amounts {
		if taken[i] || k == n {
			continue
		}
		lo.Mul(before, bn)
		before.Add(before, big.NewInt(a))
		hi.Mul(before, bn)
		if target.Cmp(lo) >= 0 && target.Cmp(hi) < 0 {
			out = append(out, i)
			k++
			target.Add(target, total)
		}
	}
	return out
}
