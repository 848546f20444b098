//go:build !windows

package winsvc

// System is Windows' service control manager: none on this system.
func System() Manager { return nil }

// IsService reports whether Windows' service control manager started this
// process: never on this system.
func IsService() bool { return false }

// Run runs start as a Windows service; on this system it is never called.
func Run(name string, start func() error, stop func()) error { return start() }
