package perf

// Prepared is how many statements the kept connections have prepared.
func Prepared() int64 { return prepared.Load() }
