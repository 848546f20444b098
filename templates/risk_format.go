package templates

import (
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// RiskStatusTag is a risk's status as a tag.
func RiskStatusTag(lang, status string) Tag {
	class := map[string]string{"active": "tag--blue", "dormant": "tag--grey", "closed": "tag--grey"}[status]
	return Tag{ValueLabel(lang, "risks", "status", status), class}
}

// BandTag is a risk value's band as a tag with its word (låg, medel, hög).
func BandTag(lang, band string) Tag {
	return Tag{i18n.T(lang, "risks.band."+band), "tag--" + band}
}

// RiskCategory is a risk's category in words, or "".
func RiskCategory(lang string, r *core.Record) string {
	if c := model.AsRisk(r).Category(); c != "" {
		return ValueLabel(lang, "risks", "category", c)
	}
	return ""
}

// Treatment is an assessment's treatment in words, or "".
func Treatment(lang string, a *core.Record) string {
	if a == nil {
		return ""
	}
	if t := model.AsRiskAssessment(a).Treatment(); t != "" {
		return ValueLabel(lang, "risk_assessments", "treatment", t)
	}
	return ""
}

// RiskCount is "1 risk" or "3 risker".
func RiskCount(lang string, n int) string {
	if n == 1 {
		return i18n.T(lang, "risks.count_one", n)
	}
	return i18n.T(lang, "risks.count", n)
}

// The risk matrix's geometry, in SVG user units.
const (
	matrixCell   = 72
	matrixLeft   = 128
	matrixTop    = 8
	matrixBottom = 96
	matrixRight  = 8
)

// bandFill and bandInk are the colours of the bands, the same as the tags'.
var (
	bandFill = map[string]string{"green": "#cce2d8", "yellow": "#fff7bf", "red": "#f4cdc6"}
	bandInk  = map[string]string{"green": "#005a30", "yellow": "#594d00", "red": "#2a0b06"}
)

func px(n int) string { return strconv.Itoa(n) }

func (m RiskMatrix) width() int  { return matrixLeft + m.Scale*matrixCell + matrixRight }
func (m RiskMatrix) height() int { return matrixTop + m.Scale*matrixCell + matrixBottom }
func (m RiskMatrix) viewBox() string {
	return "0 0 " + px(m.width()) + " " + px(m.height())
}

// cellX and cellY are a cell's top left corner: consequence grows to the
// right, probability upwards.
func (m RiskMatrix) cellX(c int) int { return matrixLeft + (c-1)*matrixCell }
func (m RiskMatrix) cellY(p int) int { return matrixTop + (m.Scale-p)*matrixCell }

// yLabel rotates the probability axis's label to run up the left side.
func (m RiskMatrix) yLabel() string {
	return "rotate(-90 20 " + px(matrixTop+m.Scale*matrixCell/2) + ")"
}

func (m RiskMatrix) cellLabel(lang string, cell MatrixCell) string {
	// the name starts with the cell's visible text, the count and the band
	band := i18n.T(lang, "risks.band."+cell.Band)
	return strconv.Itoa(cell.Count) + " " + band + " – " + i18n.T(lang, "risks.cell_label", cell.P, cell.C, RiskCount(lang, cell.Count), band)
}

// wordLines breaks a step's word for an axis of the matrix into at most two
// lines at its first space: "Mycket" over "sannolik".
func wordLines(word string) []string {
	if before, after, ok := strings.Cut(word, " "); ok {
		return []string{before, after}
	}
	return []string{word}
}
