package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/proxy"
	"ikplan/internal/winsvc"
)

// errNotWindows is the answer of `ikplan service` on any other system.
var errNotWindows = errors.New("ikplan service registrerar ikplan som Windows-tjänst och fungerar bara på Windows; " +
	"på Linux kör du ikplan som systemd-tjänst med docs/deploy/ikplan.service (README: Deployment)")

// serviceCommand registers ikplan as a Windows service and starts and
// stops it, through m (nil on any other system than Windows).
func serviceCommand(app *pocketbase.PocketBase, m winsvc.Manager) *cobra.Command {
	var name, addr, proxies string
	cmd := &cobra.Command{
		Use:   "service install|uninstall|start|stop",
		Short: "Installerar ikplan som Windows-tjänst, tar bort, startar eller stoppar den",
		Long: "Registrerar ikplan som Windows-tjänst som kör ikplan serve på datamappen (--dir) och adressen (--http), " +
			"startar med Windows som tjänstens eget konto (NT SERVICE\\ikplan) och startas om när den faller. " +
			"Kör som administratör. På Linux: docs/deploy/ikplan.service.",
	}
	manager := func() (winsvc.Manager, error) {
		if m == nil {
			return nil, errNotWindows
		}
		return m, nil
	}
	install := &cobra.Command{
		Use:   "install",
		Short: "Registrerar tjänsten: ikplan serve med datamappen och adressen, automatisk start, omstart vid fel",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := manager()
			if err != nil {
				return err
			}
			exe, err := os.Executable()
			if err != nil {
				return fmt.Errorf("programmets sökväg kunde inte läsas: %w", err)
			}
			if _, err := proxy.Parse(proxies); err != nil {
				return fmt.Errorf("--trusted-proxies: %w", err)
			}
			c, err := winsvc.NewConfig(name, exe, app.DataDir(), addr, proxies)
			if err != nil {
				return err
			}
			if err := m.Install(c); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Tjänsten %s är installerad: %s %s\n", c.Name, c.Exe, joinArgs(c.Args))
			fmt.Fprintf(out, "Den kör som %s. Ge kontot rätt att skriva i datamappen:\n  %s\n", c.Account, c.Grant())
			fmt.Fprintf(out, "Starta den sedan med: ikplan service start --name %s\n", c.Name)
			return nil
		},
	}
	install.Flags().StringVar(&addr, "http", "127.0.0.1:8090", "adressen ikplan lyssnar på (bakom proxyn: 127.0.0.1:port)")
	install.Flags().StringVar(&proxies, "trusted-proxies", os.Getenv(proxy.EnvTrusted), "proxyernas adresser, åtskilda med kommatecken (IIS på samma server: 127.0.0.1,::1); sätts som "+proxy.EnvTrusted+" för tjänsten")
	act := func(use, short, done string, do func(winsvc.Manager, string) error) *cobra.Command {
		return &cobra.Command{
			Use: use, Short: short, Args: cobra.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				m, err := manager()
				if err != nil {
					return err
				}
				if _, err := winsvc.NewConfig(name, `C:\ikplan.exe`, `C:\`, ":1", ""); err != nil {
					return err // the name is checked as install checks it
				}
				if err := do(m, name); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Tjänsten %s är %s.\n", name, done)
				return nil
			},
		}
	}
	cmd.AddCommand(install,
		act("uninstall", "Tar bort tjänsten (stoppa den först); datamappen lämnas orörd", "borttagen; datamappen är kvar", winsvc.Manager.Uninstall),
		act("start", "Startar tjänsten", "startad", winsvc.Manager.Start),
		act("stop", "Stoppar tjänsten", "stoppad", winsvc.Manager.Stop))
	cmd.PersistentFlags().StringVar(&name, "name", winsvc.DefaultName, "tjänstens namn (för flera ikplan på samma server)")
	cmd.Args = func(cmd *cobra.Command, args []string) error {
		if m == nil {
			return errNotWindows
		}
		if len(args) > 0 {
			return fmt.Errorf("”%s” är inget av tjänstkommandona; ange install, uninstall, start eller stop", args[0])
		}
		return nil
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return errors.New("ange install, uninstall, start eller stop, till exempel ikplan service install --dir C:\\ikplan\\pb_data")
	}
	return cmd
}

// joinArgs is the arguments as a person reads them, quoted where needed.
func joinArgs(args []string) string {
	s := ""
	for i, a := range args {
		if i > 0 {
			s += " "
		}
		if a == "" || containsSpace(a) {
			a = `"` + a + `"`
		}
		s += a
	}
	return s
}

func containsSpace(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '\t' {
			return true
		}
	}
	return false
}
