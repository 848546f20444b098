package cli

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/carry"
	"ikplan/internal/model"
)

func carryCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "carry",
		Short: "För verksamheten vidare: nästa års plan och överföring vid omorganisation",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(carryPlanCommand(app), carryTransferCommand(app))
	return cmd
}

func carryPlanCommand(app *pocketbase.PocketBase) *cobra.Command {
	var board, decide, reason, to string
	var year int
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Gör ett utkast för nästa år från en nämnds plan",
		Long: "Kopierar kontrollpunkterna i nämndens plan för --year till ett utkast för året efter och ger alla " +
			"ofärdiga åtgärder samma beslut: continue (fortsätter i den nya planen), close (avslutas med --reason) " +
			"eller transfer (överförs till nämnden --to). Inget skrivs om något beslut saknas eller vägras.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			b, err := findBoard(app, board)
			if err != nil {
				return err
			}
			plan, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": b.Id, "y": year})
			if err != nil {
				return fmt.Errorf("%s har ingen internkontrollplan för %d", model.AsBoard(b).Name(), year)
			}
			d := carry.Decision{Kind: decide, Reason: reason}
			if decide == carry.DecideTransfer {
				target, err := findBoard(app, to)
				if err != nil {
					return err
				}
				d.Board = target.Id
			}
			pv, err := carry.Preview(app, plan.Id)
			if err != nil {
				return err
			}
			decisions := map[string]carry.Decision{}
			for _, a := range pv.Unfinished {
				decisions[a.Id] = d
			}
			id, err := carry.Apply(app, model.System, plan.Id, decisions)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Utkast för %d skapat (id %s) med %d kontrollpunkter; %d ofärdiga åtgärder: %s.\n",
				pv.NextYear, id, len(pv.Controls), len(pv.Unfinished), decide)
			for _, r := range pv.Risks {
				fmt.Fprintf(out, "Bedöm risken %q för %d (riskvärde %d år %d).\n", r.Risk.Title(), pv.NextYear, r.Value, pv.Year)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&board, "board", "", "nämndens namn eller kortnamn")
	cmd.Flags().IntVar(&year, "year", 0, "planens år")
	cmd.Flags().StringVar(&decide, "decide", "", "beslut för alla ofärdiga åtgärder: continue, close eller transfer")
	cmd.Flags().StringVar(&reason, "reason", "", "motivering när åtgärderna avslutas (close)")
	cmd.Flags().StringVar(&to, "to", "", "nämnden som tar över åtgärderna (transfer)")
	for _, f := range []string{"board", "year", "decide"} {
		_ = cmd.MarkFlagRequired(f)
	}
	return cmd
}

func carryTransferCommand(app *pocketbase.PocketBase) *cobra.Command {
	var board, now string
	cmd := &cobra.Command{
		Use:   "transfer",
		Short: "Överför en nämnds risker, öppna kontrollpunkter och åtgärder till dess efterträdare",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			b, err := findBoard(app, board)
			if err != nil {
				return err
			}
			day := time.Now()
			if now != "" {
				if day, err = time.Parse(time.DateOnly, now); err != nil {
					return fmt.Errorf("ange --now som ÅÅÅÅ-MM-DD, inte %q", now)
				}
			}
			s, err := carry.Transfer(app, model.System, b.Id, day)
			if err != nil {
				return err
			}
			if s.Empty() {
				fmt.Fprintf(cmd.OutOrStdout(), "Inget kvar att överföra från %s.\n", model.BoardInText(b))
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Överfört från %s till %s: %d risker, %d kontrollpunkter utan resultat, %d öppna åtgärder; %d kontrollpunkter kopierade.\n",
				model.BoardInText(b), s.To.InText(), len(s.Risks), len(s.Controls), len(s.Actions), len(s.Copies))
			return nil
		},
	}
	cmd.Flags().StringVar(&board, "board", "", "den överlämnande nämndens namn eller kortnamn")
	cmd.Flags().StringVar(&now, "now", "", "dagens datum (ÅÅÅÅ-MM-DD), för att välja mottagarens utkast")
	_ = cmd.MarkFlagRequired("board")
	return cmd
}
