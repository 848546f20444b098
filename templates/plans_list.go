package templates

import (
	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// PlanListTags say in the plans list how far a plan has come, from its
// readiness (the numbers its page shows): a draft's missing facts ("4
// saknar ansvarig") or "Klar att anta"; an adopted plan's controls without
// a result of all they have ("3 av 20 saknar resultat"), its deviations
// without a description or an action, what is overdue, or "Klar att
// återrapportera". A reported or archived plan has none: its status says
// it. Words, never a colour alone.
func PlanListTags(lang string, r model.Readiness) []Tag {
	t := func(class, key string, n int, args ...any) Tag {
		if n == 1 && i18n.Has(key+"_one") {
			key += "_one"
		}
		return Tag{i18n.T(lang, key, append([]any{n}, args...)...), class}
	}
	var out []Tag
	switch r.Status {
	case model.PlanDraft:
		if r.Count(model.BlockNoControls) > 0 {
			return []Tag{{i18n.T(lang, "plans.ready.no_controls"), "tag--grey"}}
		}
		for _, k := range []struct{ block, key string }{
			{model.BlockNoOwner, "plans.ready.no_owner"},
			{model.BlockNoDue, "plans.ready.no_due"},
			{model.BlockNoMethod, "plans.ready.no_method"},
		} {
			if n := r.Count(k.block); n > 0 {
				out = append(out, t("tag--yellow", k.key, n))
			}
		}
		if len(out) == 0 {
			out = append(out, Tag{i18n.T(lang, "ready.tag.adoptable"), "tag--green"})
		}
	case model.PlanAdopted:
		if r.Ready() {
			out = append(out, Tag{i18n.T(lang, "ready.tag.reportable"), "tag--green"})
		}
		if n := r.Controls - r.Reported; n > 0 {
			out = append(out, t("tag--blue", "plans.ready.no_result", n, r.Controls))
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
	}
	return out
}
