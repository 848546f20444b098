// Package winsvc registers ikplan as a Windows service and runs it as one.
// What the service is — its name, program, arguments and environment — is
// built here on every system (Config), and tested on Linux; the calls to
// Windows' service control manager (golang.org/x/sys/windows/svc/mgr) are
// in the files built for Windows alone.
package winsvc

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"regexp"
	"strings"
)

// DefaultName is the service's name unless --name says otherwise.
const DefaultName = "ikplan"

// Config is a Windows service that runs `ikplan serve` on a data folder
// and address.
type Config struct {
	Name        string   // the service's name (sc.exe's name): ikplan
	DisplayName string   // as the Services console lists it
	Description string   // as the Services console describes it
	Exe         string   // the program, absolute
	Args        []string // its arguments: serve --dir D --http A
	Account     string   // the account it runs as: its own virtual account
	Env         []string // NAME=value, in the service's Environment
	DataDir     string   // the data folder, absolute
}

// Manager is Windows' service control manager, as ikplan uses it.
type Manager interface {
	Install(Config) error
	Uninstall(name string) error
	Start(name string) error
	Stop(name string) error
}

// namePattern is a service name sc.exe and the registry take.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// NewConfig is the service for the program exe, serving the data folder
// dir on addr, trusting the proxies (IKPLAN_TRUSTED_PROXIES; "" trusts
// none). A wrong value is named by its flag in a Swedish sentence.
func NewConfig(name, exe, dir, addr, proxies string) (Config, error) {
	if !namePattern.MatchString(name) {
		return Config{}, fmt.Errorf("--name: ”%s” duger inte som tjänstens namn; använd bokstäver a–z, siffror, - och _, till exempel ikplan", name)
	}
	if !isAbs(exe) {
		return Config{}, fmt.Errorf("programmets sökväg ”%s” är inte absolut", exe)
	}
	if dir == "" {
		return Config{}, errors.New("--dir: ange datamappen, till exempel C:\\ikplan\\pb_data")
	}
	if !isAbs(dir) {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return Config{}, fmt.Errorf("--dir: %v", err)
		}
		dir = abs
	}
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		return Config{}, fmt.Errorf("--http: ”%s” är ingen adress med port; ange till exempel 127.0.0.1:8090", addr)
	}
	c := Config{
		Name:        name,
		DisplayName: "ikplan (intern kontroll)",
		Description: "ikplan: kommunens interna kontroll. Data i " + dir + ", adress " + addr + ".",
		Exe:         exe,
		Args:        []string{"serve", "--dir", dir, "--http", addr},
		Account:     `NT SERVICE\` + name,
		DataDir:     dir,
	}
	if name != DefaultName {
		c.DisplayName = "ikplan (intern kontroll, " + name + ")"
	}
	if p := strings.TrimSpace(proxies); p != "" {
		c.Env = []string{"IKPLAN_TRUSTED_PROXIES=" + p}
	}
	return c, nil
}

// Grant is the command that gives the service's account the right to
// write in its data folder (its virtual account has none to begin with).
func (c Config) Grant() string {
	return fmt.Sprintf(`icacls "%s" /grant "%s:(OI)(CI)M"`, c.DataDir, c.Account)
}

// isAbs reports whether p is an absolute path on Linux or Windows
// (C:\…, \\server\…), whichever system builds the service.
func isAbs(p string) bool {
	if filepath.IsAbs(p) || strings.HasPrefix(p, `\\`) {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		(p[0] >= 'A' && p[0] <= 'Z' || p[0] >= 'a' && p[0] <= 'z')
}
