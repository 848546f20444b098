package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// AuditEntry is a row of the history (audit_log): a typed proxy of a record of AuditLog.
type AuditEntry struct{ core.BaseRecordProxy }

// AsAuditEntry wraps a record of AuditLog; nil stays nil.
func AsAuditEntry(r *core.Record) *AuditEntry {
	if r == nil {
		return nil
	}
	return &AuditEntry{core.BaseRecordProxy{Record: r}}
}

// AsAuditEntrys wraps records of AuditLog.
func AsAuditEntrys(rs []*core.Record) []*AuditEntry {
	out := make([]*AuditEntry, len(rs))
	for i, r := range rs {
		out[i] = AsAuditEntry(r)
	}
	return out
}

// RecordCollection is the name of the changed record's collection.
func (p *AuditEntry) RecordCollection() string { return p.GetString(FieldAuditEntryRecordCollection) }

// SetRecordCollection sets the name of the changed record's collection.
func (p *AuditEntry) SetRecordCollection(v string) { p.Set(FieldAuditEntryRecordCollection, v) }

// RecordId is the id of the changed record.
func (p *AuditEntry) RecordId() string { return p.GetString(FieldAuditEntryRecordId) }

// SetRecordId sets the id of the changed record.
func (p *AuditEntry) SetRecordId(v string) { p.Set(FieldAuditEntryRecordId, v) }

// Op is what was done (OpCreate, OpUpdate, OpDelete).
func (p *AuditEntry) Op() string { return p.GetString(FieldAuditEntryOp) }

// SetOp sets what was done (OpCreate, OpUpdate, OpDelete).
func (p *AuditEntry) SetOp(v string) { p.Set(FieldAuditEntryOp, v) }

// Actor is the id of who did it.
func (p *AuditEntry) Actor() string { return p.GetString(FieldAuditEntryActor) }

// SetActor sets the id of who did it.
func (p *AuditEntry) SetActor(v string) { p.Set(FieldAuditEntryActor, v) }

// ActorName is the name of who did it, as it was then.
func (p *AuditEntry) ActorName() string { return p.GetString(FieldAuditEntryActorName) }

// SetActorName sets the name of who did it, as it was then.
func (p *AuditEntry) SetActorName(v string) { p.Set(FieldAuditEntryActorName, v) }

// Board is the id of the board the record belonged to.
func (p *AuditEntry) Board() string { return p.GetString(FieldAuditEntryBoard) }

// SetBoard sets the id of the board the record belonged to.
func (p *AuditEntry) SetBoard(v string) { p.Set(FieldAuditEntryBoard, v) }

// At is when it was done.
func (p *AuditEntry) At() types.DateTime { return p.GetDateTime(FieldAuditEntryAt) }

// SetAt sets when it was done; the zero time clears it.
func (p *AuditEntry) SetAt(v time.Time) { p.Set(FieldAuditEntryAt, v) }

// Changes is field → [old, new], as stored JSON.
func (p *AuditEntry) Changes() string { return p.GetString(FieldAuditEntryChanges) }

// SetChanges sets field → [old, new], as stored JSON.
func (p *AuditEntry) SetChanges(v string) { p.Set(FieldAuditEntryChanges, v) }

// Reason is why it was done, when the change needs a reason.
func (p *AuditEntry) Reason() string { return p.GetString(FieldAuditEntryReason) }

// SetReason sets why it was done, when the change needs a reason.
func (p *AuditEntry) SetReason(v string) { p.Set(FieldAuditEntryReason, v) }

// Created is when the record was created.
func (p *AuditEntry) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *AuditEntry) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }

// SetChangeValues sets field → [old, new] from the values themselves, which
// the field stores as JSON (no trip through a string first: an import
// writes one row for every record it saves).
func (p *AuditEntry) SetChangeValues(v map[string][2]any) { p.Set(FieldAuditEntryChanges, v) }
