package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"time"
)

// Server is a server process the load tool started itself.
type Server struct {
	cmd       *exec.Cmd
	done      chan error
	ColdStart time.Duration // from starting the process to the first page served
	Memory    *MemorySampler
}

// StartServer starts bin with args (such as serve --http 127.0.0.1:PORT
// --dir D), its output to out, and waits until GET base+ready answers 200,
// polling every 2 ms: the time from the process's start to that answer is
// its cold start. It gives up after timeout, stopping the process.
func StartServer(ctx context.Context, bin string, args []string, out io.Writer, base, ready string, timeout time.Duration) (*Server, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = out, out
	// a fresh client: no connection of an earlier server is reused
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("failed to start %s: %w", bin, err)
	}
	s := &Server{cmd: cmd, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+ready, nil)
		if err != nil {
			s.Stop()
			return nil, err
		}
		if resp, err := c.Do(req); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.ColdStart = time.Since(began)
				break
			}
		}
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("%s stopped before it served %s: %v", bin, ready, err)
		case <-ctx.Done():
			s.Stop()
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Since(began) > timeout {
			s.Stop()
			return nil, fmt.Errorf("%s served no %s within %s", bin, ready, timeout)
		}
	}
	s.Memory = SampleMemory(cmd.Process.Pid, 50*time.Millisecond)
	return s, nil
}

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Stop ends the memory sampling and the server: an interrupt, as Ctrl-C
// would send, and a kill if it has not stopped within ten seconds.
func (s *Server) Stop() error {
	if s.Memory != nil {
		s.Memory.Stop()
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-s.done:
		s.done <- err
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			return err
		}
		return nil
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		err := <-s.done
		s.done <- err
		return fmt.Errorf("the server did not stop on an interrupt and was killed")
	}
}
