package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"ikplan/internal/i18n"
	"ikplan/internal/report"
)

// reportKinds are the documents `ikplan report` writes.
var reportKinds = []string{"followup", "plan", "rollup", "memo"}

func reportCommand(app *pocketbase.PocketBase) *cobra.Command {
	var board, yearText, format, output string
	var public bool
	cmd := &cobra.Command{
		Use:   "report followup|plan|rollup|memo",
		Short: "Skriver uppföljningsrapporten, plandokumentet eller sammanställningen till kommunstyrelsen",
		Long: "Skriver ett dokument som nämnden antar: uppföljningen (followup) eller planen (plan) för en nämnd och ett år, " +
			"eller sammanställningen av alla nämnders internkontroll ett år (rollup), eller tjänsteskrivelsen som lägger fram " +
			"uppföljningen för nämnden (memo). --board är nämndens namn eller kortnamn. " +
			"Utan -o skrivs filen i aktuell mapp med ett namn som uppfoljning-kommunstyrelsen-2024.html; -o - skriver till standard ut.",
		Example: "  ikplan report followup --board Kommunstyrelsen --year 2024 --format html -o uppfoljning.html\n" +
			"  ikplan report rollup --year 2024 --public -o -",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(reportKinds, args[0]) {
				return fmt.Errorf("ange vilket dokument: %s", strings.Join(reportKinds, ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := args[0]
			year, err := strconv.Atoi(strings.TrimSpace(yearText))
			if err != nil || year < 2000 || year > 2100 {
				return errors.New("ange år med --year, till exempel --year 2024")
			}
			if kind != "rollup" && strings.TrimSpace(board) == "" {
				return errors.New("ange nämnd med --board, med namn eller kortnamn")
			}
			excel := strings.EqualFold(format, "xlsx")
			if excel && kind != "plan" {
				return errors.New("xlsx finns för planen: ikplan report plan --format xlsx")
			}
			if !excel {
				if err := report.CheckFormat(format); err != nil {
					return err
				}
			}
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			var buf bytes.Buffer
			var name, title string
			if excel {
				if name, title, err = planWorkbook(app, board, year, public, &buf); err != nil {
					return err
				}
			} else {
				d, n, err := buildReport(app, kind, board, year, public, time.Now())
				if err != nil {
					return err
				}
				if err := report.Write(format, &buf, d); err != nil {
					return fmt.Errorf("dokumentet kunde inte skrivas som %s: %w", format, err)
				}
				name, title = n, d.Title
			}
			if output == "-" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			if output == "" {
				output = name + "." + strings.ToLower(format)
			}
			if err := writeAtomic(output, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Skrev %s (%s, %d kB).\n", output, title, (buf.Len()+1023)/1024)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&board, "board", "", "nämndens namn eller kortnamn (behövs inte för rollup)")
	f.StringVar(&yearText, "year", "", "året, till exempel 2024")
	f.StringVar(&format, "format", "html", "format: "+strings.Join(report.Formats(), ", ")+", xlsx (planen)")
	f.StringVarP(&output, "output", "o", "", "filen att skriva; - för standard ut")
	f.BoolVar(&public, "public", false, "offentlig version: utan punkter med sekretess")
	return cmd
}

// planWorkbook writes a board's plan of the year as Excel, without the
// confidential controls when public, and returns its file name and title.
func planWorkbook(app core.App, boardName string, year int, public bool, w io.Writer) (name, title string, err error) {
	b, err := report.BoardByName(app, boardName)
	if err != nil {
		return "", "", err
	}
	board := model.AsBoard(b)
	plan, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": b.Id, "y": year})
	if err != nil {
		return "", "", fmt.Errorf("%s har ingen internkontrollplan för %d", board.Name(), year)
	}
	filter := "plan = {:p}"
	if public {
		filter += " && confidential = false"
	}
	controls, err := app.FindRecordsByFilter(model.Controls, filter, "position,section,number", 0, 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return "", "", fmt.Errorf("failed to load the controls: %w", err)
	}
	if err := report.ExportControls(app, plan, controls, w); err != nil {
		return "", "", err
	}
	suffix := strconv.Itoa(year)
	if public {
		suffix += "-offentlig"
	}
	return "internkontrollplan-" + report.Slug(board.Name()) + "-" + suffix, fmt.Sprintf("%s internkontrollplan %d", model.UpperFirst(model.BoardGenitive(b)), year), nil
}

// buildReport builds the document and its file name without extension.
func buildReport(app core.App, kind, boardName string, year int, public bool, now time.Time) (*report.Doc, string, error) {
	suffix := strconv.Itoa(year)
	if public {
		suffix += "-offentlig"
	}
	if kind == "rollup" {
		d, err := report.RollUp(app, year, public, now)
		return d, "sammanstallning-" + suffix, err
	}
	b, err := report.BoardByName(app, boardName)
	if err != nil {
		return nil, "", err
	}
	slug := report.Slug(model.AsBoard(b).Name())
	switch kind {
	case "plan":
		d, err := report.PlanDoc(app, b.Id, year, public)
		return d, "internkontrollplan-" + slug + "-" + suffix, err
	case "memo":
		d, err := report.Memo(app, b.Id, year, public, i18n.Sv, now)
		return d, "tjansteskrivelse-" + slug + "-" + suffix, err
	}
	d, err := report.FollowUp(app, b.Id, year, public)
	return d, "uppfoljning-" + slug + "-" + suffix, err
}
