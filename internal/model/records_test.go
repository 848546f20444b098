package model_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// proxies is one value of each typed record, with its collection.
var proxies = []struct {
	collection string
	wrap       func(*core.Record) core.RecordProxy
}{
	{model.Boards, func(r *core.Record) core.RecordProxy { return model.AsBoard(r) }},
	{model.Units, func(r *core.Record) core.RecordProxy { return model.AsUnit(r) }},
	{model.Users, func(r *core.Record) core.RecordProxy { return model.AsUser(r) }},
	{model.Risks, func(r *core.Record) core.RecordProxy { return model.AsRisk(r) }},
	{model.RiskAssessments, func(r *core.Record) core.RecordProxy { return model.AsRiskAssessment(r) }},
	{model.Plans, func(r *core.Record) core.RecordProxy { return model.AsPlan(r) }},
	{model.Controls, func(r *core.Record) core.RecordProxy { return model.AsControl(r) }},
	{model.Results, func(r *core.Record) core.RecordProxy { return model.AsResult(r) }},
	{model.Deviations, func(r *core.Record) core.RecordProxy { return model.AsDeviation(r) }},
	{model.Actions, func(r *core.Record) core.RecordProxy { return model.AsAction(r) }},
	{model.Samples, func(r *core.Record) core.RecordProxy { return model.AsSample(r) }},
	{model.SampleItems, func(r *core.Record) core.RecordProxy { return model.AsSampleItem(r) }},
	{model.Settings, func(r *core.Record) core.RecordProxy { return model.AsSetup(r) }},
	{model.Reminders, func(r *core.Record) core.RecordProxy { return model.AsReminder(r) }},
	{model.CommonControls, func(r *core.Record) core.RecordProxy { return model.AsCommonControl(r) }},
	{model.AuditLog, func(r *core.Record) core.RecordProxy { return model.AsAuditEntry(r) }},
}

// TestRecordFieldsMatchTheSchema: the typed records name every field the
// migrations give a domain collection, and no field they do not give it,
// so a field added by a migration without its getter, or a getter left
// behind by a renamed field, fails here.
func TestRecordFieldsMatchTheSchema(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	own := []string{model.FieldId, model.FieldCreated, model.FieldUpdated}
	auth := []string{"password", "tokenKey", "email", "emailVisibility", "verified", "avatar"}
	if len(model.RecordFields) != len(proxies) {
		t.Fatalf("Expected a proxy in this test for each of the %d collections of model.RecordFields, got %d", len(model.RecordFields), len(proxies))
	}
	for collection, named := range model.RecordFields {
		col, err := app.FindCollectionByNameOrId(collection)
		if err != nil {
			t.Fatalf("Expected collection %s: %v", collection, err)
		}
		var schema []string
		for _, f := range col.Fields {
			if n := f.GetName(); !slices.Contains(own, n) && !(col.IsAuth() && slices.Contains(auth, n)) {
				schema = append(schema, n)
			}
		}
		slices.Sort(schema)
		got := slices.Sorted(slices.Values(named))
		if !slices.Equal(got, schema) {
			t.Errorf("Expected the typed record of %s to name %v, got %v", collection, schema, got)
		}
	}
}

// TestRecordProxiesRoundTrip: for every typed record and every field, the
// setter writes the field the getter reads, and the value comes back
// through the collection's own field type (a getter of the wrong kind or a
// setter on another field's constant fails).
func TestRecordProxiesRoundTrip(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	at := time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, p := range proxies {
		col, err := app.FindCachedCollectionByNameOrId(p.collection)
		if err != nil {
			t.Fatalf("Expected collection %s: %v", p.collection, err)
		}
		rec := core.NewRecord(col)
		proxy := p.wrap(rec)
		if proxy.ProxyRecord() != rec {
			t.Fatalf("Expected the proxy of %s to hold the record it wraps", p.collection)
		}
		v := reflect.ValueOf(proxy)
		typ := v.Type()
		setters := 0
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			name, ok := strings.CutPrefix(m.Name, "Set")
			if !ok || name == "" || m.Type.NumIn() != 2 || name == "ProxyRecord" {
				continue
			}
			get := v.MethodByName(name)
			if !get.IsValid() || get.Type().NumIn() != 0 || get.Type().NumOut() != 1 {
				continue // a Record method such as SetEmail, SetRaw
			}
			if _, own := reflect.TypeFor[*core.Record]().MethodByName(m.Name); own {
				continue
			}
			setters++
			var in, want reflect.Value
			switch arg := m.Type.In(1); arg {
			case reflect.TypeFor[string]():
				in, want = reflect.ValueOf("x1"), reflect.ValueOf("x1")
				if name == "Changes" || name == "RiskBands" || name == "RiskWords" || name == "ReminderDays" {
					in, want = reflect.ValueOf(`[1]`), reflect.ValueOf(`[1]`)
				}
			case reflect.TypeFor[int]():
				in, want = reflect.ValueOf(3), reflect.ValueOf(3)
			case reflect.TypeFor[bool]():
				in, want = reflect.ValueOf(true), reflect.ValueOf(true)
			case reflect.TypeFor[time.Time]():
				dt, _ := types.ParseDateTime(at)
				in, want = reflect.ValueOf(at), reflect.ValueOf(dt)
			case reflect.TypeFor[[]string]():
				in, want = reflect.ValueOf([]string{"x1"}), reflect.ValueOf([]string{"x1"})
			case reflect.TypeFor[any]():
				in, want = reflect.ValueOf(any(`["a"]`)), reflect.ValueOf(types.JSONRaw(`["a"]`))
			default:
				t.Errorf("Expected setters of string, int, bool, time, []string or any, got %s.%s(%s)", typ, m.Name, arg)
				continue
			}
			v.Method(i).Call([]reflect.Value{in})
			got := get.Call(nil)[0]
			if !reflect.DeepEqual(got.Interface(), want.Interface()) {
				t.Errorf("Expected %s.%s() after %s(%v) to be %v, got %v", typ, name, m.Name, in, want, got)
			}
		}
		if want := len(model.RecordFields[p.collection]); setters != want {
			t.Errorf("Expected %s to have a setter for each of its %d fields, got %d", typ, want, setters)
		}
	}
}
