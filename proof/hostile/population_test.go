package hostile_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/model"
	"ikplan/internal/sample"
	"ikplan/proof/testapp"
)

// TestHostilePopulations: a population posted to the draw form that is
// huge, binary, not UTF-8, too wide, with too long a cell, or a workbook
// too wide, is refused with a 4xx and a Swedish message that names the
// row and column, and nothing is stored; a cell written as a formula is
// kept as its text and shown as text, never run.
func TestHostilePopulations(t *testing.T) {
	t.Parallel()
	wide := func() []byte {
		x := excelize.NewFile()
		_ = x.SetCellStr("Sheet1", "A1", "Nr")
		_ = x.SetCellStr("Sheet1", "CA2", "x")
		var b bytes.Buffer
		_ = x.Write(&b)
		return b.Bytes()
	}()
	cases := []struct {
		name   string
		data   []byte
		status int
		want   string
	}{
		{"huge", bytes.Repeat([]byte("1234567;abcdefgh\n"), sample.MaxBytes/16+1), http.StatusRequestEntityTooLarge, "större än 5 MB"},
		{"binary", append([]byte("Nr;Belopp\n1;"), 0x7f, 'E', 'L', 'F', 0, 1, 2, '\n'), http.StatusUnprocessableEntity, "rad 2, kolumn B (Belopp)"},
		{"bad UTF-8", []byte("Nr;Leverantör\n1;Caf\xe9\n"), http.StatusUnprocessableEntity, "rad 2: Filen är inte text i UTF-8"},
		{"too many columns", []byte(strings.Repeat("k;", 60) + "k\n1\n"), http.StatusUnprocessableEntity, "rad 1, kolumn AY: Raden har fler än 50 kolumner"},
		{"too many columns in a workbook", wide, http.StatusUnprocessableEntity, "rad 2, kolumn AY: Raden har fler än 50 kolumner"},
		{"a cell too long", []byte("Nr;Text\n1;" + strings.Repeat("x", 1001) + "\n"), http.StatusUnprocessableEntity, "rad 2, kolumn B (Text): Cellen har 1001 tecken"},
		{"a zip bomb that is no workbook", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 1000)...), http.StatusUnprocessableEntity, "kunde inte läsas som en tabell"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t)
			// a period without a sample: the one newServer drew is removed
			if err := testapp.Delete(s.app, model.Samples, hostileSample); err != nil {
				t.Fatal(err)
			}
			rec := s.do(drawRequest(t, s, c.data, "3"))
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
				t.Fatalf("Expected %d with %q, got %d: %.300s", c.status, c.want, rec.Code, rec.Body.String())
			}
			if n := testapp.Count(t, s.app, model.Samples, nil) + testapp.Count(t, s.app, model.SampleItems, nil); n != 0 {
				t.Fatalf("Expected nothing stored, got %d records", n)
			}
		})
	}

	t.Run("formula", func(t *testing.T) {
		t.Parallel()
		s := newServer(t)
		if err := testapp.Delete(s.app, model.Samples, hostileSample); err != nil {
			t.Fatal(err)
		}
		payload := `=cmd|' /C calc'!A0<script>alert(1)</script>`
		rec := s.do(drawRequest(t, s, []byte("Nr;Text\n1;"+payload+"\n2;+SUM(A1)\n"), "2"))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("Expected the draw, got %d: %.300s", rec.Code, rec.Body.String())
		}
		it, err := s.app.FindFirstRecordByFilter(model.SampleItems, "row = 2")
		if err != nil {
			t.Fatal(err)
		}
		if got := model.JSONStrings(it.Get("data")); len(got) != 2 || got[1] != payload {
			t.Fatalf("Expected the cell kept as its text, got %v", got)
		}
		page := s.do(request{method: http.MethodGet, target: "/controls/" + s.f.Controls["9"] + "/sample?period=2024", as: "ansvarig"})
		body := page.Body.String()
		if page.Code != http.StatusOK || strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, "=cmd|&#39; /C calc&#39;!A0&lt;script&gt;") {
			t.Fatalf("Expected the formula shown as escaped text, got %d", page.Code)
		}
		if n := testapp.Count(t, s.app, model.SampleItems, dbx.HashExp{"sample": it.GetString("sample")}); n != 2 {
			t.Fatalf("Expected both rows drawn, got %d", n)
		}
	})
}

// drawRequest is the draw form of control 9's 2024 period with the file.
func drawRequest(t testing.TB, s *server, data []byte, size string) request {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("period", "2024")
	_ = w.WriteField("size", size)
	fw, err := w.CreateFormFile("population", "population.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = w.Close()
	return request{method: http.MethodPost, target: "/controls/" + s.f.Controls["9"] + "/sample", as: "ansvarig",
		contentType: w.FormDataContentType(), body: &body}
}

// TestHostileMethodColumns: a stratified or MUS draw whose column is a
// weapon — a stratum column of thousands of values, amounts written as
// formulas, amounts that are no numbers, too long, negative — is refused
// with a 422 and a Swedish message naming the row and column (or the
// column and the limit), within the time a draw takes, and nothing is
// stored.
func TestHostileMethodColumns(t *testing.T) {
	t.Parallel()
	var wide strings.Builder
	wide.WriteString("Nr;Faktura;Belopp\n")
	for i := range 20000 {
		fmt.Fprintf(&wide, "%d;F-%d;100\n", i, i)
	}
	amounts := func(bad string) []byte { return []byte("Nr;Belopp\n1;100\n2;" + bad + "\n3;300\n") }
	cases := []struct {
		name           string
		data           []byte
		method, column string
		want           string
	}{
		{"a stratum column of 20000 values", []byte(wide.String()), "stratified", "Faktura", "Kolumnen Faktura har 20000 olika värden; ett stratifierat urval kan ha högst 100 strata"},
		{"a formula amount", amounts("=1+1"), "mus", "Belopp", "rad 3, kolumn B (Belopp): =1+1 är inte ett belopp"},
		{"a DDE amount", amounts("=cmd|' /C calc'!A0"), "mus", "Belopp", "rad 3, kolumn B (Belopp): =cmd|&#39; /C calc&#39;!A0 är inte ett belopp"},
		{"a plus formula", amounts("+SUM(A1:A9)"), "mus", "Belopp", "rad 3, kolumn B (Belopp): +SUM(A1:A9) är inte ett belopp"},
		{"an at formula", amounts("@SUM(1)"), "mus", "Belopp", "rad 3, kolumn B (Belopp): @SUM(1) är inte ett belopp"},
		{"a negative amount", amounts("-100,00"), "mus", "Belopp", "rad 3, kolumn B (Belopp): Beloppet -100,00 är negativt"},
		{"both separators", amounts("12.345,50"), "mus", "Belopp", "rad 3, kolumn B (Belopp): 12.345,50 är inte ett belopp"},
		{"an exponent", amounts("1e308"), "mus", "Belopp", "rad 3, kolumn B (Belopp): 1e308 är inte ett belopp"},
		{"NaN", amounts("NaN"), "mus", "Belopp", "rad 3, kolumn B (Belopp): NaN är inte ett belopp"},
		{"a missing amount", amounts(""), "mus", "Belopp", "rad 3, kolumn B (Belopp): Beloppet saknas"},
		{"too many digits", amounts(strings.Repeat("9", 400)), "mus", "Belopp", "rad 3, kolumn B (Belopp): Beloppet 9999999999999999999999999999999999999999… har fler än 12 siffror"},
		{"a column that is script", amounts("100"), "mus", "<script>alert(1)</script>", "Kolumnen &lt;script&gt;alert(1)&lt;/script&gt; finns inte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t)
			if err := testapp.Delete(s.app, model.Samples, hostileSample); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			rec := s.do(drawRequestBy(t, s, c.data, "2", c.method, c.column))
			if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), c.want) {
				t.Fatalf("Expected 422 with %q, got %d: %.400s", c.want, rec.Code, rec.Body.String())
			}
			if strings.Contains(rec.Body.String(), "<script>alert(1)") {
				t.Fatal("Expected the column escaped, got it as markup")
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("Expected the refusal within a draw's time, took %v", d)
			}
			if n := testapp.Count(t, s.app, model.Samples, nil) + testapp.Count(t, s.app, model.SampleItems, nil); n != 0 {
				t.Fatalf("Expected nothing stored, got %d records", n)
			}
		})
	}
}

// drawRequestBy is the draw form of control 9's 2024 period with the file,
// the method and the column.
func drawRequestBy(t testing.TB, s *server, data []byte, size, method, column string) request {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("period", "2024")
	_ = w.WriteField("size", size)
	_ = w.WriteField("method", method)
	_ = w.WriteField("column", column)
	fw, err := w.CreateFormFile("population", "population.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = w.Close()
	return request{method: http.MethodPost, target: "/controls/" + s.f.Controls["9"] + "/sample", as: "ansvarig",
		contentType: w.FormDataContentType(), body: &body}
}
