package auditpkg

import (
	"encoding/json"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// parentFields are the fields that tie a record to the one above it in a
// plan: a deleted record's history row keeps them.
var parentFields = []string{model.FieldControlPlan, model.FieldResultControl, model.FieldDeviationResult,
	model.FieldActionDeviation, model.FieldSampleItemSample}

// history is the change history of the plan's records that the maker may
// read: the plan and everything under it, deleted records included (a
// delete's history row names the record it was under).
func (p *Package) history(a access, t *tree) ([]*core.Record, error) {
	ids := map[string]bool{}
	for id := range t.byId {
		ids[id] = true
	}
	deletes, err := a.list(model.AuditLog, "board = {:b} && op = 'delete'", "", dbx.Params{"b": t.board.Id})
	if err != nil {
		return nil, fmt.Errorf("failed to read the deletions of %q: %w", t.board.Id, err)
	}
	// a deleted record under a deleted record: go on until nothing is added
	for added := true; added; {
		added = false
		for _, d := range model.AsAuditEntrys(deletes) {
			if ids[d.RecordId()] {
				continue
			}
			var changes map[string][2]any
			if json.Unmarshal([]byte(d.Changes()), &changes) != nil {
				continue
			}
			for _, f := range parentFields {
				if parent, ok := changes[f][0].(string); ok && ids[parent] {
					ids[d.RecordId()] = true
					added = true
					break
				}
			}
		}
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := a.history(t.board.Id, list)
	if err != nil {
		return nil, fmt.Errorf("failed to read the history of plan %q: %w", t.plan.Id, err)
	}
	return rows, nil
}
