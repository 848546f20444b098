package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// digitSpaces are the spaces that may stand between digits (1 000): a
// space, a no-break space and a narrow no-break space.
var digitSpaces = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "")

var errEmptyNumber = errors.New("empty number")

// ParseDecimal reads a number written with a decimal comma or point
// ("8,1", "8.1", "1 200"). The empty string is not a number.
func ParseDecimal(s string) (float64, error) {
	s = strings.TrimSpace(s)
	s = digitSpaces.Replace(s)
	s = strings.Replace(s, ",", ".", 1)
	if s == "" {
		return 0, errEmptyNumber
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return f, nil
}

// CanonicalDecimal writes f the way ikplan stores it: a point, no exponent,
// no trailing zeros.
func CanonicalDecimal(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// FormatDecimalSv writes f the Swedish way, with a decimal comma: 8,1.
func FormatDecimalSv(f float64) string {
	return strings.Replace(CanonicalDecimal(f), ".", ",", 1)
}

// TargetMet compares a measured value with a target: measured op target.
func TargetMet(op string, target, measured float64) bool {
	switch op {
	case "<":
		return measured < target
	case "<=":
		return measured <= target
	case "=":
		return measured == target
	case ">=":
		return measured >= target
	case ">":
		return measured > target
	}
	return false
}

// OperatorSv is a target operator as a Swedish phrase: "understiga".
func OperatorSv(op string) string {
	return map[string]string{
		"<": "under", "<=": "högst", "=": "exakt", ">=": "minst", ">": "över",
	}[op]
}
