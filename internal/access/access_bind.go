package access

import (
	"encoding/json"
	"regexp"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/list"
	"github.com/pocketbase/pocketbase/tools/types"
)

// authRef is a reference to the signed-in user in a rule, with the rest of
// its path: @request.auth.role, @request.auth.boards.id.
// A reference followed by " ?= " is kept with it: membership (member).
var authRef = regexp.MustCompile(`@request\.auth\.([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_:]+)*)( \?= )?`)

// BindAuth gives the rule the signed-in user's own values as parameters
// instead of references: "@request.auth.role" becomes {:auth_role} with the
// value the users table holds for them (a list of boards as its stored JSON
// text). PocketBase would read the same values by joining the users table
// into every query, which made each page's dozen queries DISTINCT over a
// join. Only the user's own fields are bound; a path through a relation
// (@request.auth.boards.id) and anything of a guest are left to PocketBase.
// The rule is the same rule: the tests compare the two on every collection
// for every kind of user.
func BindAuth(rule string, user *core.Record, params dbx.Params) string {
	if user == nil {
		return rule
	}
	var b strings.Builder
	for _, part := range authParts(rule) {
		if part.field == "" {
			b.WriteString(part.text)
			continue
		}
		if part.member {
			if text, ok := memberList(user, part.field); ok {
				key := "ikauth_" + part.field
				params[key] = text
				b.WriteString("{:" + key + "} ?~ ")
			} else {
				b.WriteString(part.text)
			}
			continue
		}
		v, ok := authValue(user, part.field)
		if !ok {
			b.WriteString(part.text)
			continue
		}
		key := "ikauth_" + part.field
		params[key] = v
		b.WriteString("{:" + key + "}")
	}
	return b.String()
}

// authPart is a piece of a rule: text, or a reference to one of the
// signed-in user's own fields (field, with the reference as text), or a
// membership test in a list of theirs (member: "@request.auth.boards.id ?= ").
type authPart struct {
	text, field string
	member      bool
}

// ruleParts keeps each rule cut into its parts: a page binds the same
// few rules a dozen times.
var ruleParts sync.Map // rule → []authPart

func authParts(rule string) []authPart {
	if v, ok := ruleParts.Load(rule); ok {
		return v.([]authPart)
	}
	var parts []authPart
	last := 0
	for _, m := range authRef.FindAllStringSubmatchIndex(rule, -1) {
		parts = append(parts, authPart{text: rule[last:m[0]]})
		ref := authPart{text: rule[m[0]:m[1]]}
		path, eq := rule[m[4]:m[5]], m[6] >= 0
		switch {
		case path == "" && !eq:
			ref.field = rule[m[2]:m[3]]
		case path == "" && eq: // the field, then " ?= " as text
			ref.field, ref.text = rule[m[2]:m[3]], rule[m[0]:m[5]]
			parts = append(parts, ref, authPart{text: rule[m[6]:m[7]]})
			last = m[1]
			continue
		case path == ".id" && eq:
			ref.field, ref.member = rule[m[2]:m[3]], true
		}
		parts = append(parts, ref)
		last = m[1]
	}
	parts = append(parts, authPart{text: rule[last:]})
	ruleParts.Store(rule, parts)
	return parts
}

// authValue is the value of the user's field as the database stores it.
func authValue(user *core.Record, name string) (any, bool) {
	switch name {
	case "id":
		return user.Id, true
	case "collectionName":
		return user.Collection().Name, true
	}
	f := user.Collection().Fields.GetByName(name)
	switch f := f.(type) {
	case *core.TextField, *core.EmailField, *core.SelectField:
		if sf, ok := f.(*core.SelectField); ok && sf.IsMultiple() {
			return nil, false
		}
		return user.GetString(name), true
	case *core.RelationField:
		if !f.IsMultiple() {
			return user.GetString(name), true
		}
		// the stored JSON text, the very value a join would compare
		text, err := idsJSON(list.ToUniqueStringSlice(user.GetRaw(name)))
		if err != nil {
			return nil, false
		}
		return text, true
	}
	return nil, false
}

// idsJSON is the JSON text of a list of ids as the relation field stores it
// (DriverValue, then json.Marshal), written by hand when every id is
// letters, digits, "_" and "-", which JSON writes as they are: every query
// binds the user's boards, and json.Marshal's reflection over thirty of
// them was a twentieth of a page's CPU.
func idsJSON(ids []string) (string, error) {
	n := 2
	for _, id := range ids {
		for i := 0; i < len(id); i++ {
			if c := id[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
				text, err := json.Marshal(append(types.JSONArray[string]{}, ids...))
				return string(text), err
			}
		}
		n += len(id) + 3
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(id)
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.String(), nil
}

// memberList is the JSON text of the user's list of relations name, for a
// membership test "@request.auth.boards.id ?= plan.board" written as
// "{:list} ?~ plan.board": X within the text of the list, which memberIn
// then writes as a lookup in the list. PocketBase would join the users
// table and walk the user's boards for every row. The two are the same test
// when every id is lowercase letters and digits (PocketBase's own id
// pattern: an id can then neither match inside another nor across the
// quotes between them); not ok for any other list, which is left to
// PocketBase, as is a field that is not a list of relations. The tests
// compare both with PocketBase on every collection (TestAccessAsPocketBase).
func memberList(user *core.Record, name string) (string, bool) {
	f, ok := user.Collection().Fields.GetByName(name).(*core.RelationField)
	if !ok || !f.IsMultiple() {
		return "", false
	}
	ids := list.ToUniqueStringSlice(user.GetRaw(name))
	for _, id := range ids {
		if !isID(id) {
			return "", false
		}
	}
	text, err := idsJSON(ids)
	return text, err == nil
}

// isID reports whether s is lowercase letters and digits, as idItem.
func isID(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}
