package report_test

import (
	"errors"
	"strings"
	"testing"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

func TestGenitive(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Kommunstyrelsen":                    "kommunstyrelsens",
		"Individ- och arbetsmarknadsnämnden": "individ- och arbetsmarknadsnämndens",
		"Vård och omsorg":                    "vård och omsorgs",
		"Barn- och utbildningsnämnd":         "barn- och utbildningsnämnds",
		"Räddningstjänsten Syd":              "räddningstjänsten Syds",
		"Kultur och fritids":                 "kultur och fritids",
		"Box":                                "box",
		"IT-nämnden":                         "IT-nämndens",
		"KS":                                 "KS",
		"":                                   "",
	} {
		if got := report.Genitive(name); got != want {
			t.Errorf("Expected the genitive of %q to be %q, got %q", name, want, got)
		}
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Kommunstyrelsen":                    "kommunstyrelsen",
		"Individ- och arbetsmarknadsnämnden": "individ-och-arbetsmarknadsnamnden",
		"  Överförmyndare / Ö ":              "overformyndare-o",
		"../../etc":                          "etc",
	} {
		if got := report.Slug(in); got != want {
			t.Errorf("Expected %q, got %q", want, got)
		}
	}
}

func TestBoardByName(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for name, want := range map[string]string{
		"Kommunstyrelsen": f.KS, "kommunstyrelsen": f.KS, "KS": f.KS, "ks": f.KS,
		" Individ- och arbetsmarknadsnämnden ": f.IAN, "INDIVID- OCH ARBETSMARKNADSNÄMNDEN": f.IAN, "ian": f.IAN,
	} {
		b, err := report.BoardByName(app, name)
		if err != nil || b.Id != want {
			t.Errorf("Expected %q to find %s, got %v", name, want, err)
		}
	}
	_, err := report.BoardByName(app, "Socialnämnden")
	if !errors.Is(err, report.ErrUnknownBoard) || !strings.Contains(err.Error(), `Nämnden "Socialnämnden" finns inte`) ||
		!strings.Contains(err.Error(), "Kommunstyrelsen (KS)") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Expected a one-line Swedish refusal naming the boards, got %v", err)
	}
}
