package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/gen"
)

// genCommand is "ikplan gen": a large generated data set for measurements.
func genCommand(app *pocketbase.PocketBase) *cobra.Command {
	var boards, years, controls int
	var seed uint64
	var password string
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Genererar ett stort, realistiskt dataset i en tom datamapp (för prestandamätning)",
		Long: "Genererar nämnder med förvaltningar, användare, risker med bedömningar och en internkontrollplan per " +
			"nämnd och år med kontrollpunkter, resultat, avvikelser och åtgärder, genom samma regler som all annan " +
			"skrivning. Samma --seed ger samma data. Referensdatasetet är --boards 30 --years 10 --controls 40. " +
			"Kräver en tom datamapp (--dir).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			sum, err := gen.Run(app, rand.New(rand.NewPCG(seed, seed)), time.Now(), gen.Options{
				Boards: boards, Years: years, Controls: controls, Password: password, Progress: os.Stderr, // PocketBase silences the command's own error writer
			})
			if err != nil {
				if errors.Is(err, gen.ErrNotEmpty) {
					return err
				}
				return fmt.Errorf("data kunde inte genereras: %w", err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Genererat i %s på %s:\n", app.DataDir(), sum.Elapsed.Round(time.Second))
			fmt.Fprintf(out, "  %d nämnder, %d förvaltningar, %d användare, %d risker, %d riskbedömningar\n",
				sum.Boards, sum.Units, sum.Users, sum.Risks, sum.Assessments)
			fmt.Fprintf(out, "  %d planer %v, %d kontrollpunkter, %d resultat (%d ej genomförda)\n",
				sum.Plans, sum.PlansByStatus, sum.Controls, sum.Results, sum.NotPerformed)
			fmt.Fprintf(out, "  %d avvikelser (%d väsentliga), %d åtgärder %v, varav %d försenade\n",
				sum.Deviations, sum.Significant, sum.Actions, sum.ActionsByStatus, sum.Overdue)
			fmt.Fprintf(out, "\nDemokonton (lösenord: %s):\n", password)
			for _, a := range gen.DemoAccounts {
				fmt.Fprintf(out, "  %-30s %-12s %s\n", a.Email, a.Role, a.Name)
			}
			fmt.Fprintln(out, "Övriga konton: samordnare.bN, lasare.bN, revisor.bN och agare1.bN–agare7.bN @ikplan.test för nämnd N.")
			fmt.Fprintln(out, "\nStarta med: ikplan serve --dir", app.DataDir())
			return nil
		},
	}
	cmd.Flags().IntVar(&boards, "boards", 30, "antal nämnder")
	cmd.Flags().IntVar(&years, "years", 10, "antal år med planer, till och med innevarande år")
	cmd.Flags().IntVar(&controls, "controls", 40, "kontrollpunkter per plan")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "slumpfrö; samma frö ger samma data")
	cmd.Flags().StringVar(&password, "password", DefaultDemoPassword, "lösenord för alla konton (minst 12 tecken)")
	return cmd
}
