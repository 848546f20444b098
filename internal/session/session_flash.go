package session

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pocketbase/dbx"

	"ikplan/internal/i18n"
)

// HasFlash reports whether the session holds a confirmation for the next
// page.
func (s *Session) HasFlash() bool { return s.Flash() != "" }

// flash is how a confirmation is stored: a catalogue key and its
// parameters, never a finished sentence.
type flash struct {
	Key    string         `json:"key"`
	Params map[string]any `json:"params,omitempty"`
}

// SetFlash keeps m on the session of token for the next page the browser
// draws, replacing one not yet shown. Only a key of the catalogue is kept,
// so the banner can only ever say what the catalogue says.
func SetFlash(app dbx.Builder, token string, m i18n.Message) error {
	if len(token) != tokenLen {
		return ErrNoSession
	}
	if !i18n.Has(m.Key) {
		return fmt.Errorf("flash %q is not in the catalogue", m.Key)
	}
	b, err := json.Marshal(flash{Key: m.Key, Params: m.Params})
	if err != nil {
		return fmt.Errorf("failed to encode flash %q: %w", m.Key, err)
	}
	_, err = app.NewQuery("UPDATE {{sessions}} SET [[flash]] = {:flash} WHERE [[token_hash]] = {:hash}").
		Bind(dbx.Params{"flash": string(b), "hash": hashToken(token)}).Execute()
	return err
}

// TakeFlash returns the confirmation kept on the session of token and
// clears it, so it is shown once: a reload, or a second tab, finds
// nothing. The clearing is a compare-and-swap (SQLite's RETURNING gives the
// row as updated, not as it was), so of two pages drawn at once only one
// shows it. ok is false when there was none (or it names no key of the
// catalogue).
func TakeFlash(app dbx.Builder, token string) (m i18n.Message, ok bool, err error) {
	if len(token) != tokenLen {
		return m, false, nil
	}
	hash := hashToken(token)
	var raw string
	err = app.NewQuery("SELECT [[flash]] FROM {{sessions}} WHERE [[token_hash]] = {:hash}").
		Bind(dbx.Params{"hash": hash}).Row(&raw)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && raw == "") {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("failed to read a flash: %w", err)
	}
	res, err := app.NewQuery("UPDATE {{sessions}} SET [[flash]] = '' WHERE [[token_hash]] = {:hash} AND [[flash]] = {:flash}").
		Bind(dbx.Params{"hash": hash, "flash": raw}).Execute()
	if err != nil {
		return m, false, fmt.Errorf("failed to clear a flash: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return m, false, nil // another page took it first
	}
	var f flash
	if json.Unmarshal([]byte(raw), &f) != nil || !i18n.Has(f.Key) {
		return m, false, nil
	}
	return i18n.Message{Key: f.Key, Params: f.Params}, true, nil
}
