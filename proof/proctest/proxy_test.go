package proctest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"ikplan/proof/proctest"
)

// TestBadTrustedProxiesStopServe: a list of trusted proxies that names no
// address stops `ikplan serve` at once with the reason, rather than
// serving with a trust nobody meant.
func TestBadTrustedProxiesStopServe(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a serve that starts is stopped
	defer cancel()
	cmd := exec.CommandContext(ctx, proctest.Binary(t), "serve", "--dir", t.TempDir(), "--http", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "IKPLAN_TRUSTED_PROXIES=127.0.0.1,proxy.kommun.se")
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); !ok || !strings.Contains(string(out), "IKPLAN_TRUSTED_PROXIES: ”proxy.kommun.se” är varken en IP-adress eller ett nät") {
		t.Fatalf("Expected serve to stop with the reason, got %v:\n%s", err, out)
	}
}
