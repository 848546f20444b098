package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Sample is a control's sample (stickprov) for a period: a typed proxy of a record of Samples.
type Sample struct{ core.BaseRecordProxy }

// AsSample wraps a record of Samples; nil stays nil.
func AsSample(r *core.Record) *Sample {
	if r == nil {
		return nil
	}
	return &Sample{core.BaseRecordProxy{Record: r}}
}

// AsSamples wraps records of Samples.
func AsSamples(rs []*core.Record) []*Sample {
	out := make([]*Sample, len(rs))
	for i, r := range rs {
		out[i] = AsSample(r)
	}
	return out
}

// Control is the id of the sampled control.
func (p *Sample) Control() string { return p.GetString(FieldSampleControl) }

// SetControl sets the id of the sampled control.
func (p *Sample) SetControl(v string) { p.Set(FieldSampleControl, v) }

// Period is the period sampled.
func (p *Sample) Period() string { return p.GetString(FieldSamplePeriod) }

// SetPeriod sets the period sampled.
func (p *Sample) SetPeriod(v string) { p.Set(FieldSamplePeriod, v) }

// Method is how the items were drawn.
func (p *Sample) Method() string { return p.GetString(FieldSampleMethod) }

// SetMethod sets how the items were drawn.
func (p *Sample) SetMethod(v string) { p.Set(FieldSampleMethod, v) }

// Size is the number of items drawn.
func (p *Sample) Size() int { return p.GetInt(FieldSampleSize) }

// SetSize sets the number of items drawn.
func (p *Sample) SetSize(v int) { p.Set(FieldSampleSize, v) }

// Seed is the seed the draw can be repeated from.
func (p *Sample) Seed() string { return p.GetString(FieldSampleSeed) }

// SetSeed sets the seed the draw can be repeated from.
func (p *Sample) SetSeed(v string) { p.Set(FieldSampleSeed, v) }

// Population is the name of the population's file.
func (p *Sample) Population() []string { return p.GetStringSlice(FieldSamplePopulation) }

// SetPopulation sets the name of the population's file.
func (p *Sample) SetPopulation(v []string) { p.Set(FieldSamplePopulation, v) }

// PopulationSHA256 is the SHA-256 of the population's file.
func (p *Sample) PopulationSHA256() string { return p.GetString(FieldSamplePopulationSHA256) }

// SetPopulationSHA256 sets the SHA-256 of the population's file.
func (p *Sample) SetPopulationSHA256(v string) { p.Set(FieldSamplePopulationSHA256, v) }

// CanonicalSHA256 is the SHA-256 of the population's rows in canonical form.
func (p *Sample) CanonicalSHA256() string { return p.GetString(FieldSampleCanonicalSHA256) }

// SetCanonicalSHA256 sets the SHA-256 of the population's rows in canonical form.
func (p *Sample) SetCanonicalSHA256(v string) { p.Set(FieldSampleCanonicalSHA256, v) }

// PopulationRows is the number of rows of the population.
func (p *Sample) PopulationRows() int { return p.GetInt(FieldSamplePopulationRows) }

// SetPopulationRows sets the number of rows of the population.
func (p *Sample) SetPopulationRows(v int) { p.Set(FieldSamplePopulationRows, v) }

// Header is the population's column names, as stored JSON.
func (p *Sample) Header() any { return p.Get(FieldSampleHeader) }

// SetHeader sets the population's column names, as stored JSON.
func (p *Sample) SetHeader(v any) { p.Set(FieldSampleHeader, v) }

// Created is when the record was created.
func (p *Sample) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Sample) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }

// Column is the stratum or amount column of a stratified or monetary-unit
// draw, as the population's header writes it ("" for srs).
func (p *Sample) Column() string { return p.GetString(FieldSampleColumn) }

// SetColumn sets the stratum or amount column.
func (p *Sample) SetColumn(v string) { p.Set(FieldSampleColumn, v) }

// PopulationFile is the name of the population file, or "" (the field
// holds one file; Population is the same as a list).
func (p *Sample) PopulationFile() string { return p.GetString(FieldSamplePopulation) }
