package model

import "encoding/json"

// Risk matrix bands, from the lowest to the highest.
const (
	BandGreen  = "green"
	BandYellow = "yellow"
	BandRed    = "red"
)

// RiskBands are the thresholds of the risk matrix's colours: a value at or
// above Red is red, at or above Yellow is yellow, anything lower is green.
type RiskBands struct {
	Yellow int `json:"yellow"`
	Red    int `json:"red"`
}

// DefaultRiskBands are the bands of a 5×5 matrix when the settings name none.
var DefaultRiskBands = RiskBands{Yellow: 5, Red: 12}

// ParseRiskBands reads the settings' risk_bands JSON, e.g.
// {"yellow":5,"red":12}. A missing, malformed or inconsistent value gives
// DefaultRiskBands, so the matrix can always be drawn.
func ParseRiskBands(raw []byte) RiskBands {
	var b RiskBands
	if err := json.Unmarshal(raw, &b); err != nil || b.Yellow < 1 || b.Red < b.Yellow {
		return DefaultRiskBands
	}
	return b
}

// Band is the colour band of a risk value.
func (b RiskBands) Band(value int) string {
	switch {
	case value >= b.Red:
		return BandRed
	case value >= b.Yellow:
		return BandYellow
	}
	return BandGreen
}

// RiskScale is the size of the risk matrix (4 or 5) from the settings'
// risk_scale; anything else is 5.
func RiskScale(n int) int {
	if n == 4 {
		return 4
	}
	return 5
}
