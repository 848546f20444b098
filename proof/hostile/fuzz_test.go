package hostile_test

import (
	"bytes"
	"net/http"
	"testing"
)

// FuzzFormPosts posts any body with any content type to the web UI's POST
// routes (read from internal/web, as Sara Samordnare, with working ids):
// the answer is never 5xx, and a refusal is an HTML page in Swedish.
func FuzzFormPosts(f *testing.F) {
	for i, seed := range []struct{ ct, body string }{
		{"application/x-www-form-urlencoded", "title=Rubrik&year=2026&board=x&status=done&done_note=klart"},
		{"application/x-www-form-urlencoded", "%zz=1&title=%&status=%G0&year=99999999999999999999"},
		{"application/x-www-form-urlencoded", "status=done&status=cancelled&result=x&result=y&period=Q5%202024"},
		{"multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"../x.pdf\"\r\n\r\n%PDF-1.4\r\n--zzz--\r\n"},
		{"multipart/form-data", "--x\r\nbroken"},
		{"application/json", `{"title": ["x"], "year": {"a": 1}}`},
		{"text/plain; charset=utf-16", "\xff\xfet\x00"},
		{"", "outcome=not_performed&not_performed_reason=%00&measured_value=1e400&deadline=2025-02-30"},
	} {
		f.Add(uint8(i), seed.ct, []byte(seed.body))
	}
	s := newServer(f)
	var posts []string
	for _, rt := range webRoutes(f) {
		if rt.method == http.MethodPost {
			posts = append(posts, fill(rt.pattern, func(_ int, name string) string { return s.validParam(rt.pattern, name) }))
		}
	}
	f.Fuzz(func(t *testing.T, route uint8, contentType string, body []byte) {
		target := posts[int(route)%len(posts)]
		rec := s.do(request{method: http.MethodPost, target: target, as: "samordnare", contentType: contentType, body: bytes.NewReader(body)})
		checkAnswer(t, "POST "+target, rec.Code, rec.Header(), rec.Body.String(), false)
	})
}
