package model

import (
	"regexp"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
)

// How far a client's filter or sort may reach.
//
// PocketBase lets a REST API filter or sort (?filter=, ?sort=, and a
// realtime subscription's filter) follow relations: forward through a
// record's relation fields ("plan.board"), back through another
// collection's ("controls_via_plan.title"), through fields holding many
// records ("boards.name"), and into any collection ("@collection.x.y").
// It applies the related collection's list rule to each related record it
// joins — but not inside the "match-all" subquery it builds for an
// operator without "?" over many related records (controls_via_plan.title
// !~ 'x' means: no control of the plan has a title containing x). There it
// reads every related record, the ones the requester may not read too, so a
// reader could learn a confidential control's title a letter at a time.
// PocketBase v0.40.4 has no setting for it.
//
// So ikplan refuses, for everyone but superusers, every filter or sort
// that goes back through a relation, into another collection, or through a
// field that holds several records: exactly the expressions that can reach
// records of another collection in numbers. What stays allowed is the
// record's own fields and the path forward through single relations
// ("control.plan.year"), where PocketBase joins one related record and
// drops the row unless the requester may list that record. A back
// relation is refused even with "?=", whose join would apply the rules:
// that a record has related records the requester may not read is itself
// something they may not learn.

// Reach kinds: why a field of a filter or sort reaches too far.
const (
	ReachBack       = "back"       // a back relation: controls_via_plan
	ReachCollection = "collection" // @collection.name
	ReachMany       = "many"       // a field holding several records, or :each over one
)

// ReachError is a filter or sort refused because one of its fields reaches
// too far: Param is "filter" or "sort", Field the field as written, Kind
// one of the Reach kinds and Via the part of Field that reaches
// (controls_via_plan, @collection.risks, boards).
type ReachError struct {
	Param, Field, Kind, Via string
}

func (e *ReachError) Error() string {
	return e.Param + ": " + e.Field + " reaches other records (" + e.Kind + ": " + e.Via + ")"
}

var viaSegment = regexp.MustCompile(`^\w+_via_\w+$`)

// CheckReach returns a *ReachError when the filter or the sort (as the
// REST API takes them) reaches further than the record's own fields and
// its single relations forward, or nil. info is the request as the API
// rules see it (its auth matters for @request.auth fields). A filter or
// sort that does not parse is not ikplan's to refuse: nil, and PocketBase
// answers it.
func CheckReach(app core.App, col *core.Collection, info *core.RequestInfo, filter, sort string) error {
	if filter != "" {
		r := &reachResolver{inner: core.NewRecordFieldResolver(app, col, info, false), param: "filter"}
		if _, err := search.FilterData(filter).BuildExpr(r); r.refused != nil {
			return r.refused
		} else if err != nil {
			return nil
		}
	}
	if sort != "" {
		r := &reachResolver{inner: core.NewRecordFieldResolver(app, col, info, false), param: "sort"}
		for _, f := range search.ParseSortFromString(sort) {
			if _, err := f.BuildExpr(r); r.refused != nil {
				return r.refused
			} else if err != nil {
				return nil
			}
		}
	}
	return nil
}

// reachResolver resolves fields as PocketBase's own resolver does and
// notes the first that reaches too far. It only builds expressions; it is
// never run.
type reachResolver struct {
	inner   *core.RecordFieldResolver
	param   string
	refused *ReachError
}

func (r *reachResolver) UpdateQuery(*dbx.SelectQuery) error { return nil }

func (r *reachResolver) Resolve(field string) (*search.ResolverResult, error) {
	refuse := func(kind, via string) (*search.ResolverResult, error) {
		if r.refused == nil {
			r.refused = &ReachError{Param: r.param, Field: field, Kind: kind, Via: via}
		}
		return &search.ResolverResult{Identifier: "NULL"}, nil
	}
	if rest, ok := strings.CutPrefix(field, "@collection."); ok {
		name, _, _ := strings.Cut(rest, ".")
		return refuse(ReachCollection, "@collection."+name)
	}
	for _, seg := range strings.Split(field, ".") {
		if name, _, _ := strings.Cut(seg, ":"); viaSegment.MatchString(name) {
			return refuse(ReachBack, name)
		}
	}
	res, err := r.inner.Resolve(field)
	if err != nil {
		return nil, err
	}
	// PocketBase attaches a match-all subquery to a field that can stand
	// for several values; where it joins records (not only the items of
	// the record's own list field, :each) it reads them without their rules
	if mm := res.MultiMatchSubQuery; mm != nil && joinsRecords(mm) {
		return refuse(ReachMany, manyPart(field))
	}
	return res, nil
}

// joinsRecords reports whether the match-all subquery joins a table of
// records, not only a list field's items (json_each).
func joinsRecords(mm *search.MultiMatchSubquery) bool {
	for _, j := range mm.Joins {
		if !strings.HasPrefix(j.TableName, "json_each(") {
			return true
		}
	}
	return false
}

// manyPart is the field up to its part that holds several records, as far
// as the field's own words tell ("boards" of "owner.boards.name"); the
// whole field when they do not.
func manyPart(field string) string {
	segs := strings.Split(field, ".")
	for i, seg := range segs {
		if strings.HasSuffix(seg, ":each") || strings.HasSuffix(seg, ":length") {
			return strings.Join(segs[:i+1], ".")
		}
	}
	if len(segs) > 1 {
		return strings.Join(segs[:len(segs)-1], ".")
	}
	return field
}
