package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase"

	"ikplan/internal/winsvc"
)

// fakeSCM is Windows' service control manager as the service command sees
// it: it records each call.
type fakeSCM struct {
	installed []winsvc.Config
	calls     []string
}

func (f *fakeSCM) Install(c winsvc.Config) error {
	f.installed = append(f.installed, c)
	f.calls = append(f.calls, "install "+c.Name)
	return nil
}
func (f *fakeSCM) Uninstall(name string) error {
	f.calls = append(f.calls, "uninstall "+name)
	return nil
}
func (f *fakeSCM) Start(name string) error { f.calls = append(f.calls, "start "+name); return nil }
func (f *fakeSCM) Stop(name string) error  { f.calls = append(f.calls, "stop "+name); return nil }

// runService runs `ikplan service …` against m (nil: not Windows) with the
// data folder dir, and returns what it printed.
func runService(t *testing.T, m winsvc.Manager, dir string, args ...string) (string, error) {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: dir, HideStartBanner: true})
	app.RootCmd.AddCommand(serviceCommand(app, m))
	app.RootCmd.SilenceUsage, app.RootCmd.SilenceErrors = true, true
	var out bytes.Buffer
	app.RootCmd.SetOut(&out)
	app.RootCmd.SetErr(&out)
	app.RootCmd.SetArgs(append([]string{"service"}, args...))
	err := app.Execute()
	return out.String(), err
}

// TestServiceInstall: `ikplan service install` builds the Windows service
// from its flags — this program, serve with the absolute data folder and
// the address, its own virtual account, the trusted proxies in its
// environment — and says how to let the account write the folder;
// uninstall, start and stop act on the service named. A wrong name,
// address or proxy list is refused with the flag named, and nothing is
// installed.
func TestServiceInstall(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pb_data")
	m := &fakeSCM{}
	out, err := runService(t, m, dir, "install", "--http", "127.0.0.1:8091", "--trusted-proxies", "127.0.0.1,::1", "--name", "ikplan-test")
	if err != nil {
		t.Fatalf("Expected the service installed, got %v\n%s", err, out)
	}
	want := winsvc.Config{
		Name: "ikplan-test", DisplayName: "ikplan (intern kontroll, ikplan-test)",
		Description: "ikplan: kommunens interna kontroll. Data i " + dir + ", adress 127.0.0.1:8091.",
		Exe:         exe, Args: []string{"serve", "--dir", dir, "--http", "127.0.0.1:8091"},
		Account: `NT SERVICE\ikplan-test`, Env: []string{"IKPLAN_TRUSTED_PROXIES=127.0.0.1,::1"}, DataDir: dir,
	}
	if len(m.installed) != 1 || !reflect.DeepEqual(m.installed[0], want) {
		t.Fatalf("Expected the service\n%+v\ngot\n%+v", want, m.installed)
	}
	for _, w := range []string{"Tjänsten ikplan-test är installerad: " + exe + " serve --dir " + dir + " --http 127.0.0.1:8091",
		`icacls "` + dir + `" /grant "NT SERVICE\ikplan-test:(OI)(CI)M"`, "ikplan service start --name ikplan-test"} {
		if !strings.Contains(out, w) {
			t.Errorf("Expected %q in the output, got\n%s", w, out)
		}
	}

	// the defaults: ikplan on 127.0.0.1:8090, trusting nobody
	m = &fakeSCM{}
	t.Setenv("IKPLAN_TRUSTED_PROXIES", "")
	if out, err := runService(t, m, "relative/pb_data", "install"); err != nil || len(m.installed) != 1 {
		t.Fatalf("Expected the service installed with its defaults, got %v\n%s", err, out)
	}
	c := m.installed[0]
	abs, _ := filepath.Abs("relative/pb_data")
	if c.Name != "ikplan" || c.Args[2] != abs || c.Args[4] != "127.0.0.1:8090" || c.Env != nil || c.DisplayName != "ikplan (intern kontroll)" {
		t.Errorf("Expected the default service on an absolute folder, got %+v", c)
	}

	for _, cmd := range []string{"uninstall", "start", "stop"} {
		m = &fakeSCM{}
		out, err := runService(t, m, dir, cmd, "--name", "ikplan2")
		if err != nil || !reflect.DeepEqual(m.calls, []string{cmd + " ikplan2"}) || !strings.HasPrefix(out, "Tjänsten ikplan2 är ") {
			t.Errorf("%s: expected the service ikplan2 acted on, got %v %v %q", cmd, err, m.calls, out)
		}
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"install", "--name", "ikplan tjänst"}, "--name: ”ikplan tjänst” duger inte som tjänstens namn"},
		{[]string{"start", "--name", `..\ikplan`}, `--name: ”..\ikplan” duger inte`},
		{[]string{"install", "--http", "8090"}, "--http: ”8090” är ingen adress med port"},
		{[]string{"install", "--trusted-proxies", "proxy.kommun.se"}, "--trusted-proxies: IKPLAN_TRUSTED_PROXIES: ”proxy.kommun.se” är varken en IP-adress eller ett nät"},
		{[]string{"reinstall"}, "”reinstall” är inget av tjänstkommandona"},
		{nil, "ange install, uninstall, start eller stop"},
	} {
		m = &fakeSCM{}
		_, err := runService(t, m, dir, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) || len(m.calls) > 0 {
			t.Errorf("%v: expected %q and no call, got %v %v", c.args, c.want, err, m.calls)
		}
	}
}

// TestServiceNotWindows: on any other system every service command says,
// in Swedish, that it is for Windows and where the systemd unit is.
func TestServiceNotWindows(t *testing.T) {
	for _, args := range [][]string{nil, {"install"}, {"uninstall"}, {"start"}, {"stop"}, {"reinstall"}} {
		_, err := runService(t, nil, t.TempDir(), args...)
		if err == nil || !strings.Contains(err.Error(), "fungerar bara på Windows") || !strings.Contains(err.Error(), "docs/deploy/ikplan.service") {
			t.Errorf("%v: expected the pointer to the systemd unit, got %v", args, err)
		}
	}
}
