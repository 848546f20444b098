//go:build !unix

package refset

import "time"

// CPUTime is not measured here: the cpu-ms/op metric reads 0.
func CPUTime() time.Duration { return 0 }
