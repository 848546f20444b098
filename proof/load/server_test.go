package load_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"ikplan/proof/load"
)

func TestParseStatus(t *testing.T) {
	t.Parallel()
	status := "Name:\tikplan\nVmPeak:\t 2000000 kB\nVmHWM:\t  150000 kB\nVmRSS:\t  120000 kB\nThreads:\t12\n"
	m, err := load.ParseStatus([]byte(status))
	if err != nil || m.RSS != 120000*1024 || m.HWM != 150000*1024 {
		t.Fatalf("Expected RSS 120000 kB and HWM 150000 kB, got %+v, %v", m, err)
	}
	for _, bad := range []string{"Name:\tx\n", "VmHWM:\t1 kB\n", "VmHWM:\tx kB\nVmRSS:\t1 kB\n", "VmHWM:\t1 MB\nVmRSS:\t1 kB\n"} {
		if _, err := load.ParseStatus([]byte(bad)); err == nil {
			t.Fatalf("Expected %q to be refused", bad)
		}
	}
}

// TestStartServer starts this test binary as a stand-in server (see
// TestMain): the cold start covers its pause before listening, the sampler
// sees its memory, and Stop ends it.
func TestStartServer(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("resident memory is read from /proc, on Linux only")
	}
	addr, err := load.FreeAddr()
	if err != nil {
		t.Fatalf("Expected a free port, got %v", err)
	}
	t.Setenv(helperEnv, addr)
	var out bytes.Buffer
	bin, err := os.Executable()
	if err != nil {
		t.Fatalf("Expected the test binary's path, got %v", err)
	}
	srv, err := load.StartServer(context.Background(), bin, []string{"-test.run=^$"}, &out, "http://"+addr, "/login", 30*time.Second)
	if err != nil {
		t.Fatalf("Expected the server to start, got %v (output %q)", err, out.String())
	}
	if srv.ColdStart < 100*time.Millisecond {
		t.Fatalf("Expected the cold start to include the 100 ms pause, got %v", srv.ColdStart)
	}
	peak, hwm := srv.Memory.Mark()
	if peak < 8<<20 || hwm < 8<<20 {
		t.Fatalf("Expected at least the 8 MiB ballast resident (VmRSS and VmHWM), got %d and %d", peak, hwm)
	}
	if err := srv.Stop(); err != nil {
		t.Fatalf("Expected the server to stop on an interrupt, got %v", err)
	}
	if _, err := http.Get("http://" + addr + "/login"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("Expected the stopped server to refuse connections, got %v", err)
	}
}

func TestStartServerReportsAnEarlyExit(t *testing.T) {
	t.Parallel()
	addr, _ := load.FreeAddr()
	_, err := load.StartServer(context.Background(), "/bin/false", nil, &bytes.Buffer{}, "http://"+addr, "/login", 30*time.Second)
	if err == nil || !strings.Contains(err.Error(), "stopped before it served /login") {
		t.Fatalf("Expected an early exit to be reported, got %v", err)
	}
}
