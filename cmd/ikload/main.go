// Command ikload measures a running ikplan server under a mixed staff
// workload: it signs in as several users, replays page views and writes at
// a fixed rate (open loop) and reports latency percentiles and errors per
// kind of request; then it drives a static file and the plan page at
// saturation to compare the plan page with the HTTP stack's own ceiling.
// With --exec it starts the server itself and also measures cold start and
// resident memory. See docs/PERFORMANCE.md, "Load tool".
//
//	go run ./cmd/ikload --url http://127.0.0.1:8090 --rate 200 --duration 30s --saturate 10s
//	go run ./cmd/ikload --exec ./ikplan --dir /work/refset --rate 200 --duration 30s --saturate 10s
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"ikplan/proof/load"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ikload:", err)
		os.Exit(1)
	}
}

func run() error {
	fs := flag.NewFlagSet("ikload", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8090", "the server's base URL (with --exec: where to start it; default a free loopback port)")
	users := fs.String("users", strings.Join(load.DefaultUsers, ","), "accounts to sign in as, comma-separated")
	password := fs.String("password", "ikplan-demo-2026", "the accounts' password (ikplan gen's default)")
	mixText := fs.String("mix", load.DefaultMix, "the workload's kinds and weights: "+strings.Join(kindNames(), ", "))
	searches := fs.String("search", strings.Join(load.DefaultSearches, ","), "words the search requests look for, comma-separated")
	limit := fs.Int("limit", 500, "the most controls and actions to find per user")
	rate := fs.Float64("rate", 200, "open loop: requests per second")
	duration := fs.Duration("duration", 30*time.Second, "open loop: how long to send")
	timeout := fs.Duration("timeout", 30*time.Second, "the longest one request may take (open loop: from its scheduled time)")
	maxConns := fs.Int("max-conns", 512, "open loop: the most connections at once (0: no limit)")
	saturate := fs.Duration("saturate", 10*time.Second, "closed loop: how long to drive the static file and the plan page each (0: skip)")
	conns := fs.Int("conns", 16, "closed loop: requests in flight")
	static := fs.String("static", "/static/css/ikplan.css", "closed loop: the static file to compare with")
	execBin := fs.String("exec", "", "start this ikplan binary (serve --http … --dir DIR), measure cold start and memory, stop it at the end")
	dir := fs.String("dir", "", "with --exec: the server's data folder")
	serverLog := fs.String("server-log", "", "with --exec: a file for the server's output (default: discarded)")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; every setting is a flag (see -h)", fs.Args())
	}
	mix, err := load.ParseMix(*mixText)
	if err != nil {
		return err
	}
	switch {
	case *rate <= 0 || *rate > 100000:
		return fmt.Errorf("--rate must be above 0 and at most 100000, not %v", *rate)
	case *duration <= 0:
		return fmt.Errorf("--duration must be above 0")
	case *timeout <= 0:
		return fmt.Errorf("--timeout must be above 0")
	case *saturate > 0 && *conns < 1:
		return fmt.Errorf("--conns must be at least 1")
	case *execBin == "" && *dir != "":
		return fmt.Errorf("--dir needs --exec")
	case *execBin != "" && *dir == "":
		return fmt.Errorf("--exec needs --dir, the server's data folder")
	case !strings.HasPrefix(*static, "/static/"):
		return fmt.Errorf("--static must be a path under /static/, not %q", *static)
	}
	cfg := load.Config{
		URL: strings.TrimRight(*base, "/"), Users: split(*users), Password: *password, Mix: mix,
		Searches: split(*searches), Limit: *limit, Rate: *rate, Duration: *duration, Timeout: *timeout,
		MaxConns: *maxConns, Saturate: *saturate, Conns: *conns, StaticPath: *static,
		Exec: *execBin, Dir: *dir, Log: os.Stderr,
	}
	if len(cfg.Users) == 0 {
		return fmt.Errorf("--users names no account")
	}
	if *execBin != "" {
		urlSet := false
		fs.Visit(func(f *flag.Flag) { urlSet = urlSet || f.Name == "url" })
		if !urlSet {
			addr, err := load.FreeAddr()
			if err != nil {
				return err
			}
			cfg.URL = "http://" + addr
		}
		if *serverLog != "" {
			f, err := os.Create(*serverLog)
			if err != nil {
				return err
			}
			defer f.Close()
			cfg.ServerLog = f
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := load.Run(ctx, cfg)
	if rep != nil {
		if werr := rep.WriteText(os.Stdout); werr != nil && err == nil {
			err = werr
		}
		if *jsonOut != "" {
			b, jerr := json.MarshalIndent(rep, "", "  ")
			if jerr == nil {
				jerr = os.WriteFile(*jsonOut, append(b, '\n'), 0o644)
			}
			if jerr != nil && err == nil {
				err = fmt.Errorf("failed to write %s: %w", *jsonOut, jerr)
			}
		}
	}
	return err
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func kindNames() []string {
	names := make([]string, len(load.Kinds))
	for i, k := range load.Kinds {
		names[i] = string(k)
	}
	return names
}
