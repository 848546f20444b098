package hostile_test

import (
	"net/url"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// Kinds of output.
const (
	kindHTML = "html"
	kindPDF  = "pdf"
	kindDOCX = "docx"
	kindXLSX = "xlsx"
	kindICS  = "ics"
)

// output is one page, fragment or file that shows the planted fields.
type output struct {
	Name string
	Kind string
	Req  request
}

// htmx is the header of an htmx request that swaps the named target.
func htmx(target string) map[string]string {
	return map[string]string{"HX-Request": "true", "HX-Target": target}
}

// form is a urlencoded POST as Sara Samordnare.
func form(target string, vals url.Values, header map[string]string) request {
	return request{method: "POST", target: target, as: "samordnare", contentType: "application/x-www-form-urlencoded",
		body: strings.NewReader(vals.Encode()), header: header}
}

// cut is s cut to at most n runes.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// outputs are every page, fragment, document and feed that shows the
// hosts' text, as their readers fetch them: the coordinator, the owner of
// control 2 and, for the sign-in pages, a guest. The POSTs come last: they
// are refused (422) and show the typed text again beside the messages.
func outputs(t testing.TB, s *server, text string) []output {
	t.Helper()
	f := s.f
	plan, c, res, dev, act := f.Plan, f.Controls["2"], f.Results["2"], f.Deviations["2"], f.Actions["2"]
	token, err := remind.RenewToken(s.app, testapp.Find(t, s.app, model.Users, f.Users["ansvarig"]))
	if err != nil {
		t.Fatal(err)
	}
	get := func(name, target string, header map[string]string) output {
		return output{name, kindHTML, request{target: target, as: "samordnare", header: header}}
	}
	q := url.QueryEscape(cut(text, 200))
	out := []output{
		get("start", "/", nil),
		{"start (owner)", kindHTML, request{target: "/", as: "ansvarig"}},
		get("plans", "/plans", nil),
		get("plan", "/plans/"+plan, nil),
		get("control edit", "/plans/"+plan+"/controls/"+c+"/edit", nil),
		get("control edit (htmx)", "/plans/"+plan+"/controls/"+c+"/edit", htmx("control-"+c)),
		get("control", "/controls/"+c, nil),
		{"control (owner)", kindHTML, request{target: "/controls/" + c, as: "ansvarig"}},
		get("control, result in the form", "/controls/"+c+"?edit="+res, nil),
		get("control results (htmx)", "/controls/"+c+"?edit="+res, htmx("results")),
		get("actions", "/actions", nil),
		get("actions (htmx)", "/actions?status=in_progress", htmx("actions-table")),
		{"actions (owner)", kindHTML, request{target: "/actions", as: "ansvarig"}},
		get("search", "/search?q="+url.QueryEscape(cut(visible(text), 12)), nil),
		get("search for the payload", "/search?q="+q, nil),
		get("search for the payload (htmx)", "/search?q="+q, htmx("search-results")),
		get("risks", "/risks", nil),
		get("risks 2024", "/risks?year=2024", nil),
		get("risk register (htmx)", "/risks?year=2024", htmx("register")),
		get("risk", "/risks/"+f.Risk, nil),
		get("risk 2024", "/risks/"+f.Risk+"?year=2024", nil),
		get("next year's plan", "/plans/"+plan+"/next", nil),
		get("board transfer", "/boards/"+f.KS+"/transfer", nil),
		get("me", "/me", nil),
		get("plan import", "/plans/"+plan+"/import", nil),
		{"sign-in with next", kindHTML, request{target: "/login?next=" + url.QueryEscape("/"+cut(text, 300))}},
	}
	for col, ids := range hosts(f) {
		if col == model.Users || col == model.Settings {
			continue // a person's and the settings' history are the superuser's, in the dashboard
		}
		for _, id := range ids {
			out = append(out, get("history of "+col+" "+id, "/history/"+col+"/"+id, nil))
		}
	}
	year := "2024"
	for _, kind := range []string{"followup", "plan", "rollup", "memo"} {
		for _, public := range []bool{false, true} {
			if public && kind == "memo" {
				continue // the follow-up's public version, already here, is what the memo's withholds by
			}
			v := url.Values{"year": {year}}
			if kind != "rollup" {
				v.Set("board", f.KS)
			}
			name := kind
			if public {
				v.Set("public", "1")
				name += " (public)"
			}
			out = append(out, get("report "+name, "/reports/"+kind+"?"+v.Encode(), nil))
			for _, format := range []string{kindHTML, kindPDF, kindDOCX} {
				if public && format != kindHTML {
					continue // the same writers as the internal version, with less in them
				}
				v.Set("format", format)
				out = append(out, output{"report " + name + " " + format, format,
					request{target: "/reports/" + kind + "/download?" + v.Encode(), as: "samordnare"}})
			}
		}
	}
	out = append(out,
		output{"plan export", kindXLSX, request{target: "/plans/" + plan + "/export.xlsx", as: "samordnare"}},
		output{"calendar feed", kindICS, request{target: "/calendar/" + token + ".ics"}},
	)
	// forms refused with the text typed again
	vals := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	controlForm := url.Values{}
	for _, name := range []string{"section", "title", "description", "process", "report_to", "legal_refs", "target_metric", "target_value", "target_unit"} {
		controlForm.Set(name, text)
	}
	controlForm.Set("number", "x")
	out = append(out,
		output{"target verdict", kindHTML, form("/controls/"+c+"/target", vals("measured_value", text), htmx("target-verdict"))},
		output{"deadline understood", kindHTML, form("/controls/"+c+"/deadline", vals("deadline", text), htmx("deadline-read"))},
		output{"new plan refused", kindHTML, form("/plans", vals("title", text, "year", "abc"), nil)},
		output{"new risk refused", kindHTML, form("/risks", vals("title", text, "description", text, "process", text, "board", ""), nil)},
		output{"new control refused", kindHTML, form("/plans/"+plan+"/controls", controlForm, nil)},
		output{"control change refused", kindHTML, form("/plans/"+plan+"/controls/"+c, controlForm, nil)},
		output{"control change refused (htmx)", kindHTML, form("/plans/"+plan+"/controls/"+c, controlForm, htmx("control-"+c))},
		output{"result refused", kindHTML, form("/controls/"+c+"/results", vals("result", res, "period", "x"+cut(text, 10), "outcome", "deviation",
			"account", text, "measured_value", text, "not_performed_reason", text), nil)},
		output{"result refused (htmx)", kindHTML, form("/controls/"+c+"/results", vals("period", "x", "outcome", "not_performed", "account", text), htmx("report"))},
		output{"deviation refused", kindHTML, form("/controls/"+c+"/results/"+res+"/deviations", vals("description", "", "root_cause", text), nil)},
		output{"deviation status refused", kindHTML, form("/controls/"+c+"/deviations/"+dev+"/status", vals("status", "x", "acceptance_reason", text), nil)},
		output{"deviation action refused", kindHTML, form("/controls/"+c+"/deviations/"+dev+"/actions", vals("description", text, "deadline", "x"), nil)},
		output{"deviation action deadline refused", kindHTML, form("/controls/"+c+"/deviations/"+dev+"/actions", vals("description", "x", "deadline", text), nil)},
		output{"action status refused", kindHTML, form("/actions/"+act+"/status", vals("status", "done", "done_note", "", "back", "/actions?status="+url.QueryEscape(text)), nil)},
		output{"action status refused (htmx)", kindHTML, form("/actions/"+act+"/status", vals("status", "cancelled", "cancel_reason", ""), htmx("action-status-"+act))},
		output{"assessment refused", kindHTML, form("/risks/"+f.Risk+"/assessments", vals("year", "2024", "probability", "99", "consequence", "1", "motivation", text), nil)},
		output{"plan status refused", kindHTML, form("/plans/"+plan+"/status", vals("status", "reported", "adopted_ref", text, "reported_ref", text), nil)},
		output{"sign-in refused", kindHTML, request{method: "POST", target: "/login", contentType: "application/x-www-form-urlencoded",
			body: strings.NewReader(vals("email", text, "password", "x", "next", "/"+text).Encode())}},
	)
	return out
}
