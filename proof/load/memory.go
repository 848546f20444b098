package load

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Memory is a process's resident memory in bytes: VmRSS (now) and VmHWM
// (its peak so far, as the kernel counts it) from /proc/<pid>/status.
type Memory struct {
	RSS int64 `json:"rss_bytes"`
	HWM int64 `json:"hwm_bytes"`
}

// ReadMemory reads the resident memory of process pid (Linux only).
func ReadMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, fmt.Errorf("failed to read the memory of process %d: %w", pid, err)
	}
	return ParseStatus(b)
}

// ParseStatus reads VmRSS and VmHWM from the text of /proc/<pid>/status.
func ParseStatus(status []byte) (Memory, error) {
	var m Memory
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			return Memory{}, fmt.Errorf("unexpected %s line: %q", name, sc.Text())
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return Memory{}, fmt.Errorf("unexpected %s line: %q", name, sc.Text())
		}
		if name == "VmRSS" {
			m.RSS = kb * 1024
		} else {
			m.HWM = kb * 1024
		}
		found++
	}
	if found != 2 {
		return Memory{}, fmt.Errorf("no VmRSS and VmHWM in the process status")
	}
	return m, nil
}

// MemorySampler reads a process's memory at a fixed interval and keeps the
// highest resident memory seen, overall and since the last Mark.
type MemorySampler struct {
	mu       sync.Mutex
	pid      int
	last     Memory
	peak     int64 // highest VmRSS sampled
	markPeak int64 // highest VmRSS sampled since the last mark
	err      error
	stop     chan struct{}
	done     chan struct{}
}

// SampleMemory starts sampling process pid every interval.
func SampleMemory(pid int, interval time.Duration) *MemorySampler {
	s := &MemorySampler{pid: pid, stop: make(chan struct{}), done: make(chan struct{})}
	s.sample()
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s
}

func (s *MemorySampler) sample() {
	m, err := ReadMemory(s.pid)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return
	}
	s.last = m
	s.peak = max(s.peak, m.RSS)
	s.markPeak = max(s.markPeak, m.RSS)
}

// Mark samples once more and returns the highest VmRSS since the last mark
// (or the start) and the process's VmHWM now.
func (s *MemorySampler) Mark() (peakRSS int64, hwm int64) {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	peakRSS, s.markPeak = s.markPeak, 0
	return peakRSS, s.last.HWM
}

// Peak returns the highest VmRSS sampled, the last VmHWM read and the
// first error met, if any.
func (s *MemorySampler) Peak() (peakRSS int64, hwm int64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak, s.last.HWM, s.err
}

// Stop ends the sampling, after one last sample.
func (s *MemorySampler) Stop() {
	select {
	case <-s.stop:
		return
	default:
	}
	s.sample()
	close(s.stop)
	<-s.done
}
