package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/sample"
)

// sampleCommand is `ikplan sample verify`: the draw of a sample repeated
// from the population file and the seed, without the database, so that an
// auditor can check what ikplan stored (scope "sample").
func sampleCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sample",
		Short: "Stickprov: upprepar en dragning från populationsfilen och fröet",
	}
	var seed, method, column string
	var size int
	var asJSON bool
	verify := &cobra.Command{
		Use:   "verify FILE",
		Short: "Drar om ett stickprov ur populationsfilen med fröet och skriver ut de dragna raderna",
		Long: "Läser populationen (CSV eller Excel, som den laddades upp) och drar stickprovet med fröet, storleken och metoden " +
			"som ikplan sparade med resultatet. Skriver filens kontrollsummor (SHA-256 av filen och av dess kanoniska form) och " +
			"de dragna raderna i dragningsordning, med radnummer och värden, precis som ikplan sparade dem. " +
			"Varje rad får nyckeln HMAC-SHA256(fröet, radnumret som decimala siffror). Metoden srs: stickprovet är de rader som har " +
			"lägst nyckel, i nyckelordning. Metoden stratified (--column är stratumkolumnen): storleken fördelas på strata " +
			"proportionellt med största-rest-avrundning, minst en per stratum när storleken räcker, och inom varje stratum dras " +
			"raderna med lägst nyckel. Metoden mus (--column är beloppskolumnen): monetärt urval, systematiskt över beloppen med " +
			"starten HMAC-SHA256(fröet, \"mus\"); poster som är minst intervallet dras alltid. Paketet internal/sample beskriver " +
			"varje metod exakt.",
		Example: "  ikplan sample verify leverantorsfakturor.csv --seed 07b59ca5…b634 --size 10\n" +
			"  ikplan sample verify leverantorsfakturor.csv --seed 07b59ca5…b634 --size 12 --method stratified --column Leverantör\n" +
			"  ikplan sample verify leverantorsfakturor.xlsx --seed 07b59ca5…b634 --size 10 --method mus --column Belopp",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errors.New("ange populationsfilen: ikplan sample verify FIL --seed … --size …")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readLimited(args[0])
			if err != nil {
				return err
			}
			key, err := sample.ParseSeed(seed)
			if err != nil {
				return err
			}
			p, err := sample.Read(data)
			if err != nil {
				return err
			}
			drawn, err := sample.Draw(p, key, size, method, column)
			if err != nil {
				return err
			}
			if sample.NeedsColumn(method) {
				i, _ := p.Column(column)
				column = p.Header[i]
			}
			return writeDraw(cmd.OutOrStdout(), p, drawn, strings.ToLower(seed), method, column, asJSON)
		},
	}
	verify.Flags().StringVar(&seed, "seed", "", "fröet, 64 hexadecimala tecken, som det står vid stickprovet")
	verify.Flags().IntVar(&size, "size", 0, "stickprovets storlek")
	verify.Flags().StringVar(&method, "method", sample.MethodSRS, "urvalsmetoden: srs (slumpmässigt urval utan återläggning), stratified (stratifierat urval) eller mus (monetärt urval)")
	verify.Flags().StringVar(&column, "column", "", "kolumnen som urvalet görs efter: stratumkolumnen (stratified) eller beloppskolumnen (mus), som rubriken står i filen")
	verify.Flags().BoolVar(&asJSON, "json", false, "skriv resultatet som JSON")
	cmd.AddCommand(verify)
	return cmd
}

// readLimited reads a population file, refusing one beyond the limit
// before reading it whole.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("filen %s kunde inte öppnas: %w", path, err)
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, sample.MaxBytes+1))
}

// Drawn is the printed draw, as `--json` writes it.
type Drawn struct {
	SHA256    string      `json:"sha256"`
	Canonical string      `json:"canonical"`
	Rows      int         `json:"rows"`
	Method    string      `json:"method"`
	Column    string      `json:"column,omitempty"`
	Seed      string      `json:"seed"`
	Size      int         `json:"size"`
	Header    []string    `json:"header"`
	Items     []DrawnItem `json:"items"`
}

// DrawnItem is one drawn row: its place in the draw, its row number in the
// file, and its cells.
type DrawnItem struct {
	Position int      `json:"position"`
	Row      int      `json:"row"`
	Data     []string `json:"data"`
}

func writeDraw(w io.Writer, p *sample.Population, drawn []int, seed, method, column string, asJSON bool) error {
	d := Drawn{SHA256: p.SHA256, Canonical: p.Canonical, Rows: len(p.Rows), Method: method, Column: column, Seed: seed, Size: len(drawn), Header: p.Header}
	for i, idx := range drawn {
		d.Items = append(d.Items, DrawnItem{Position: i + 1, Row: p.Rows[idx].Number, Data: p.Rows[idx].Cells})
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	fmt.Fprintf(w, "SHA-256 (filen):          %s\n", d.SHA256)
	fmt.Fprintf(w, "SHA-256 (kanonisk form):  %s\n", d.Canonical)
	fmt.Fprintf(w, "Rader i populationen:     %d\n", d.Rows)
	fmt.Fprintf(w, "Metod:                    %s\n", d.Method)
	if d.Column != "" {
		fmt.Fprintf(w, "Kolumn:                   %s\n", d.Column)
	}
	fmt.Fprintf(w, "Frö:                      %s\n", d.Seed)
	fmt.Fprintf(w, "Stickprovets storlek:     %d\n\n", d.Size)
	fmt.Fprintf(w, "Nr\tRad\t%s\n", strings.Join(d.Header, "\t"))
	for _, it := range d.Items {
		fmt.Fprintf(w, "%d\t%d\t%s\n", it.Position, it.Row, strings.Join(it.Data, "\t"))
	}
	return nil
}
