package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// SampleItem is an item drawn into a sample: a typed proxy of a record of SampleItems.
type SampleItem struct{ core.BaseRecordProxy }

// AsSampleItem wraps a record of SampleItems; nil stays nil.
func AsSampleItem(r *core.Record) *SampleItem {
	if r == nil {
		return nil
	}
	return &SampleItem{core.BaseRecordProxy{Record: r}}
}

// AsSampleItems wraps records of SampleItems.
func AsSampleItems(rs []*core.Record) []*SampleItem {
	out := make([]*SampleItem, len(rs))
	for i, r := range rs {
		out[i] = AsSampleItem(r)
	}
	return out
}

// Sample is the id of the item's sample.
func (p *SampleItem) Sample() string { return p.GetString(FieldSampleItemSample) }

// SetSample sets the id of the item's sample.
func (p *SampleItem) SetSample(v string) { p.Set(FieldSampleItemSample, v) }

// Position is the item's place in the draw.
func (p *SampleItem) Position() int { return p.GetInt(FieldSampleItemPosition) }

// SetPosition sets the item's place in the draw.
func (p *SampleItem) SetPosition(v int) { p.Set(FieldSampleItemPosition, v) }

// Row is the item's row in the population.
func (p *SampleItem) Row() int { return p.GetInt(FieldSampleItemRow) }

// SetRow sets the item's row in the population.
func (p *SampleItem) SetRow(v int) { p.Set(FieldSampleItemRow, v) }

// Data is the item's row, as stored JSON.
func (p *SampleItem) Data() any { return p.Get(FieldSampleItemData) }

// SetData sets the item's row, as stored JSON.
func (p *SampleItem) SetData(v any) { p.Set(FieldSampleItemData, v) }

// Status is the item's assessment (ItemOK, ItemDeviation, or empty).
func (p *SampleItem) Status() string { return p.GetString(FieldSampleItemStatus) }

// SetStatus sets the item's assessment (ItemOK, ItemDeviation, or empty).
func (p *SampleItem) SetStatus(v string) { p.Set(FieldSampleItemStatus, v) }

// Note is the assessor's note.
func (p *SampleItem) Note() string { return p.GetString(FieldSampleItemNote) }

// SetNote sets the assessor's note.
func (p *SampleItem) SetNote(v string) { p.Set(FieldSampleItemNote, v) }

// Evidence is the names of the item's evidence files.
func (p *SampleItem) Evidence() []string { return p.GetStringSlice(FieldSampleItemEvidence) }

// SetEvidence sets the names of the item's evidence files.
func (p *SampleItem) SetEvidence(v []string) { p.Set(FieldSampleItemEvidence, v) }

// Deviation is the id of the deviation the item gave, if any.
func (p *SampleItem) Deviation() string { return p.GetString(FieldSampleItemDeviation) }

// SetDeviation sets the id of the deviation the item gave, if any.
func (p *SampleItem) SetDeviation(v string) { p.Set(FieldSampleItemDeviation, v) }

// Created is when the record was created.
func (p *SampleItem) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *SampleItem) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
