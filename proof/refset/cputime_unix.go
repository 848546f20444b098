//go:build unix

package refset

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user and system) the process has used so far;
// a benchmark reports it per operation beside the wall time, which on a
// busy machine also counts the time spent waiting for a core.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
