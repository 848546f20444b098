package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"ikplan/internal/model"
	"ikplan/internal/report"
)

// planFlags are the flags that name a board's plan.
type planFlags struct {
	board string
	year  int
}

func (f *planFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.board, "board", "", "nämndens namn eller kortnamn, t.ex. Kommunstyrelsen eller KS")
	cmd.Flags().IntVar(&f.year, "year", 0, "planens år, t.ex. 2025")
}

// plan finds the plan the flags name.
func (f *planFlags) plan(app core.App) (board, plan *core.Record, err error) {
	if strings.TrimSpace(f.board) == "" {
		return nil, nil, errors.New("ange nämnden med --board, t.ex. --board KS")
	}
	if f.year == 0 {
		return nil, nil, errors.New("ange planens år med --year, t.ex. --year 2025")
	}
	if board, err = findBoard(app, f.board); err != nil {
		return nil, nil, err
	}
	plan, err = app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": board.Id, "y": f.year})
	if err != nil {
		return nil, nil, fmt.Errorf("%s har ingen internkontrollplan för %d", model.AsBoard(board).Name(), f.year)
	}
	return board, plan, nil
}

func importCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{Use: "import", Short: "Läser in data från fil"}
	var flags planFlags
	var dryRun bool
	plan := &cobra.Command{
		Use:   "plan FILE.xlsx",
		Short: "Läser in en internkontrollplan från Excel, alla rader eller ingen",
		Long: "Läser in kontrollpunkterna i en Excel-fil med planens kolumner (som 'ikplan export plan' skriver) till " +
			"nämndens plan för året, som måste vara ett utkast. Varje rad prövas mot samma regler som allt annat som sparas; " +
			"är någon rad fel skrivs varje fel ut med rad och kolumn och ingenting importeras. En rad med samma Del och Nr " +
			"som en befintlig kontrollpunkt ändrar den.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			board, plan, err := flags.plan(app)
			if err != nil {
				return err
			}
			file, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("filen %s kunde inte öppnas: %w", args[0], err)
			}
			defer file.Close()
			res, err := report.ImportPlan(app, model.System, plan.Id, file, dryRun)
			if err != nil {
				return fmt.Errorf("importen misslyckades: %w", err)
			}
			if !res.OK() {
				for _, e := range res.Errors {
					fmt.Fprintln(cmd.ErrOrStderr(), e.String())
				}
				return fmt.Errorf("importen avbröts med %d fel; ingenting har importerats", len(res.Errors))
			}
			name := fmt.Sprintf("%s plan %d", model.BoardGenitive(board), model.AsPlan(plan).Year())
			counts := fmt.Sprintf("%d nya, %d ändrade, %d oförändrade", res.Created, res.Updated, res.Unchanged)
			if dryRun {
				fmt.Fprintf(cmd.OutOrStdout(), "Provkörning: alla %d rader går att importera till %s (%s). Ingenting har sparats.\n", res.Rows, name, counts)
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Importerade %d rader till %s: %s.\n", res.Rows, name, counts)
			return nil
		},
	}
	flags.add(plan)
	plan.Flags().BoolVar(&dryRun, "dry-run", false, "pröva bara filen, spara ingenting")
	cmd.AddCommand(plan)
	return cmd
}

func exportCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{Use: "export", Short: "Skriver data till fil"}
	var flags planFlags
	var out string
	plan := &cobra.Command{
		Use:   "plan",
		Short: "Skriver en internkontrollplan som Excel",
		Long:  "Skriver nämndens plan för året med alla kontrollpunkter, även sekretessmarkerade, som en Excel-fil med planens kolumner.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			if out == "" {
				return errors.New("ange filen att skriva med -o, t.ex. -o plan.xlsx")
			}
			board, plan, err := flags.plan(app)
			if err != nil {
				return err
			}
			if err := writeStreamed(out, func(f *os.File) error { return report.ExportPlan(app, plan.Id, f) }); err != nil {
				return fmt.Errorf("planen kunde inte skrivas till %s: %w", out, err)
			}
			n, _ := app.CountRecords(model.Controls, dbx.HashExp{"plan": plan.Id})
			fmt.Fprintf(cmd.OutOrStdout(), "Skrev %s plan %d med %d kontrollpunkter till %s.\n", model.BoardGenitive(board), model.AsPlan(plan).Year(), n, out)
			return nil
		},
	}
	flags.add(plan)
	plan.Flags().StringVarP(&out, "output", "o", "", "filen att skriva, t.ex. plan.xlsx")
	cmd.AddCommand(plan)
	return cmd
}
