package model

import "github.com/pocketbase/pocketbase/core"

// Municipality is the municipality's name and logo, from the settings: in
// the web UI's header and on the documents.
type Municipality struct {
	Name       string
	Logo       string // the logo's stored file name, or ""
	Record     string // the settings record's id
	Collection string // the settings collection's id
}

// MunicipalityOf reads the municipality's name and logo from the settings;
// none set (or no settings) is the zero value.
func MunicipalityOf(app core.App) Municipality {
	r, err := app.FindFirstRecordByFilter(Settings, "")
	if err != nil {
		return Municipality{}
	}
	return MunicipalityIn(r)
}

// MunicipalityIn is the municipality's name and logo in the settings
// record r.
func MunicipalityIn(r *core.Record) Municipality {
	return Municipality{Name: r.GetString("municipality"), Logo: r.GetString("logo"), Record: r.Id, Collection: r.Collection().Id}
}

// LogoMaxSize is the largest logo the settings take, in bytes (0 when
// the settings have no logo field).
func LogoMaxSize(r *core.Record) int64 {
	if f, ok := r.Collection().Fields.GetByName("logo").(*core.FileField); ok {
		return f.MaxSize
	}
	return 0
}

// LogoPath is the address the logo is served on by PocketBase's file API
// ("/api/files/…"), or "" when there is none.
func (m Municipality) LogoPath() string {
	if m.Logo == "" {
		return ""
	}
	return "/api/files/" + m.Collection + "/" + m.Record + "/" + m.Logo
}

// LogoKey is the logo's key in the app's file system, for reading it.
func (m Municipality) LogoKey() string {
	if m.Logo == "" {
		return ""
	}
	return m.Collection + "/" + m.Record + "/" + m.Logo
}
