package perf

import (
	"os"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"
)

// Env is the environment variable whose value "off" turns every part of
// the package off.
const Env = "IKPLAN_PERF"

// Flag is the command line's switch: --perf=off is IKPLAN_PERF=off.
const Flag = "perf"

// envOff is IKPLAN_PERF=off, read once when the program starts: the rule
// engine asks Enabled on every query, which then costs an atomic load, not
// a look through the environment. Setting IKPLAN_PERF later changes
// nothing; SetEnabled is the switch from Go.
var envOff = os.Getenv(Env) == "off"

// off is whether the machinery is off: envOff at the start, then set by
// SetEnabled or --perf=off.
var off atomic.Bool

func init() { off.Store(envOff) }

// Enabled reports whether the performance machinery is on: unless
// IKPLAN_PERF was "off" when the program started, --perf=off was given or
// SetEnabled(false) was called. Each part asks when it is set up.
func Enabled() bool { return !off.Load() }

// SetEnabled turns the machinery off (false) or back to what the
// environment said at the start (true), for the parts set up from now on.
func SetEnabled(on bool) { off.Store(!on || envOff) }

// FromArgs reads --perf=off (or --perf off) from the command line's
// arguments before anything is set up: PocketBase opens the database
// before cobra parses the flags. AddFlag declares the flag for cobra.
func FromArgs(args []string) {
	for i, a := range args {
		switch {
		case a == "--"+Flag && i+1 < len(args):
			if strings.EqualFold(args[i+1], "off") {
				SetEnabled(false)
			}
		case strings.HasPrefix(a, "--"+Flag+"="):
			if strings.EqualFold(strings.TrimPrefix(a, "--"+Flag+"="), "off") {
				SetEnabled(false)
			}
		}
	}
}

// AddFlag declares --perf on the root command, so that every command
// accepts it (FromArgs has read it already).
func AddFlag(root *cobra.Command) {
	root.PersistentFlags().String(Flag, "on", "\"off\" stänger av sidcachen, köerna, satscachen och GC-inställningarna, för felsökning (som "+Env+"=off)")
}
