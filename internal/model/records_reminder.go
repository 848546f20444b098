package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Reminder is a reminder sent, so that none is sent twice: a typed proxy of a record of Reminders.
type Reminder struct{ core.BaseRecordProxy }

// AsReminder wraps a record of Reminders; nil stays nil.
func AsReminder(r *core.Record) *Reminder {
	if r == nil {
		return nil
	}
	return &Reminder{core.BaseRecordProxy{Record: r}}
}

// AsReminders wraps records of Reminders.
func AsReminders(rs []*core.Record) []*Reminder {
	out := make([]*Reminder, len(rs))
	for i, r := range rs {
		out[i] = AsReminder(r)
	}
	return out
}

// TargetCollection is the collection of the item reminded of.
func (p *Reminder) TargetCollection() string { return p.GetString(FieldReminderTargetCollection) }

// SetTargetCollection sets the collection of the item reminded of.
func (p *Reminder) SetTargetCollection(v string) { p.Set(FieldReminderTargetCollection, v) }

// Target is the id of the item reminded of.
func (p *Reminder) Target() string { return p.GetString(FieldReminderTarget) }

// SetTarget sets the id of the item reminded of.
func (p *Reminder) SetTarget(v string) { p.Set(FieldReminderTarget, v) }

// Kind is the reminder's kind (one of ReminderKinds).
func (p *Reminder) Kind() string { return p.GetString(FieldReminderKind) }

// SetKind sets the reminder's kind (one of ReminderKinds).
func (p *Reminder) SetKind(v string) { p.Set(FieldReminderKind, v) }

// Recipient is the id of the user reminded.
func (p *Reminder) Recipient() string { return p.GetString(FieldReminderRecipient) }

// SetRecipient sets the id of the user reminded.
func (p *Reminder) SetRecipient(v string) { p.Set(FieldReminderRecipient, v) }

// Key is what makes the reminder unique.
func (p *Reminder) Key() string { return p.GetString(FieldReminderKey) }

// SetKey sets what makes the reminder unique.
func (p *Reminder) SetKey(v string) { p.Set(FieldReminderKey, v) }

// SentAt is when the reminder was sent.
func (p *Reminder) SentAt() types.DateTime { return p.GetDateTime(FieldReminderSentAt) }

// SetSentAt sets when the reminder was sent; the zero time clears it.
func (p *Reminder) SetSentAt(v time.Time) { p.Set(FieldReminderSentAt, v) }

// Created is when the record was created.
func (p *Reminder) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Reminder) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
