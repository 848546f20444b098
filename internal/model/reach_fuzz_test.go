package model_test

import (
	"errors"
	"testing"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// FuzzCheckReach: whatever a REST client sends as a filter or a sort,
// CheckReach answers — nil or a *ReachError naming the parameter, the
// same answer twice — and never panics (it runs before PocketBase reads
// the request, on every list and subscription).
func FuzzCheckReach(f *testing.F) {
	for _, s := range []string{
		"title ~ 'x'", "controls_via_plan.title !~ 'Cyber'", "@collection.controls.title ~ 'x'",
		"owner.boards.name != 'x'", "boards:each ?= 'x'", "strftime('%Y', due) = '2024'",
		"plan.board.name ~ 'K' && (year > 2020 || title = \"\")", "@request.auth.boards.name ~ 'K'",
		"geoDistance(a, b, c, d) < 1", "((((", "controls_via_plan:length > 1", "id = '' || @rowid > 1",
		"-plan.year,number", "@random", "a.b.c.d.e.f.g.h",
	} {
		f.Add("plans", s, s)
		f.Add("controls", s, "")
		f.Add("users", "", s)
	}
	app := testapp.New(f)
	reader, err := app.FindRecordById(model.Users, testapp.Fix(f).Users["lasare"])
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, collection, filter, sort string) {
		col, err := app.FindCachedCollectionByNameOrId(collection)
		if err != nil {
			return
		}
		info := access.RequestInfo(reader)
		first := model.CheckReach(app, col, info, filter, sort)
		second := model.CheckReach(app, col, info, filter, sort)
		var re *model.ReachError
		if first != nil && (!errors.As(first, &re) || (re.Param != "filter" && re.Param != "sort") || re.Field == "") {
			t.Fatalf("Expected nil or a *ReachError naming its parameter and field, got %#v", first)
		}
		if (first == nil) != (second == nil) || first != nil && first.Error() != second.Error() {
			t.Fatalf("Expected the same answer twice, got %v and %v", first, second)
		}
	})
}
