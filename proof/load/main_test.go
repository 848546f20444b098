package load_test

import (
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"testing"
	"time"

	"ikplan/proof/testapp"
)

// helperEnv makes the test binary a stand-in server for TestStartServer:
// it serves /login on the address the variable names after a short pause,
// and stops on an interrupt.
const helperEnv = "IKLOAD_TEST_SERVER"

func TestMain(m *testing.M) {
	if addr := os.Getenv(helperEnv); addr != "" {
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt)
		time.Sleep(100 * time.Millisecond) // a server takes a while to start
		ballast := make([]byte, 8<<20)     // resident memory for the sampler to see
		for i := range ballast {
			ballast[i] = 1
		}
		srv := &http.Server{Addr: addr, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/login" {
				http.NotFound(w, r)
			}
		})}
		go srv.ListenAndServe()
		<-stop
		srv.Close()
		runtime.KeepAlive(ballast)
		os.Exit(0)
	}
	testapp.Main(m)
}
