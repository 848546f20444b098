package model_test

import (
	"testing"

	"ikplan/internal/model"
)

func TestRiskBands(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		raw   string
		value int
		want  string
	}{
		{`{"yellow":5,"red":12}`, 4, model.BandGreen},
		{`{"yellow":5,"red":12}`, 5, model.BandYellow},
		{`{"yellow":5,"red":12}`, 11, model.BandYellow},
		{`{"yellow":5,"red":12}`, 12, model.BandRed},
		{`{"yellow":3,"red":9}`, 8, model.BandYellow},
		{`{"yellow":3,"red":9}`, 9, model.BandRed},
		{``, 6, model.BandYellow},                    // no setting: the defaults
		{`{"yellow":9,"red":3}`, 4, model.BandGreen}, // red below yellow: the defaults
		{`null`, 12, model.BandRed},
	}
	for _, s := range scenarios {
		if got := model.ParseRiskBands([]byte(s.raw)).Band(s.value); got != s.want {
			t.Errorf("%s, %d: Expected %s, got %s", s.raw, s.value, s.want, got)
		}
	}
}

func TestRiskScale(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]int{4: 4, 5: 5, 0: 5, 7: 5} {
		if got := model.RiskScale(n); got != want {
			t.Errorf("%d: Expected %d, got %d", n, want, got)
		}
	}
}
