package load

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// NewClient returns an HTTP client for load: keep-alive connections, enough
// idle ones kept per host for every concurrent request, at most maxConns
// connections to the server (0: no limit), and redirects not followed (a
// 303 after a form is the answer, not a step to take).
func NewClient(maxConns int) *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        0, // no limit overall
		MaxIdleConnsPerHost: 4096,
		MaxConnsPerHost:     maxConns,
		IdleConnTimeout:     90 * time.Second,
	}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// do sends r to base and reads the whole answer. It returns the HTTP status
// (0 when none came) and the transport error.
func do(ctx context.Context, c *http.Client, base string, r Request) (int, error) {
	var body io.Reader
	if r.Form != nil {
		body = strings.NewReader(r.Form.Encode())
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, base+r.Path, body)
	if err != nil {
		return 0, err
	}
	for k, v := range r.Header {
		req.Header[k] = v
	}
	if r.Form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return resp.StatusCode, err
	}
	return resp.StatusCode, nil
}
