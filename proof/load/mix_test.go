package load_test

import (
	"strings"
	"testing"

	"ikplan/proof/load"
)

func TestParseMixRefusesBadInput(t *testing.T) {
	t.Parallel()
	scenarios := []struct{ name, mix, want string }{
		{"empty", "  ", "mix is empty"},
		{"no weight", "start=30,plan", `"plan" is not kind=weight`},
		{"colon", "start:30", `"start:30" is not kind=weight`},
		{"no kind", "=30", `"=30" is not kind=weight`},
		{"unknown kind", "start=30,planz=5", `unknown kind "planz" (the kinds are start, plan, control, actions, search, risks, write)`},
		{"static is not a mix kind", "static=1", `unknown kind "static"`},
		{"twice", "plan=1,start=2,plan=3", "plan is given twice"},
		{"not a number", "plan=abc", `the weight of plan must be a whole number from 0 to 1000, not "abc"`},
		{"fraction", "plan=1.5", `not "1.5"`},
		{"negative", "plan=-1", `not "-1"`},
		{"too large", "plan=1001", `not "1001"`},
		{"all zero", "plan=0,start=0", "every weight is 0"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			m, err := load.ParseMix(s.mix)
			if err == nil || !strings.Contains(err.Error(), s.want) {
				t.Fatalf("Expected an error containing %q, got %v (mix %v)", s.want, err, m)
			}
		})
	}
}

func TestMixKeepsItsSharesEvenly(t *testing.T) {
	t.Parallel()
	m, err := load.ParseMix(" start = 3 , plan=1, write=0,control=2")
	if err != nil {
		t.Fatalf("Expected the mix to parse, got %v", err)
	}
	if got := m.String(); got != "start=3,plan=1,write=0,control=2" {
		t.Fatalf("Expected the mix written back, got %q", got)
	}
	counts := map[load.Kind]int{}
	var seq []load.Kind
	for range 600 {
		k := m.Next()
		counts[k]++
		seq = append(seq, k)
	}
	want := map[load.Kind]int{load.Start: 300, load.Plan: 100, load.Control: 200}
	for k, n := range want {
		if counts[k] != n {
			t.Fatalf("Expected %d %s in 600, got %d (%v)", n, k, counts[k], counts)
		}
	}
	if counts[load.Write] != 0 {
		t.Fatalf("Expected no write with weight 0, got %d", counts[load.Write])
	}
	// spread evenly: every window of one cycle (6 requests) holds the shares exactly
	for i := 0; i+6 <= len(seq); i += 6 {
		w := map[load.Kind]int{}
		for _, k := range seq[i : i+6] {
			w[k]++
		}
		if w[load.Start] != 3 || w[load.Plan] != 1 || w[load.Control] != 2 {
			t.Fatalf("Expected 3 start, 1 plan, 2 control in requests %d–%d, got %v", i, i+5, w)
		}
	}
	if m.Weight(load.Control) != 2 || m.Weight(load.Risks) != 0 {
		t.Fatalf("Expected weights 2 and 0, got %d and %d", m.Weight(load.Control), m.Weight(load.Risks))
	}
}
