// Package cli holds ikplan's own commands on PocketBase's root command.
package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/spf13/cobra"

	"ikplan/internal/demo"
	"ikplan/internal/model"
	"ikplan/internal/winsvc"
)

// Register adds ikplan's commands, and PocketBase's migrate command, to the app.
func Register(app *pocketbase.PocketBase) {
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{TemplateLang: migratecmd.TemplateLangGo, Dir: "pb_migrations"})
	app.RootCmd.AddCommand(demoCommand(app))
	app.RootCmd.AddCommand(importCommand(app), exportCommand(app))
	app.RootCmd.AddCommand(reportCommand(app))
	app.RootCmd.AddCommand(remindersCommand(app))
	app.RootCmd.AddCommand(carryCommand(app))
	app.RootCmd.AddCommand(genCommand(app))
	app.RootCmd.AddCommand(versionCommand(app))
	app.RootCmd.AddCommand(setupCommand(app))
	app.RootCmd.AddCommand(serviceCommand(app, winsvc.System()))
	app.RootCmd.AddCommand(sampleCommand(app))
	app.RootCmd.AddCommand(packageCommand(app))
	app.RootCmd.SilenceUsage = true
	// PocketBase gives its commands a writer that discards everything, so
	// that cobra does not print a command's error before Start returns it
	// (main prints it). Cobra is told not to print it, and what a command
	// writes to its error writer — the import's row errors — reaches the
	// user's terminal.
	app.RootCmd.SilenceErrors = true
	app.RootCmd.SetErr(os.Stderr)
}

// DefaultDemoPassword is the demo accounts' password when --password is not given.
const DefaultDemoPassword = "ikplan-demo-2026"

func demoCommand(app *pocketbase.PocketBase) *cobra.Command {
	var password string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Läser in uppföljningsrapporten 2024 som demodata i en tom datamapp",
		Long: "Läser in kommunstyrelsens internkontrollplan 2024 med resultat, avvikelser och åtgärder ur " +
			"uppföljningsrapporten, två nämnder med förvaltningar och demokonton. Kräver en tom datamapp (--dir).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			loaded, err := demo.Load(app, password)
			if err != nil {
				if errors.Is(err, demo.ErrNotEmpty) {
					return err
				}
				return fmt.Errorf("demodata kunde inte läsas in: %w", err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Demodata inläst i %s: %s med %d kontrollpunkter.\n\n", app.DataDir(), model.AsPlan(loaded.Plan).Title(), len(demo.Controls))
			fmt.Fprintf(out, "Konton (lösenord: %s):\n", password)
			for _, a := range demo.Accounts {
				fmt.Fprintf(out, "  %-30s %-12s %s\n", a.Email, a.Role, a.Name)
			}
			fmt.Fprintln(out, "\nStarta med: ikplan serve --dir", app.DataDir())
			return nil
		},
	}
	cmd.Flags().StringVar(&password, "password", DefaultDemoPassword, "lösenord för demokontona (minst 12 tecken)")
	return cmd
}
