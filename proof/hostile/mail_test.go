package hostile_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"ikplan/internal/remind"
)

// smtpBox is an SMTP server on loopback that keeps every message as it
// arrived, byte for byte, with the envelope's recipients.
type smtpBox struct {
	port int
	mu   sync.Mutex
	raw  []sent
}

type sent struct {
	rcpt []string
	data []byte
}

func startSMTP(t testing.TB) *smtpBox {
	t.Helper()
	box := &smtpBox{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &smtpSession{box: box}, nil }))
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box.port = l.Addr().(*net.TCPAddr).Port
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return box
}

type smtpSession struct {
	box  *smtpBox
	rcpt []string
}

func (s *smtpSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.rcpt = append(s.rcpt, to)
	return nil
}
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.box.mu.Lock()
	s.box.raw = append(s.box.raw, sent{rcpt: s.rcpt, data: b})
	s.box.mu.Unlock()
	return nil
}
func (s *smtpSession) Reset()        { s.rcpt = nil }
func (s *smtpSession) Logout() error { return nil }

// mailDay is a day on which control 2's action is overdue: its owner gets
// a reminder and the coordinator the digest of her boards.
var mailDay = time.Date(2025, 7, 7, 6, 0, 0, 0, time.UTC)

// letter is one reminder e-mail as it went over SMTP.
type letter struct {
	Rcpt    []string
	Header  mail.Header
	Subject string
	Text    string
	HTML    string
	Raw     string
}

// reminders runs the reminder job on the server's app, then sends what it
// built through PocketBase's real SMTP client to a loopback server, so the
// headers are checked as they are written on the wire.
func reminders(t testing.TB, s *server) []letter {
	t.Helper()
	s.app.Settings().Meta.AppURL = "https://ikplan.example.se"
	s.app.Settings().Meta.SenderAddress = "ikplan@kommun.example"
	s.app.Settings().Meta.SenderName = "ikplan"
	s.app.TestMailer.Reset()
	var out bytes.Buffer
	if _, err := remind.Run(s.app, mailDay, false, &out); err != nil {
		t.Fatalf("Expected the reminder job to run, got %v\n%s", err, out.String())
	}
	box := startSMTP(t)
	client := &mailer.SMTPClient{Host: "127.0.0.1", Port: box.port}
	for _, m := range s.app.TestMailer.Messages() {
		if err := client.Send(m); err != nil {
			t.Fatalf("Expected the e-mail to %v to be sent, got %v", m.To, err)
		}
	}
	box.mu.Lock()
	defer box.mu.Unlock()
	var letters []letter
	for _, r := range box.raw {
		l := letter{Rcpt: r.rcpt, Raw: string(r.data)}
		msg, err := mail.ReadMessage(bytes.NewReader(r.data))
		if err != nil {
			t.Fatalf("Expected a valid e-mail, got %v\n%s", err, r.data)
		}
		l.Header = msg.Header
		l.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		mailParts(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, &l)
		letters = append(letters, l)
	}
	return letters
}

// mailParts finds the plain-text and HTML parts of a MIME body.
func mailParts(contentType, encoding string, body io.Reader, l *letter) {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return
	}
	if strings.HasPrefix(media, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			mailParts(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, l)
		}
	}
	var r io.Reader = body
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, _ := io.ReadAll(r)
	switch media {
	case "text/plain":
		l.Text = string(b)
	case "text/html":
		l.HTML = string(b)
	}
}

// mailShape is a letter's headers and recipients, apart from their text.
func mailShape(l letter) shape {
	s := shape{}
	for k := range l.Header {
		s["header "+k]++
	}
	s["recipients"] = len(l.Rcpt)
	for _, r := range l.Rcpt {
		s["to "+r]++
	}
	if to, err := l.Header.AddressList("To"); err == nil {
		for _, a := range to {
			s["header to "+a.Address]++
		}
	} else {
		s["unreadable To"]++
	}
	return s
}

// checkLetters compares the letters with those the harmless text gave:
// the same recipients and headers, every header on its own line, and the
// HTML part inert.
func checkLetters(t testing.TB, letters []letter, probe string, base []shape) (shows int, problems []string) {
	t.Helper()
	if len(letters) != len(base) {
		return 0, []string{"the job sent " + itoa(len(letters)) + " e-mails, with harmless text " + itoa(len(base))}
	}
	sort.Slice(letters, func(i, j int) bool { return strings.Join(letters[i].Rcpt, ",") < strings.Join(letters[j].Rcpt, ",") })
	for i, l := range letters {
		got := mailShape(l)
		for k, n := range got {
			if base[i][k] != n {
				problems = append(problems, "an e-mail with "+itoa(n)+" × "+k+", with harmless text "+itoa(base[i][k]))
			}
		}
		for k, n := range base[i] {
			if got[k] != n {
				problems = append(problems, "an e-mail with "+itoa(got[k])+" × "+k+", with harmless text "+itoa(n))
			}
		}
		head, _, _ := strings.Cut(l.Raw, "\r\n\r\n")
		for _, line := range strings.Split(head, "\r\n") {
			if strings.ContainsAny(line, "\r\n") {
				problems = append(problems, "a header line with a bare CR or LF: "+line)
			}
		}
		for _, live := range liveMarkup(t, l.HTML, nil) {
			problems = append(problems, "the e-mail's HTML: "+live)
		}
		if probe != "" && (strings.Contains(squash(l.Text), squash(probe)) || strings.Contains(squash(l.Subject+l.Header.Get("To")), squash(probe))) {
			shows++
		}
	}
	return shows, problems
}

func itoa(n int) string { return strconv.Itoa(n) }
