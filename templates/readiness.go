package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// ReadinessTags name the state of a plan as tags: what stands between it
// and its next step ("Utkast – 4 saknar ansvarig", "3 saknar resultat",
// "2 försenade") or that nothing does ("Klar att anta", "Klar att
// återrapportera"); a reported or archived plan shows its status. Words,
// never a colour.
func ReadinessTags(lang string, r model.Readiness) []Tag {
	t := func(class, key string, n int) Tag {
		if n == 1 && i18n.Has(key+"_one") {
			key += "_one"
		}
		return Tag{i18n.T(lang, key, n), class}
	}
	switch r.Status {
	case model.PlanDraft:
		switch {
		case r.Count(model.BlockNoControls) > 0:
			return []Tag{{i18n.T(lang, "ready.tag.no_controls"), "tag--grey"}}
		case r.Count(model.BlockNoOwner) > 0:
			return []Tag{t("tag--yellow", "ready.tag.no_owner", r.Count(model.BlockNoOwner))}
		case r.Count(model.BlockNoDue) > 0:
			return []Tag{t("tag--yellow", "ready.tag.no_due", r.Count(model.BlockNoDue))}
		case r.Count(model.BlockNoMethod) > 0:
			return []Tag{t("tag--yellow", "ready.tag.no_method", r.Count(model.BlockNoMethod))}
		}
		return []Tag{{i18n.T(lang, "ready.tag.adoptable"), "tag--green"}}
	case model.PlanAdopted:
		var out []Tag
		if r.Ready() {
			out = append(out, Tag{i18n.T(lang, "ready.tag.reportable"), "tag--green"})
		}
		if n := r.Count(model.BlockNoResult); n > 0 {
			out = append(out, t("tag--blue", "ready.tag.no_result", n))
		}
		if n := r.Count(model.BlockNoDeviation); n > 0 {
			out = append(out, t("tag--yellow", "ready.tag.no_deviation", n))
		}
		if n := r.Count(model.BlockNoAction); n > 0 {
			out = append(out, t("tag--yellow", "ready.tag.no_action", n))
		}
		if n := r.Late + r.LateActions; n > 0 {
			out = append(out, t("tag--red", "ready.tag.late", n))
		}
		return out
	}
	return []Tag{PlanTag(lang, r.Status)}
}

// BlockerText is a blocker as a sentence of its own: "Kontrollpunkt 3
// saknar ansvarig."
func BlockerText(lang string, b model.Blocker) string {
	s := i18n.T(lang, b.Key, b.Args...)
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.TrimSuffix(s[n:], ".") + "."
}

// BlockerHref is where a blocker is put right: its control's page, or the
// plan's list of controls.
func BlockerHref(planId string, b model.Blocker) string {
	if b.Control != "" {
		return "/controls/" + b.Control
	}
	return "/plans/" + planId + "#controls"
}

// shownBlockers is how many blockers a step lists; the rest are counted.
const shownBlockers = 10

// Step is one step of a plan's task list: its name, its status, whether
// it is the one the plan stands at, and, for that one, what remains.
type Step struct {
	N        int
	Name     string
	Status   Tag
	Current  bool
	Href     string // where the step is done on the page: "#controls"
	Blockers []model.Blocker
}

// PlanSteps are a plan's steps — 1 controls, 2 adoption, 3 follow-up,
// 4 report to the board — each with its status as r reckons it; the
// blockers go with the step they hold back.
func PlanSteps(lang string, r model.Readiness) []Step {
	tag := func(key, class string, args ...any) Tag { return Tag{i18n.T(lang, key, args...), class} }
	done, cannot, todo := tag("task.done", "tag--green"), tag("task.cannot_start", "tag--grey"), tag("task.todo", "tag--blue")
	steps := []Step{
		{N: 1, Name: i18n.T(lang, "task.controls"), Href: "#controls"},
		{N: 2, Name: i18n.T(lang, "task.adopt"), Href: "#adopt"},
		{N: 3, Name: i18n.T(lang, "task.follow"), Href: "#controls"},
		{N: 4, Name: i18n.T(lang, "task.report"), Href: "#report"},
	}
	switch r.Status {
	case model.PlanDraft:
		steps[2].Status, steps[3].Status = cannot, cannot
		switch {
		case r.Count(model.BlockNoControls) > 0:
			steps[0].Status, steps[0].Current = todo, true
			steps[1].Status = cannot
		case len(r.Blockers) > 0:
			steps[0].Status, steps[0].Current = tag("task.missing", "tag--yellow", len(r.Blockers)), true
			steps[1].Status = cannot
		default:
			steps[0].Status = done
			steps[1].Status, steps[1].Current = todo, true
		}
		for i := range steps[:2] {
			if steps[i].Current {
				steps[i].Blockers = r.Blockers
			}
		}
	case model.PlanAdopted:
		steps[0].Status, steps[1].Status = done, done
		if len(r.Blockers) > 0 {
			steps[2].Status, steps[2].Current, steps[2].Blockers = tag("task.missing", "tag--yellow", len(r.Blockers)), true, r.Blockers
			if r.Reported == 0 && r.Count(model.BlockNoDeviation)+r.Count(model.BlockNoAction) == 0 {
				steps[2].Status = todo
			}
			steps[3].Status = cannot
		} else {
			steps[2].Status = done
			steps[3].Status, steps[3].Current = todo, true
		}
	default:
		for i := range steps {
			steps[i].Status = done
		}
	}
	return steps
}

// CurrentStep is the step the plan stands at, or nil when all are done.
func CurrentStep(steps []Step) *Step {
	for i := range steps {
		if steps[i].Current {
			return &steps[i]
		}
	}
	return nil
}
