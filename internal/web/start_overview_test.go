package web_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// (moved from internal/remind with the overview, issue 16 point 10)

// overviewExpected is what the start page's lists hold for user by remind.Open
// and Classify, one item at a time, as the page reckoned them before it
// counted in the database: list name → item ids.
func overviewExpected(t testing.TB, app core.App, user *core.Record, now time.Time, days []int) (map[string][]string, int) {
	t.Helper()
	all, err := remind.Open(remind.As(app, user), "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	everyone := user.GetString("role") == model.RoleCoordinator
	due := 0
	for _, it := range all {
		d, dated := remind.Classify(it, days, now)
		mine := it.Owner == user.Id
		if d.Kind == remind.Overdue && (mine || everyone) {
			out[web.ListOverdue] = append(out[web.ListOverdue], it.Id)
		}
		if !mine {
			continue
		}
		if dated && d.Kind != remind.Overdue {
			out[web.ListSoon] = append(out[web.ListSoon], it.Id)
		}
		if d.Kind == remind.Overdue || d.Kind == remind.DueToday {
			due++
		}
		if it.Collection == model.Controls {
			out[web.ListControls] = append(out[web.ListControls], it.Id)
		} else {
			out[web.ListActions] = append(out[web.ListActions], it.Id)
		}
	}
	return out, due
}

// TestOverviewAgreesWithOpen checks, for every demo account on data with
// something overdue, due today, due soon and unreported, that each list's
// count and items and the menu's count are those that listing every open
// item one by one gives, and that a list shows only its first items.
func TestOverviewAgreesWithOpen(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for key, d := range map[string]string{"11": "2025-02-01", "2": "2025-03-15", "10": "2025-03-20"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": d, "deadline_precision": "day"}); err != nil {
			t.Fatal(err)
		}
	}
	// control 5 unreported and overdue; control 12 (confidential) unreported
	for _, key := range []string{"5", "12"} {
		if err := testapp.Delete(app, model.Results, f.Results[key]); err != nil {
			t.Fatal(err)
		}
	}
	// a 2024 control due in 2025, which the rules no longer let a plan decide
	if err := testapp.ForceValues(app, model.Controls, f.Controls["5"], map[string]any{"due": "2025-03-01 00:00:00.000Z"}); err != nil {
		t.Fatal(err)
	}
	now := testapp.Clock()
	days := remind.Days(app)
	for _, account := range []string{"samordnare", "ansvarig", "raddning", "it", "lasare", "revisor", "annan"} {
		t.Run(account, func(t *testing.T) {
			user, err := app.FindRecordById(model.Users, f.Users[account])
			if err != nil {
				t.Fatal(err)
			}
			want, wantDue := overviewExpected(t, app, user, now, days)
			o, err := web.NewOverview(app, user, now, days)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range web.StartLists {
				part, err := o.List(name, 0, 2)
				if err != nil {
					t.Fatal(err)
				}
				if part.Total != len(want[name]) {
					t.Errorf("Expected %d items in %s, got %d", len(want[name]), name, part.Total)
				}
				if len(part.Items) != min(2, len(want[name])) {
					t.Errorf("Expected the first %d items of %s, got %d", min(2, len(want[name])), name, len(part.Items))
				}
				whole, err := o.List(name, 0, 100)
				if err != nil {
					t.Fatal(err)
				}
				got := itemIds(whole.Items)
				if !sameSet(got, want[name]) {
					t.Errorf("Expected %s to hold %v, got %v", name, want[name], got)
				}
			}
			n, err := o.DueCount()
			if err != nil || n != wantDue {
				t.Errorf("Expected the overview's due count %d, got %d (%v)", wantDue, n, err)
			}
			if n, err := remind.CountDue(app, user, now); err != nil || n != wantDue {
				t.Errorf("Expected CountDue %d, got %d (%v)", wantDue, n, err)
			}
		})
	}
}

// TestOverviewPlans checks each adopted plan's controls, the unreported
// ones and whether something is late, as each account sees them, with the
// confidential control 12 unreported past its due date: late for those who
// see it; a reader counts neither the control nor its lateness.
func TestOverviewPlans(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	if err := testapp.Delete(app, model.Results, f.Results["12"]); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		account string
		want    string
	}{
		{"samordnare", "20 controls, 1 unreported, late true"},
		{"it", "20 controls, 1 unreported, late true"},
		{"lasare", "19 controls, 0 unreported, late false"},
		{"annan", ""},
	} {
		user, err := app.FindRecordById(model.Users, f.Users[c.account])
		if err != nil {
			t.Fatal(err)
		}
		o, err := web.NewOverview(app, user, testapp.Clock(), remind.DefaultDays)
		if err != nil {
			t.Fatal(err)
		}
		plans, err := o.Plans()
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, p := range plans {
			got += fmt.Sprintf("%d controls, %d unreported, late %v", p.Controls, p.Unreported, p.Late)
		}
		if got != c.want {
			t.Errorf("Expected %s to see %q, got %q", c.account, c.want, got)
		}
	}
}

func itemIds(items []remind.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Id
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestOverviewOfTheConfidentialAction: on the demo's day only the action
// under the confidential control 12 is overdue. Its owner has it on their
// lists and the coordinator on the overdue list, and the plan is late for
// both; for the reader and the other board's user no list names it and
// the plan is not late; the auditor has no lists of their own.
func TestOverviewOfTheConfidentialAction(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for _, c := range []struct {
		account string
		lists   []string // the lists that hold action 12
		due     int      // the menu's count: overdue or due today, the user's own
		plans   string
	}{
		{"samordnare", []string{web.ListOverdue}, 0, "20 controls, 0 unreported, late true"},
		{"it", []string{web.ListOverdue, web.ListActions}, 1, "20 controls, 0 unreported, late true"},
		{"revisor", nil, 0, "20 controls, 0 unreported, late true"},
		{"lasare", nil, 0, "19 controls, 0 unreported, late false"},
		{"annan", nil, 0, ""},
	} {
		t.Run(c.account, func(t *testing.T) {
			user := testapp.Find(t, app, model.Users, f.Users[c.account])
			o, err := web.NewOverview(app, user, testapp.Clock(), remind.DefaultDays)
			if err != nil {
				t.Fatal(err)
			}
			var lists []string
			for _, name := range web.StartLists {
				part, err := o.List(name, 0, 100)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range part.Items {
					if it.Id == f.Actions["12"] {
						lists = append(lists, name)
						if it.Title != testapp.SecretAction+"." {
							t.Errorf("Expected action 12's description as its title, got %q", it.Title)
						}
					} else if leaks := testapp.Leaks(it.Title); leaks != nil {
						t.Errorf("Expected nothing confidential in %s's other items, got %q", name, it.Title)
					}
				}
			}
			if !slices.Equal(lists, c.lists) {
				t.Errorf("Expected action 12 on the lists %v, got %v", c.lists, lists)
			}
			if n, err := o.DueCount(); err != nil || n != c.due {
				t.Errorf("Expected the menu's due count %d, got %d (%v)", c.due, n, err)
			}
			plans, err := o.Plans()
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, p := range plans {
				got += fmt.Sprintf("%d controls, %d unreported, late %v", p.Controls, p.Unreported, p.Late)
			}
			if got != c.plans {
				t.Errorf("Expected the plans %q, got %q", c.plans, got)
			}
		})
	}
}
