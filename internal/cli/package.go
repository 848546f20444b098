package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/auditpkg"
	"ikplan/internal/i18n"
)

// packageCommand is `ikplan package key|verify|build`: the auditor's
// package (revisionspaket) from the command line, and its check (scope
// "package").
func packageCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "package",
		Short: "Revisionspaket: skriver, kontrollerar och visar nyckeln som signerar dem",
	}
	cmd.AddCommand(packageKeyCommand(app), packageVerifyCommand(app), packageBuildCommand(app))
	return cmd
}

func packageKeyCommand(app *pocketbase.PocketBase) *cobra.Command {
	return &cobra.Command{
		Use:   "key",
		Short: "Skriver ut installationens publika nyckel och dess fingeravtryck (nyckeln skapas om den saknas)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := auditpkg.EnsureKey(app.DataDir())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Publik nyckel (Ed25519, base64): %s\n", auditpkg.PublicText(k.Public()))
			fmt.Fprintf(out, "Fingeravtryck: %s\n", auditpkg.Fingerprint(k.Public()))
			fmt.Fprintf(out, "Den privata nyckeln ligger i %s och lämnar aldrig servern.\n", filepath.Join(app.DataDir(), auditpkg.KeyFile))
			return nil
		},
	}
}

func packageVerifyCommand(app *pocketbase.PocketBase) *cobra.Command {
	return &cobra.Command{
		Use:   "verify ZIP",
		Short: "Kontrollerar ett revisionspaket: varje fil mot manifestet, signaturen och varje byte",
		Long: "Kontrollerar att varje fil i paketet har den storlek och SHA-256 som manifest.json anger, att inga filer saknas eller " +
			"har lagts till, att signaturen i manifest.sig är gjord över manifest.json med nyckeln i manifest.pub, och att zip-filen " +
			"är skriven byte för byte som ikplan skriver den. Körs kommandot bredvid installationens datamapp (--dir) sägs om nyckeln " +
			"är installationens; annars skrivs nyckelns fingeravtryck ut, att jämföra med det som visas under Mitt konto. " +
			"Avslutar med en felkod och ett meddelande som namnger filen om något har ändrats.",
		Example: "  ikplan package verify revisionspaket-2024-kommunstyrelsen.zip",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errors.New("ange paketet: ikplan package verify FIL.zip")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := auditpkg.VerifyFile(args[0])
			if err != nil {
				if auditpkg.IsRefusal(err) {
					return fmt.Errorf("paketet %s godtas inte: %w", args[0], err)
				}
				return fmt.Errorf("paketet %s kan inte läsas: %w", args[0], err)
			}
			out := cmd.OutOrStdout()
			fp := auditpkg.Fingerprint(c.Key)
			fmt.Fprintf(out, "Paketet är oförändrat: alla %d filer stämmer med manifest.json, och signaturen är giltig.\n", len(c.Manifest.Files))
			fmt.Fprintf(out, "Skapat %s för %s, år %d.\n", c.Manifest.Created.Format("2006-01-02 15:04 UTC"), c.Manifest.MadeFor, c.Manifest.Year)
			fmt.Fprintf(out, "Nyckelns fingeravtryck: %s\n", fp)
			own, ok, err := auditpkg.LoadKey(app.DataDir())
			switch {
			case err != nil:
				return err
			case !ok:
				fmt.Fprintf(out, "Det finns ingen nyckel i datamappen %s: jämför fingeravtrycket med det som visas under Mitt konto i ikplan.\n", app.DataDir())
			case bytes.Equal(own.Public(), c.Key):
				fmt.Fprintf(out, "Nyckeln är den här installationens (datamappen %s).\n", app.DataDir())
			default:
				return fmt.Errorf("paketet är signerat med en annan nyckel än den här installationens (datamappen %s har fingeravtrycket %s, paketet %s): det kommer från en annan installation eller har signerats om",
					app.DataDir(), auditpkg.Fingerprint(own.Public()), fp)
			}
			return nil
		},
	}
}

func packageBuildCommand(app *pocketbase.PocketBase) *cobra.Command {
	var yearText, board, output, lang string
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Skriver revisionspaketet för ett år (och en nämnd) som en zip-fil, med allt som en superanvändare ser",
		Long: "Skriver samma paket som revisorer laddar ned under Revisionspaket, men med allt i databasen som en superanvändare: " +
			"konfidentiella kontrollpunkter, deras underlag och hela ändringshistoriken. --board är nämndens namn eller kortnamn; " +
			"utan --board kommer alla nämnders planer för året med, och sammanställningen. Filen skrivs under ett tillfälligt namn " +
			"och får sitt namn först när den är klar.",
		Example: "  ikplan package build --year 2024 --board Kommunstyrelsen --out revisionspaket-2024.zip",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			year, err := strconv.Atoi(strings.TrimSpace(yearText))
			if err != nil || year < 2000 || year > 2100 {
				return errors.New("ange år med --year, till exempel --year 2024")
			}
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			req := auditpkg.Request{Year: year, Lang: i18n.Normalize(lang), Now: time.Now()}
			if strings.TrimSpace(board) != "" {
				b, err := findBoard(app, board)
				if err != nil {
					return err
				}
				req.Board = b.Id
			}
			p, err := auditpkg.Prepare(app, req)
			if errors.Is(err, auditpkg.ErrNoPlan) && req.Board != "" {
				return fmt.Errorf("det finns ingen plan för %d för %s: välj ett annat år", year, board)
			}
			if errors.Is(err, auditpkg.ErrNoPlan) {
				return fmt.Errorf("det finns ingen plan för %d: välj ett annat år", year)
			}
			if err != nil {
				return err
			}
			if output == "" {
				output = p.FileName()
			}
			k, err := auditpkg.EnsureKey(app.DataDir())
			if err != nil {
				return err
			}
			if err := writeStreamed(output, func(f *os.File) error {
				return p.Write(f, k, "kommandoraden (som superanvändare)")
			}); err != nil {
				return err
			}
			st, err := os.Stat(output)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Skrev %s (%d kB), signerat med nyckeln %s.\n", output, (st.Size()+1023)/1024, auditpkg.Fingerprint(k.Public()))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&yearText, "year", "", "året, till exempel 2024")
	f.StringVar(&board, "board", "", "nämndens namn eller kortnamn; utan: alla nämnder")
	f.StringVarP(&output, "out", "o", "", "zip-filen att skriva (utan: revisionspaket-ÅR[-nämnd].zip i aktuell mapp)")
	f.StringVar(&lang, "lang", i18n.Sv, "språk för flikarnas rubriker och LASMIG.txt: sv eller en")
	return cmd
}
