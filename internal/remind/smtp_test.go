package remind_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/logger"

	"ikplan/hooks"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// received is one e-mail as the SMTP server got it.
type received struct {
	From    string
	To      []string
	Subject string
	Header  mail.Header // as received
	Text    string
	HTML    string
}

// mailbox is a real SMTP server on loopback that keeps what it receives
// and refuses the recipients it is told to.
type mailbox struct {
	Port   int
	mu     sync.Mutex
	mails  []received
	refuse map[string]bool
	t      testing.TB
}

func startSMTP(t testing.TB) *mailbox {
	t.Helper()
	box := &mailbox{refuse: map[string]bool{}, t: t}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{box: box}, nil }))
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box.Port = l.Addr().(*net.TCPAddr).Port
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return box
}

// Refuse makes the server answer 550 for the address (or accept it again).
func (b *mailbox) Refuse(addr string, refuse bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refuse[addr] = refuse
}

// Mails is what has arrived so far.
func (b *mailbox) Mails() []received {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]received(nil), b.mails...)
}

// To is what has arrived for one address.
func (b *mailbox) To(addr string) []received {
	var out []received
	for _, m := range b.Mails() {
		for _, to := range m.To {
			if to == addr {
				out = append(out, m)
			}
		}
	}
	return out
}

type session struct {
	box  *mailbox
	from string
	to   []string
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.box.mu.Lock()
	defer s.box.mu.Unlock()
	if s.box.refuse[to] {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := received{From: s.from, To: s.to}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		s.box.t.Errorf("Expected a valid e-mail, got %v", err)
		return err
	}
	m.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	m.Header = msg.Header
	walk(s.box.t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, &m)
	s.box.mu.Lock()
	s.box.mails = append(s.box.mails, m)
	s.box.mu.Unlock()
	return nil
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

// walk finds the plain-text and HTML parts of a MIME body.
func walk(t testing.TB, contentType, encoding string, body io.Reader, m *received) {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Errorf("Expected a Content-Type, got %q: %v", contentType, err)
		return
	}
	if strings.HasPrefix(media, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			walk(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, m)
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
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	switch media {
	case "text/plain":
		m.Text = text
	case "text/html":
		m.HTML = text
	}
}

// newApp is a copy of the test data set on a plain PocketBase app (not
// tests.TestApp, which swaps the mailer for a mock), with the hooks bound
// and PocketBase's SMTP settings pointing at box.
func newApp(t testing.TB, box *mailbox) core.App {
	t.Helper()
	f := testapp.Fix(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(f.Dir)); err != nil {
		t.Fatal(err)
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	hooks.Register(app, testapp.Clock)
	s := app.Settings()
	s.Meta.AppURL = "https://ikplan.example.se"
	s.Meta.SenderName = "ikplan"
	s.Meta.SenderAddress = "ikplan@kommun.example"
	if box != nil {
		s.SMTP.Enabled = true
		s.SMTP.Host = "127.0.0.1"
		s.SMTP.Port = box.Port
	}
	return app
}

// logged is the app's log messages so far that start with prefix, with
// their data.
func logged(t testing.TB, app core.App, prefix string) []*core.Log {
	t.Helper()
	if h, ok := app.Logger().Handler().(*logger.BatchHandler); ok {
		if err := h.WriteAll(context.WithValue(context.Background(), logger.BlockKey, true)); err != nil {
			t.Fatal(err)
		}
	}
	var logs []*core.Log
	if err := app.LogQuery().AndWhere(dbx.Like("message", prefix).Match(false, true)).All(&logs); err != nil {
		t.Fatal(err)
	}
	return logs
}
