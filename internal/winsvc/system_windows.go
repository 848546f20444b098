//go:build windows

package winsvc

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/mgr"
)

// stopLimit is how long a stop may take before it is reported as failed.
const stopLimit = 30 * time.Second

// System is Windows' service control manager.
func System() Manager { return scm{} }

type scm struct{}

func connect() (*mgr.Mgr, error) {
	m, err := mgr.Connect()
	if err != nil {
		if errors.Is(err, windows.ERROR_ACCESS_DENIED) {
			return nil, errors.New("tjänsthanteraren nekade åtkomst; kör kommandot i en kommandotolk som administratör")
		}
		return nil, fmt.Errorf("tjänsthanteraren kunde inte nås: %w", err)
	}
	return m, nil
}

// Install registers the service to start with Windows, as its own virtual
// account, restarting it when it fails, with its environment.
func (scm) Install(c Config) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	if s, err := m.OpenService(c.Name); err == nil {
		s.Close()
		return fmt.Errorf("tjänsten %s finns redan; ta bort den först med ikplan service uninstall --name %s", c.Name, c.Name)
	}
	s, err := m.CreateService(c.Name, c.Exe, mgr.Config{
		DisplayName:      c.DisplayName,
		Description:      c.Description,
		StartType:        mgr.StartAutomatic,
		DelayedAutoStart: true,
		ServiceStartName: c.Account,
	}, c.Args...)
	if err != nil {
		return fmt.Errorf("tjänsten %s kunde inte skapas: %w", c.Name, err)
	}
	defer s.Close()
	// restart on failure, as systemd's Restart=on-failure
	actions := []mgr.RecoveryAction{{Type: mgr.ServiceRestart, Delay: 5 * time.Second}, {Type: mgr.ServiceRestart, Delay: 5 * time.Second}, {Type: mgr.ServiceRestart, Delay: 30 * time.Second}}
	if err := s.SetRecoveryActions(actions, 24*60*60); err != nil {
		return fmt.Errorf("tjänsten %s skapades, men inte dess omstart vid fel: %w", c.Name, err)
	}
	if err := s.SetRecoveryActionsOnNonCrashFailures(true); err != nil {
		return fmt.Errorf("tjänsten %s skapades, men inte dess omstart vid fel: %w", c.Name, err)
	}
	if len(c.Env) > 0 {
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Services\`+c.Name, registry.SET_VALUE)
		if err != nil {
			return fmt.Errorf("tjänsten %s skapades, men inte dess miljövariabler: %w", c.Name, err)
		}
		defer k.Close()
		if err := k.SetStringsValue("Environment", c.Env); err != nil {
			return fmt.Errorf("tjänsten %s skapades, men inte dess miljövariabler: %w", c.Name, err)
		}
	}
	return nil
}

func (scm) Uninstall(name string) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(name)
	if err != nil {
		return fmt.Errorf("tjänsten %s finns inte", name)
	}
	defer s.Close()
	if st, err := s.Query(); err == nil && st.State != svc.Stopped {
		return fmt.Errorf("tjänsten %s är igång; stoppa den först med ikplan service stop --name %s", name, name)
	}
	if err := s.Delete(); err != nil {
		return fmt.Errorf("tjänsten %s kunde inte tas bort: %w", name, err)
	}
	return nil
}

func (scm) Start(name string) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(name)
	if err != nil {
		return fmt.Errorf("tjänsten %s finns inte; installera den med ikplan service install", name)
	}
	defer s.Close()
	if err := s.Start(); err != nil {
		return fmt.Errorf("tjänsten %s kunde inte startas: %w", name, err)
	}
	return nil
}

func (scm) Stop(name string) error {
	m, err := connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(name)
	if err != nil {
		return fmt.Errorf("tjänsten %s finns inte", name)
	}
	defer s.Close()
	st, err := s.Control(svc.Stop)
	if err != nil {
		return fmt.Errorf("tjänsten %s kunde inte stoppas: %w", name, err)
	}
	for deadline := time.Now().Add(stopLimit); st.State != svc.Stopped; {
		if time.Now().After(deadline) {
			return fmt.Errorf("tjänsten %s hade inte stannat efter %s", name, stopLimit)
		}
		time.Sleep(300 * time.Millisecond)
		if st, err = s.Query(); err != nil {
			return fmt.Errorf("tjänstens %s läge kunde inte läsas: %w", name, err)
		}
	}
	return nil
}

// IsService reports whether Windows' service control manager started this
// process.
func IsService() bool {
	ok, err := svc.IsWindowsService()
	return err == nil && ok
}

// Run runs start (ikplan serve) as a Windows service until it ends or the
// service control manager asks it to stop, when it calls stop (PocketBase's
// graceful shutdown) and waits for start to return. A start that fails
// ends the service with an error, so that its recovery restarts it.
func Run(name string, start func() error, stop func()) error {
	h := &handler{start: start, stop: stop}
	if err := svc.Run(name, h); err != nil {
		return err
	}
	return h.err
}

type handler struct {
	start func() error
	stop  func()
	err   error
}

func (h *handler) Execute(args []string, r <-chan svc.ChangeRequest, status chan<- svc.Status) (bool, uint32) {
	status <- svc.Status{State: svc.StartPending}
	done := make(chan error, 1)
	go func() { done <- h.start() }()
	status <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for {
		select {
		case err := <-done:
			if err != nil {
				h.err = err
				return true, 1
			}
			return false, 0
		case c := <-r:
			switch c.Cmd {
			case svc.Interrogate:
				status <- c.CurrentStatus
			case svc.Stop, svc.Shutdown:
				status <- svc.Status{State: svc.StopPending, WaitHint: uint32(stopLimit / time.Millisecond)}
				h.stop()
				select {
				case <-done:
				case <-time.After(stopLimit):
				}
				return false, 0
			}
		}
	}
}
