package proctest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// DemoPassword is the demo accounts' password (ikplan demo's default).
const DemoPassword = "ikplan-demo-2026"

// The superuser the harness creates to configure the server.
const (
	adminEmail    = "admin@proctest.invalid"
	adminPassword = "proctest-admin-4711"
)

// startLimit is how long a start may take before the test fails: a limit
// against a hang, not an assertion on speed.
const startLimit = 60 * time.Second

// Server is ikplan serving a data folder as a child process.
type Server struct {
	Dir    string // the data folder (--dir)
	URL    string // http://127.0.0.1:port
	Starts int    // how many times the process was started

	t       testing.TB
	bin     string
	addr    string
	logPath string
	cmd     *exec.Cmd
	exited  chan struct{}
}

// Start fills a fresh data folder with the demo data, starts ikplan on it
// and waits until it answers. The loopback address is excluded from the
// rate limiter: every client of a test comes from 127.0.0.1, where in use
// each person has an address of their own. The process is killed when the
// test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	root := t.TempDir()
	s := &Server{t: t, bin: Binary(t), Dir: filepath.Join(root, "pb_data"), logPath: filepath.Join(root, "serve.log")}
	if out, err := s.run("demo", "--dir", s.Dir); err != nil {
		t.Fatalf("Expected ikplan demo to fill %s, got %v\n%s", s.Dir, err, out)
	}
	if out, err := s.run("superuser", "upsert", adminEmail, adminPassword, "--dir", s.Dir); err != nil {
		t.Fatalf("Expected the superuser created, got %v\n%s", err, out)
	}
	s.addr = freeAddr(t)
	s.URL = "http://" + s.addr
	t.Cleanup(func() {
		if s.Running() {
			s.Kill()
		}
		if t.Failed() {
			t.Logf("the server's log (%s), last lines:\n%s", s.logPath, tail(s.logPath, 40))
		}
	})
	s.Restart()
	s.excludeLoopback()
	return s
}

// run runs an ikplan command to its end and returns what it printed.
func (s *Server) run(args ...string) (string, error) {
	cmd := exec.Command(s.bin, args...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Restart starts the server on its folder and address and waits until
// /api/health answers 200. It fails the test if the process is running.
func (s *Server) Restart() {
	s.t.Helper()
	if s.Running() {
		s.t.Fatal("Expected the server stopped before a start")
	}
	log, err := os.OpenFile(s.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		s.t.Fatal(err)
	}
	fmt.Fprintf(log, "\n== start %d at %s\n", s.Starts+1, time.Now().Format(time.RFC3339Nano))
	cmd := exec.Command(s.bin, "serve", "--http", s.addr, "--dir", s.Dir)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		s.t.Fatalf("Expected ikplan serve to start, got %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		log.Close()
		close(exited)
	}()
	s.cmd, s.exited = cmd, exited
	s.Starts++
	if err := s.waitHealthy(); err != nil {
		s.t.Fatalf("Expected the server to answer after start %d, got %v\n%s", s.Starts, err, tail(s.logPath, 40))
	}
}

// waitHealthy polls /api/health until it answers 200.
func (s *Server) waitHealthy() error {
	c := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(startLimit)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			return errors.New("the process exited")
		default:
		}
		resp, err := c.Get(s.URL + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	return fmt.Errorf("no answer within %s", startLimit)
}

// Running reports whether the server process is running.
func (s *Server) Running() bool {
	if s.exited == nil {
		return false
	}
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// Kill ends the server with SIGKILL (no shutdown of any kind: what a crash
// or a power cut does to the process) and waits until it is gone.
func (s *Server) Kill() {
	s.t.Helper()
	if err := s.cmd.Process.Kill(); err != nil && s.Running() {
		s.t.Fatalf("Expected the server killed, got %v", err)
	}
	<-s.exited
}

// Stop ends the server as an administrator would (SIGINT: PocketBase's
// graceful shutdown) and waits until it is gone; after 30 s it is killed.
func (s *Server) Stop() {
	s.t.Helper()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		s.Kill()
		return
	}
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.Kill()
	}
}

// Admin signs in the harness's superuser.
func (s *Server) Admin() *Client {
	s.t.Helper()
	c := NewClient(s.URL)
	if err := c.signIn("_superusers", adminEmail, adminPassword); err != nil {
		s.t.Fatalf("Expected the superuser to sign in, got %v", err)
	}
	return c
}

// excludeLoopback takes 127.0.0.1 and ::1 out of PocketBase's rate limiter.
func (s *Server) excludeLoopback() {
	s.t.Helper()
	body := map[string]any{"rateLimits": map[string]any{"excludedIPs": []string{"127.0.0.1", "::1"}}}
	r, err := s.Admin().Do(http.MethodPatch, "/api/settings", body)
	if err != nil || r.Status != http.StatusOK {
		s.t.Fatalf("Expected the rate limiter to exclude loopback, got %v %v: %s", r.Status, err, r.Body)
	}
}

// freeAddr is a loopback address with a port free at the time of asking.
func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("failed to find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// tail is the last n lines of a file.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.TrimSpace(string(bytes.Join(lines, []byte("\n"))))
}

// PID is the running server's process id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Memory is the server process's resident memory now and at its peak
// (VmRSS and VmHWM of /proc/PID/status), in bytes. It is an error where
// there is no /proc (not Linux).
func (s *Server) Memory() (rss, peak int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.PID()))
	if err != nil {
		return 0, 0, err
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		var kb int64
		if _, err := fmt.Sscanf(strings.TrimSpace(value), "%d kB", &kb); err != nil {
			return 0, 0, fmt.Errorf("failed to read %s %q: %w", name, value, err)
		}
		if name == "VmRSS" {
			rss = kb << 10
		} else {
			peak = kb << 10
		}
	}
	if rss == 0 || peak == 0 {
		return 0, 0, errors.New("no VmRSS and VmHWM in /proc/PID/status")
	}
	return rss, peak, nil
}
