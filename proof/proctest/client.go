package proctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// requestLimit is how long one request may take before it counts as failed:
// a limit against a hang, not an assertion on speed.
const requestLimit = 60 * time.Second

// Client is one signed-in person talking to the server: a REST API token,
// a web session cookie, or both.
type Client struct {
	Base   string // the server's URL
	Token  string // REST API token ("" for none)
	Cookie string // the web session cookie's value ("" for none)
	UserId string // the signed-in record's id
	http   *http.Client
}

// NewClient is a guest client of the server at base. It never follows
// redirects, so that a 303 is seen as such.
func NewClient(base string) *Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 16
	return &Client{Base: base, http: &http.Client{
		Transport:     tr,
		Timeout:       requestLimit,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Response is an answer with its status, body and how long it took.
type Response struct {
	Status  int
	Body    []byte
	Header  http.Header
	Elapsed time.Duration
}

// JSON decodes the body into v.
func (r Response) JSON(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("failed to read the answer (%d) as JSON: %w: %.200s", r.Status, err, r.Body)
	}
	return nil
}

// SignIn signs a user in through the REST API
// (POST /api/collections/users/auth-with-password).
func (c *Client) SignIn(email, password string) error {
	return c.signIn("users", email, password)
}

func (c *Client) signIn(collection, email, password string) error {
	r, err := c.Do(http.MethodPost, "/api/collections/"+collection+"/auth-with-password",
		map[string]string{"identity": email, "password": password})
	if err != nil {
		return err
	}
	if r.Status != http.StatusOK {
		return fmt.Errorf("sign-in of %s answered %d: %.300s", email, r.Status, r.Body)
	}
	var auth struct {
		Token  string
		Record struct{ Id string }
	}
	if err := r.JSON(&auth); err != nil {
		return err
	}
	c.Token, c.UserId = auth.Token, auth.Record.Id
	return nil
}

// WebSignIn signs a user in through the web UI's form (POST /login) and
// keeps the session cookie it sets.
func (c *Client) WebSignIn(email, password string) error {
	form := url.Values{"email": {email}, "password": {password}}
	req, err := http.NewRequest(http.MethodPost, c.Base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("web sign-in of %s answered %d, not 303", email, resp.StatusCode)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == "ikplan_session" && ck.Value != "" {
			c.Cookie = ck.Value
			return nil
		}
	}
	return fmt.Errorf("web sign-in of %s set no session cookie", email)
}

// Do sends a request with a JSON body (nil for none) and reads the whole
// answer. An error means no answer was read: the outcome of a write is then
// unknown.
func (c *Client) Do(method, path string, body any) (Response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return Response{}, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.Base+path, rd)
	if err != nil {
		return Response{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req)
}

// Upload posts a multipart form, as a browser sends a form with a file:
// the file's bytes as field (named name) and the other fields.
func (c *Client) Upload(path, field, name string, data []byte, fields map[string]string) (Response, error) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile(field, name)
	if err != nil {
		return Response{}, err
	}
	_, _ = part.Write(data)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if err := w.Close(); err != nil {
		return Response{}, err
	}
	req, err := http.NewRequest(http.MethodPost, c.Base+path, &body)
	if err != nil {
		return Response{}, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.send(req)
}

// send sends a request with the client's token and cookie and reads the
// whole answer.
func (c *Client) send(req *http.Request) (Response, error) {
	if c.Token != "" {
		req.Header.Set("Authorization", c.Token)
	}
	if c.Cookie != "" {
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: c.Cookie})
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	elapsed := time.Since(start)
	if err != nil {
		return Response{}, err
	}
	return Response{Status: resp.StatusCode, Body: b, Header: resp.Header, Elapsed: elapsed}, nil
}

// CloseIdle closes the client's idle connections.
func (c *Client) CloseIdle() { c.http.CloseIdleConnections() }
