package cli

import (
	"fmt"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"ikplan/internal/ops"
)

// versionCommand prints ikplan's version and commit, and the Go and
// PocketBase versions it was built with. The root command's --version
// says the same on one line (PocketBase's own says "(untracked)").
func versionCommand(app *pocketbase.PocketBase) *cobra.Command {
	app.RootCmd.Version = ops.ReadBuild().Short()
	return &cobra.Command{
		Use:   "version",
		Short: "Visar ikplans version och commit, och vilken Go och PocketBase den byggdes med",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprint(cmd.OutOrStdout(), ops.ReadBuild().String())
			return nil
		},
	}
}
