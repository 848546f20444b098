package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// DefaultUsers are the accounts signed in when none are given: the four
// demo accounts of `ikplan gen` (they see every board) and four people of
// single boards (a coordinator, two control owners and a reader).
var DefaultUsers = []string{
	"samordnare@ikplan.test", "ansvarig@ikplan.test", "lasare@ikplan.test", "revisor@ikplan.test",
	"samordnare.b1@ikplan.test", "agare1.b1@ikplan.test", "agare2.b2@ikplan.test", "lasare.b3@ikplan.test",
}

// Config is one measurement run.
type Config struct {
	URL      string   // the server's base URL, http://127.0.0.1:8090
	Users    []string // the accounts to sign in as
	Password string   // their password
	Mix      *Mix
	Searches []string // what the search requests look for
	Limit    int      // the most controls and actions found per user

	Rate     float64       // open loop: requests per second
	Duration time.Duration // open loop: how long
	Timeout  time.Duration // the longest one request may take
	MaxConns int           // open loop: the most connections at once (0: no limit)

	Saturate   time.Duration // closed loop: how long for each of static and plan (0: skip)
	Conns      int           // closed loop: requests in flight
	StaticPath string        // closed loop: the static file, /static/…

	Exec      string    // when set, the server binary to start (serve --http … --dir Dir)
	Dir       string    // the data folder of the started server
	ServerLog io.Writer // the started server's output
	Log       io.Writer // progress
}

// Report is what a run measured.
type Report struct {
	Date       time.Time     `json:"date"`
	URL        string        `json:"url"`
	Mix        string        `json:"mix"`
	Users      []UserSummary `json:"users"`
	Rate       float64       `json:"target_rate"`
	Open       Phase         `json:"open_loop"`
	Static     *Phase        `json:"static_saturation,omitempty"`
	PlanSat    *Phase        `json:"plan_saturation,omitempty"`
	PlanShare  float64       `json:"plan_to_static,omitempty"` // plan page rps / static file rps at saturation
	Server     *ServerReport `json:"server,omitempty"`
	ServerNote string        `json:"server_note,omitempty"`
}

// UserSummary is one signed-in account and what was found for it.
type UserSummary struct {
	Email    string `json:"email"`
	Role     string `json:"role"`
	Plans    int    `json:"plans"`
	Controls int    `json:"controls"`
	Actions  int    `json:"actions"`
}

// Phase is one phase of the run: open loop, or one saturation.
type Phase struct {
	Path    string  `json:"path,omitempty"`  // saturation: what was requested
	Conns   int     `json:"conns,omitempty"` // saturation: requests in flight
	Sent    int     `json:"sent"`
	Seconds float64 `json:"seconds"`
	MaxLag  Millis  `json:"max_send_lag_ms"` // open loop: how late the sender was at worst
	Kinds   []Stats `json:"kinds"`
	All     Stats   `json:"all"`
	PeakRSS int64   `json:"peak_rss_bytes,omitempty"` // started server: highest VmRSS in the phase
}

// ServerReport holds what only a server the tool started can show.
type ServerReport struct {
	ColdStart Millis `json:"cold_start_ms"`  // process start → first GET /login answered 200
	PeakRSS   int64  `json:"peak_rss_bytes"` // highest VmRSS sampled, every 50 ms
	HWM       int64  `json:"hwm_bytes"`      // VmHWM at the end: the kernel's peak
}

// Run measures the server: it starts it if asked, signs the users in,
// finds what they see, drives the static file and then the plan page at
// saturation, and last runs the open loop.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	rep := &Report{Date: time.Now(), URL: cfg.URL, Mix: cfg.Mix.String(), Rate: cfg.Rate}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	var srv *Server
	if cfg.Exec != "" {
		u, err := url.Parse(cfg.URL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("--url %q is not a base URL such as http://127.0.0.1:8090", cfg.URL)
		}
		out := cfg.ServerLog
		if out == nil {
			out = io.Discard
		}
		logf("starting %s serve --http %s --dir %s", cfg.Exec, u.Host, cfg.Dir)
		srv, err = StartServer(ctx, cfg.Exec, []string{"serve", "--http", u.Host, "--dir", cfg.Dir}, out, cfg.URL, "/login", time.Minute)
		if err != nil {
			return nil, err
		}
		defer srv.Stop()
		rep.Server = &ServerReport{ColdStart: Millis(srv.ColdStart)}
		logf("cold start: %s to the first GET /login answered 200", srv.ColdStart.Round(time.Millisecond))
	}

	client := NewClient(cfg.MaxConns)
	users, err := signIn(ctx, client, cfg, logf)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		rep.Users = append(rep.Users, UserSummary{u.Email, u.Role, len(u.Plans), len(u.Controls), len(u.Actions)})
	}
	w, err := NewWorkload(cfg.Mix, users, cfg.Searches, cfg.URL)
	if err != nil {
		return nil, err
	}
	mark := func(p *Phase) {
		if srv != nil {
			p.PeakRSS, _ = srv.Memory.Mark()
		}
	}
	if srv != nil {
		srv.Memory.Mark() // the phases' peaks start here
	}

	// The saturations run first: an open loop that overloads the server
	// leaves it working through requests the tool has given up on, which
	// would slow whatever came next.
	if cfg.Saturate > 0 {
		sat := NewClient(0)
		static := Request{Kind: Static, Method: "GET", Path: cfg.StaticPath}
		logf("saturation: %s with %d in flight for %s", cfg.StaticPath, cfg.Conns, cfg.Saturate)
		rep.Static = saturate(ctx, sat, cfg, func() Request { return static })
		rep.Static.Path = cfg.StaticPath
		mark(rep.Static)
		logf("saturation: plan pages with %d in flight for %s", cfg.Conns, cfg.Saturate)
		rep.PlanSat = saturate(ctx, sat, cfg, func() Request { return w.Make(Plan) })
		rep.PlanSat.Path = "/plans/{id}"
		mark(rep.PlanSat)
		if rep.Static.All.Rate > 0 {
			rep.PlanShare = rep.PlanSat.All.Rate / rep.Static.All.Rate
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
	}

	logf("open loop: %.0f requests/s for %s, mix %s", cfg.Rate, cfg.Duration, cfg.Mix)
	rec := NewRecorder()
	res := OpenLoop{Client: client, Base: cfg.URL, Rate: cfg.Rate, Duration: cfg.Duration, Timeout: cfg.Timeout,
		Next: w.Next, Rec: rec}.Run(ctx)
	rep.Open = phase(res, rec, max(res.Elapsed, cfg.Duration))
	mark(&rep.Open)

	if srv != nil {
		srv.Memory.Stop()
		peak, hwm, err := srv.Memory.Peak()
		rep.Server.PeakRSS, rep.Server.HWM = peak, hwm
		if err != nil {
			rep.ServerNote = err.Error()
		}
	}
	return rep, ctx.Err()
}

// phase summarises a phase; its rates are answers per second of window.
func phase(res Result, rec *Recorder, window time.Duration) Phase {
	p := Phase{Sent: res.Sent, Seconds: res.Elapsed.Seconds(), MaxLag: Millis(res.MaxLag)}
	p.Kinds, p.All = rec.Summary(window)
	return p
}

func saturate(ctx context.Context, c *http.Client, cfg Config, next func() Request) *Phase {
	rec := NewRecorder()
	res := ClosedLoop{Client: c, Base: cfg.URL, Conns: cfg.Conns, Duration: cfg.Saturate, Timeout: cfg.Timeout,
		Next: next, Rec: rec}.Run(ctx)
	p := phase(res, rec, res.Elapsed)
	p.MaxLag = 0
	p.Conns = cfg.Conns
	return &p
}

// signIn signs every user in and finds what each sees. ikplan allows ten
// sign-ins a minute from one address: on a 429 it waits and tries again,
// for up to two minutes.
func signIn(ctx context.Context, c *http.Client, cfg Config, logf func(string, ...any)) ([]*User, error) {
	var users []*User
	retry := func(email string, try func() error) error {
		deadline := time.Now().Add(2 * time.Minute)
		for {
			err := try()
			if !errors.Is(err, ErrRateLimited) || time.Now().After(deadline) {
				return err
			}
			logf("sign-in as %s refused for now (sign-ins are rate-limited per address): waiting 10 s", email)
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(10 * time.Second):
			}
		}
	}
	for _, email := range cfg.Users {
		u := &User{Email: email}
		err := retry(email, func() (err error) {
			u.Token, err = Login(ctx, c, cfg.URL, email, cfg.Password)
			return err
		})
		if err == nil {
			err = retry(email, func() (err error) {
				u.APIToken, u.Id, err = APILogin(ctx, c, cfg.URL, email, cfg.Password)
				return err
			})
		}
		if err != nil {
			return nil, err
		}
		if err := Discover(ctx, c, cfg.URL, u, cfg.Limit); err != nil {
			return nil, fmt.Errorf("failed to find what %s sees: %w", email, err)
		}
		logf("signed in as %s (%s): %d plans, %d controls, %d changeable actions", email, u.Role, len(u.Plans), len(u.Controls), len(u.Actions))
		users = append(users, u)
	}
	return users, nil
}

// FreeAddr returns a loopback address with a port free right now, for a
// server the tool starts.
func FreeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}
