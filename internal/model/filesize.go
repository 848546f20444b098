package model

import (
	"fmt"

	"github.com/spf13/cast"
)

// FileSize writes a size in bytes as whole megabytes ("20 MB"), or under
// a megabyte as kilobytes ("512 kB"); "" for none. The
// refusals of a file and the forms' hints both say sizes so.
func FileSize(v any) string {
	n := cast.ToInt64(v)
	if n <= 0 {
		return ""
	}
	if kb := (n + (1 << 10) - 1) >> 10; kb < 1<<10 {
		return fmt.Sprintf("%d kB", kb)
	}
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}
