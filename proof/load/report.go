package load

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteText writes the report as tables for a terminal.
func (r *Report) WriteText(out io.Writer) error {
	w := &errWriter{w: out}
	w.printf("ikload %s against %s, %d users, mix %s\n", r.Date.Format("2006-01-02 15:04"), r.URL, len(r.Users), r.Mix)
	if r.Server != nil {
		w.printf("cold start: %s (process start → first GET /login answered 200; target ≤ 1 s)\n", ms(r.Server.ColdStart))
	}
	if r.Static != nil {
		w.printf("The phases ran in this order: static file and plan page at saturation, then the open loop.\n")
	}
	o := r.Open
	w.printf("\nOpen loop: %.0f requests/s scheduled, %d sent; all answered %.1f s after the first was due; the sender was at most %s late\n",
		r.Rate, o.Sent, o.Seconds, ms(o.MaxLag))
	w.printf("Latency from each request's scheduled time to the end of its answer, of every request.\n")
	w.table(append(o.Kinds, o.All), true)
	for _, p := range []*Phase{r.Static, r.PlanSat} {
		if p == nil {
			continue
		}
		w.printf("\nSaturation, closed loop, %d in flight for %.1f s: %s\n", p.Conns, p.Seconds, p.Path)
		w.table([]Stats{p.All}, false)
	}
	if r.Static != nil && r.PlanSat != nil {
		w.printf("\nPlan page throughput at saturation: %.0f/s, %.3f of the static file's %.0f/s (target ≥ 0.333)\n",
			r.PlanSat.All.Rate, r.PlanShare, r.Static.All.Rate)
	}
	if s := r.Server; s != nil {
		w.printf("\nServer memory: peak VmRSS %s", mb(s.PeakRSS))
		var parts []string
		for _, p := range []struct {
			name string
			ph   *Phase
		}{{"open loop", &r.Open}, {"static saturation", r.Static}, {"plan saturation", r.PlanSat}} {
			if p.ph != nil {
				parts = append(parts, fmt.Sprintf("%s %s", p.name, mb(p.ph.PeakRSS)))
			}
		}
		w.printf(" (%s), VmHWM %s at the end (target ≤ 150 MB under load, 143 MiB)\n", strings.Join(parts, ", "), mb(s.HWM))
		if r.ServerNote != "" {
			w.printf("memory sampling: %s\n", r.ServerNote)
		}
	}
	return w.err
}

func (w *errWriter) table(rows []Stats, kinds bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "kind\tcount\tok\trate/s\tp50 ms\tp95 ms\tp99 ms\tmax ms\t\terrors\n")
	for _, s := range rows {
		name := string(s.Kind)
		if !kinds && s.Kind == "all" {
			name = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%s\t%s\t%s\t%s\t\t%s\n", name, s.Count, s.OK, s.Rate,
			msNum(s.P50), msNum(s.P95), msNum(s.P99), msNum(s.Max), errorList(s.Errors))
	}
	if err := tw.Flush(); err != nil && w.err == nil {
		w.err = err
	}
}

// errorList writes errors as "HTTP 500 ×3, timeout ×2", the most frequent first.
func errorList(errs map[string]int) string {
	if len(errs) == 0 {
		return "-"
	}
	names := slices.SortedFunc(maps.Keys(errs), func(a, b string) int {
		if errs[a] != errs[b] {
			return errs[b] - errs[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s ×%d", n, errs[n])
	}
	return strings.Join(parts, ", ")
}

func msNum(m Millis) string {
	d := time.Duration(m)
	switch {
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f", float64(d)/1e6)
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.1f", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.2f", float64(d)/1e6)
	}
}

func ms(m Millis) string { return msNum(m) + " ms" }

func mb(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

func (w *errWriter) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }
