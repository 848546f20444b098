package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// maxWeight bounds one kind's weight in a mix.
const maxWeight = 1000

// Mix is the share of each kind of request in the workload, as weights.
// Next hands out kinds in proportion to their weights, spread evenly
// (smooth weighted round robin): any window of requests has nearly the mix's
// shares, and the same mix always gives the same sequence.
type Mix struct {
	kinds   []Kind
	weights []int
	current []int
	total   int
}

// DefaultMix is the staff workload used when none is given.
const DefaultMix = "start=30,plan=30,control=15,actions=10,search=5,risks=5,write=5"

// ParseMix reads a mix written as kind=weight pairs separated by commas,
// such as "start=30,plan=30,write=5". Weights are whole numbers from 0 to
// 1000; a kind left out has weight 0. It refuses an unknown kind, a kind
// named twice, a weight that is not such a number, and a mix whose weights
// are all 0.
func ParseMix(s string) (*Mix, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("mix is empty: give kind=weight pairs such as %q", DefaultMix)
	}
	m := &Mix{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		name, value, ok := strings.Cut(part, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" {
			return nil, fmt.Errorf("mix: %q is not kind=weight (for example plan=30)", part)
		}
		k := Kind(name)
		if !slices.Contains(Kinds, k) {
			return nil, fmt.Errorf("mix: unknown kind %q (the kinds are %s)", name, kindList())
		}
		if slices.Contains(m.kinds, k) {
			return nil, fmt.Errorf("mix: %s is given twice", name)
		}
		w, err := strconv.Atoi(value)
		if err != nil || w < 0 || w > maxWeight {
			return nil, fmt.Errorf("mix: the weight of %s must be a whole number from 0 to %d, not %q", name, maxWeight, value)
		}
		m.kinds = append(m.kinds, k)
		m.weights = append(m.weights, w)
		m.total += w
	}
	if m.total == 0 {
		return nil, fmt.Errorf("mix: every weight is 0; give at least one kind a weight above 0")
	}
	m.current = make([]int, len(m.kinds))
	return m, nil
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// Next returns the next kind of the sequence. It is not safe for
// concurrent use.
func (m *Mix) Next() Kind {
	best := -1
	for i, w := range m.weights {
		m.current[i] += w
		if w > 0 && (best < 0 || m.current[i] > m.current[best]) {
			best = i
		}
	}
	m.current[best] -= m.total
	return m.kinds[best]
}

// Weight is the weight of k, 0 when the mix leaves it out.
func (m *Mix) Weight(k Kind) int {
	if i := slices.Index(m.kinds, k); i >= 0 {
		return m.weights[i]
	}
	return 0
}

// String writes the mix back as kind=weight pairs.
func (m *Mix) String() string {
	parts := make([]string, len(m.kinds))
	for i, k := range m.kinds {
		parts[i] = fmt.Sprintf("%s=%d", k, m.weights[i])
	}
	return strings.Join(parts, ",")
}
