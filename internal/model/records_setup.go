package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Setup is the municipality's settings (the one row of settings): a typed proxy of a record of Settings.
type Setup struct{ core.BaseRecordProxy }

// AsSetup wraps a record of Settings; nil stays nil.
func AsSetup(r *core.Record) *Setup {
	if r == nil {
		return nil
	}
	return &Setup{core.BaseRecordProxy{Record: r}}
}

// AsSetups wraps records of Settings.
func AsSetups(rs []*core.Record) []*Setup {
	out := make([]*Setup, len(rs))
	for i, r := range rs {
		out[i] = AsSetup(r)
	}
	return out
}

// RiskScale is the risk matrix's size, 4 or 5.
func (p *Setup) RiskScale() int { return p.GetInt(FieldSetupRiskScale) }

// SetRiskScale sets the risk matrix's size, 4 or 5.
func (p *Setup) SetRiskScale(v int) { p.Set(FieldSetupRiskScale, v) }

// RiskBands is the risk matrix's colour bands, as stored JSON.
func (p *Setup) RiskBands() string { return p.GetString(FieldSetupRiskBands) }

// SetRiskBands sets the risk matrix's colour bands, as stored JSON.
func (p *Setup) SetRiskBands(v string) { p.Set(FieldSetupRiskBands, v) }

// ReminderDays is how many days before a due day reminders go, as stored JSON.
func (p *Setup) ReminderDays() string { return p.GetString(FieldSetupReminderDays) }

// SetReminderDays sets how many days before a due day reminders go, as stored JSON.
func (p *Setup) SetReminderDays(v string) { p.Set(FieldSetupReminderDays, v) }

// Municipality is the municipality's name.
func (p *Setup) Municipality() string { return p.GetString(FieldSetupMunicipality) }

// SetMunicipality sets the municipality's name.
func (p *Setup) SetMunicipality(v string) { p.Set(FieldSetupMunicipality, v) }

// Logo is the name of the municipality's logo file.
func (p *Setup) Logo() string { return p.GetString(FieldSetupLogo) }

// SetLogo sets the name of the municipality's logo file.
func (p *Setup) SetLogo(v string) { p.Set(FieldSetupLogo, v) }

// RiskWords is the words of the risk scale's steps, as stored JSON.
func (p *Setup) RiskWords() string { return p.GetString(FieldSetupRiskWords) }

// SetRiskWords sets the words of the risk scale's steps, as stored JSON.
func (p *Setup) SetRiskWords(v string) { p.Set(FieldSetupRiskWords, v) }

// Created is when the record was created.
func (p *Setup) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Setup) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }

// PackagePublicKey is the instance's public key that signs the auditor's
// packages (base64); the server sets it.
func (p *Setup) PackagePublicKey() string { return p.GetString(FieldSetupPackagePublicKey) }

// PackageKeyFingerprint is the key's short fingerprint; the server sets it.
func (p *Setup) PackageKeyFingerprint() string { return p.GetString(FieldSetupPackageKeyFingerprint) }

// SetPackagePublicKey sets the public key; only the server's hook does, and
// replaces whatever else is sent.
func (p *Setup) SetPackagePublicKey(v string) { p.Set(FieldSetupPackagePublicKey, v) }

// SetPackageKeyFingerprint sets the key's fingerprint; only the server's
// hook does.
func (p *Setup) SetPackageKeyFingerprint(v string) { p.Set(FieldSetupPackageKeyFingerprint, v) }
