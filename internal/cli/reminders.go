package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/remind"
)

func remindersCommand(app *pocketbase.PocketBase) *cobra.Command {
	var dryRun bool
	var day string
	cmd := &cobra.Command{
		Use:   "reminders",
		Short: "Skickar (eller listar) dagens påminnelser om kontroller och åtgärder",
		Long: "Skickar påminnelserna som är aktuella i dag, som det dagliga jobbet gör kl. 06.00: till var och en " +
			"ett e-postmeddelande om egna kontroller och åtgärder som snart ska vara klara, ska vara klara i dag eller är " +
			"försenade, och till varje IK-samordnare en sammanställning av det som är försenat i deras nämnder. " +
			"Det som redan har skickats skickas inte igen. Med --dry-run visas bara vem som skulle få vad.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			now := time.Now()
			if day != "" {
				d, err := time.ParseInLocation(time.DateOnly, day, remind.Stockholm())
				if err != nil {
					return fmt.Errorf("--now ska vara ett datum som ÅÅÅÅ-MM-DD, t.ex. 2025-06-20, inte %q", day)
				}
				now = d.Add(6 * time.Hour) // as the daily job runs
			}
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			out := cmd.OutOrStdout()
			sum, err := remind.Run(app, now, dryRun, out)
			if err != nil {
				return fmt.Errorf("påminnelserna kunde inte skickas: %w", err)
			}
			when := remind.Today(now).Format(time.DateOnly)
			switch {
			case dryRun:
				fmt.Fprintf(out, "Provkörning för %s: %s med %s skulle skickas. Inget skickades.\n", when, emails(sum.Emails), remind.Reminders(sum.Items))
			default:
				fmt.Fprintf(out, "%s: %s med %s skickades.\n", when, emails(sum.Emails), remind.Reminders(sum.Items))
			}
			if sum.NoURL > 0 {
				verb := "skickades inte"
				if dryRun {
					verb = "skulle inte skickas"
				}
				fmt.Fprintf(out, "%s %s: ikplans webbadress är inte inställd, så länkarna i dem skulle inte fungera. "+
					"Ange webbadressen i PocketBase-panelen (/_/ → Settings → Application → Application URL, t.ex. https://ikplan.kommun.se) "+
					"så skickas de vid nästa körning.\n", upperFirst(emails(sum.NoURL)), verb)
			}
			if sum.Skipped > 0 {
				fmt.Fprintf(out, "%d saknar e-postadress och fick inget.\n", sum.Skipped)
			}
			if sum.Failed > 0 {
				return fmt.Errorf("%s kunde inte skickas; de försöks igen vid nästa körning (se loggen)", emails(sum.Failed))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "visa vem som skulle få vad, utan att skicka eller anteckna något")
	cmd.Flags().StringVar(&day, "now", "", "kör som om det vore den dagen (ÅÅÅÅ-MM-DD); standard är i dag")
	return cmd
}

func emails(n int) string {
	if n == 1 {
		return "1 e-postmeddelande"
	}
	return fmt.Sprintf("%d e-postmeddelanden", n)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
