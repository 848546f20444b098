package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Message is a text to show later, in whatever language the reader has: a
// catalogue key with named parameters. The server's refusals are
// Messages, so that the web UI shows them in the UI's language and the
// REST API in the language the request asks for.
//
// In the catalogue's texts a parameter is written {name}; {t:name} shows
// the parameter's value as a catalogue key, translated (a plan's status,
// a field's name).
type Message struct {
	Key    string
	Params map[string]any
}

// M is the Message of key with its parameters given as name, value pairs.
func M(key string, kv ...any) Message {
	m := Message{Key: key}
	if len(kv) > 1 {
		m.Params = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Params[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return m
}

// MN is M for a message that counts n things: the key's "_one" form for
// one, when the catalogue has it (as N).
func MN(key string, n int, kv ...any) Message {
	if n == 1 && Has(key+"_one") {
		key += "_one"
	}
	return M(key, kv...)
}

// In is the message's text in lang. A key that is not in the catalogue
// shows as itself, so a sentence written straight into a refusal still
// reads as that sentence.
func (m Message) In(lang string) string {
	e, ok := catalogue[m.Key]
	if !ok {
		return m.Key
	}
	s := e[0]
	if lang == En && e[1] != "" {
		s = e[1]
	}
	if !strings.Contains(s, "{") {
		return s
	}
	return fill(lang, s, m.Params)
}

// fill replaces each {name} and {t:name} in s by its parameter.
func fill(lang, s string, params map[string]any) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			break
		}
		name := s[open+1 : open+end]
		translate := false
		if n, ok := strings.CutPrefix(name, "t:"); ok {
			name, translate = n, true
		}
		v, ok := params[name]
		b.WriteString(s[:open])
		switch {
		case !ok:
			b.WriteString(s[open : open+end+1])
		case translate:
			// a key's text may take the same parameters
			b.WriteString(Message{Key: fmt.Sprint(v), Params: params}.In(lang))
		case isLocalized(v):
			b.WriteString(v.(Localized).In(lang))
		default:
			b.WriteString(fmt.Sprint(v))
		}
		s = s[open+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// ErrorCode is the code of every field error ikplan's rules raise, as the
// REST API has always answered it; the message's key tells them apart.
const ErrorCode = "validation_ikplan"

// FieldError is a Message as a field's validation error: Error is the
// Swedish text, Params the message's parameters, and the REST API's answer
// carries the key beside the code. It does not run its text as a template,
// as ozzo's own errors do, so a value a user wrote ("{{") cannot break it.
type FieldError struct {
	Msg  Message
	code string
	lang string // Sv unless set by InLang
}

var _ validation.Error = FieldError{}

// NewFieldError is the field error of m.
func NewFieldError(m Message) FieldError { return FieldError{Msg: m, code: ErrorCode} }

// InLang is the error with its text in lang.
func (e FieldError) InLang(lang string) FieldError { e.lang = lang; return e }

// Error is the message in Swedish, or in the language set by InLang.
func (e FieldError) Error() string { return e.Msg.In(e.lang) }

// Code is the stable error code of the REST API's answer.
func (e FieldError) Code() string { return e.code }

// Message is the error's text, as Error.
func (e FieldError) Message() string { return e.Msg.In(e.lang) }

// Params are the message's parameters.
func (e FieldError) Params() map[string]any { return e.Msg.Params }

// SetCode sets the error code.
func (e FieldError) SetCode(code string) validation.Error { e.code = code; return e }

// SetMessage makes msg the error's key.
func (e FieldError) SetMessage(msg string) validation.Error { e.Msg.Key = msg; return e }

// SetParams sets the message's parameters.
func (e FieldError) SetParams(params map[string]any) validation.Error {
	e.Msg.Params = params
	return e
}

// AddParam adds one parameter.
func (e FieldError) AddParam(name string, value any) validation.Error {
	p := make(map[string]any, len(e.Msg.Params)+1)
	for k, v := range e.Msg.Params {
		p[k] = v
	}
	p[name] = value
	e.Msg.Params = p
	return e
}

// Resolve adds the message's key to the REST API's answer for the
// field, as messageKey (after code and message, which clients and tests
// read side by side).
func (e FieldError) Resolve(data map[string]any) any {
	if Has(e.Msg.Key) {
		data["messageKey"] = e.Msg.Key
	}
	return data
}

// Text is the text of a field's validation error in lang: a Message's in
// lang, any other error's own.
func Text(lang string, err error) string {
	var fe FieldError
	if errors.As(err, &fe) {
		return fe.Msg.In(lang)
	}
	return err.Error()
}

// Translate is the REST API's refusal err with its messages in lang: the
// answer's message and each field's; the codes stay as they are. Errors
// that carry no Message pass unchanged.
func Translate(err error, lang string) error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) {
		return err
	}
	switch raw := apiErr.RawData().(type) {
	case Message:
		return router.NewApiError(apiErr.Status, raw.In(lang), raw)
	case validation.Errors:
		if out, ok := translateBatch(raw, lang); ok {
			// the batch API's refusal: its message stays PocketBase's
			return router.NewApiError(apiErr.Status, apiErr.Message, out)
		}
		out := make(validation.Errors, len(raw))
		changed := false
		for field, fe := range raw {
			var m FieldError
			if errors.As(fe, &m) {
				out[field], changed = m.InLang(lang), true
			} else {
				out[field] = fe
			}
		}
		if !changed {
			return err
		}
		return router.NewApiError(apiErr.Status, Refusal(lang, out), out)
	}
	return err
}

// batchItem is a failed request of the batch API (/api/batch) with its
// answer translated; it is written as PocketBase writes its own
// ({"code","message","response"}).
type batchItem struct {
	code, message string
	response      error
}

func (b batchItem) Error() string { return b.message }
func (b batchItem) Code() string  { return b.code }
func (b batchItem) Resolve(data map[string]any) any {
	data["response"] = b.response
	return data
}
func (b batchItem) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"code": b.code, "message": b.message, "response": b.response})
}

// translateBatch is the batch API's refusal {"requests":{"0":…}} with the
// failed request's answer in lang; ok is false for any other refusal.
func translateBatch(raw validation.Errors, lang string) (validation.Errors, bool) {
	reqs, ok := raw["requests"].(validation.Errors)
	if !ok || len(raw) != 1 {
		return nil, false
	}
	out := make(validation.Errors, len(reqs))
	for i, item := range reqs {
		out[i] = item
		r, ok := item.(interface {
			Code() string
			Resolve(map[string]any) any
		})
		if !ok {
			continue
		}
		resolved, _ := r.Resolve(map[string]any{}).(map[string]any)
		if inner, ok := resolved["response"].(*router.ApiError); ok && inner != nil {
			out[i] = batchItem{code: r.Code(), message: item.Error(), response: Translate(inner, lang)}
		}
	}
	return validation.Errors{"requests": out}, true
}

// Refusal is the REST API's message for a refused save in lang: a
// sentence, then each field with its message, in the fields' order.
func Refusal(lang string, errs validation.Errors) string {
	fields := make([]string, 0, len(errs))
	for f := range errs {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	parts := []string{T(lang, "ikplan.refusal")}
	for _, f := range fields {
		parts = append(parts, f+": "+Text(lang, errs[f]))
	}
	return strings.Join(parts, " ")
}

// Localized is a parameter whose text depends on the reader's language,
// such as another Message or a list of Phrases.
type Localized interface{ In(lang string) string }

func isLocalized(v any) bool { _, ok := v.(Localized); return ok }

// Phrase is a part of a sentence: a catalogue key with printf arguments.
type Phrase struct {
	Key  string
	Args []any
}

// Phrases are parts of one sentence, shown in the reader's language joined
// by "; ": the first Shown of them (all when Shown is 0) and a full stop,
// or then More with the count of the rest (" och 3 till.").
type Phrases struct {
	List  []Phrase
	Shown int
	More  string
}

// In is the sentence's parts in lang.
func (p Phrases) In(lang string) string {
	n := len(p.List)
	if p.Shown > 0 && n > p.Shown {
		n = p.Shown
	}
	parts := make([]string, n)
	for i, ph := range p.List[:n] {
		parts[i] = T(lang, ph.Key, ph.Args...)
	}
	if n < len(p.List) {
		return strings.Join(parts, "; ") + T(lang, p.More, len(p.List)-n)
	}
	return strings.Join(parts, "; ") + "."
}

// MarshalJSON writes the phrases for the REST API's params as their keys
// and arguments, in no language: [{"key":"ready.no_owner","args":["3"]}].
func (p Phrases) MarshalJSON() ([]byte, error) {
	type phrase struct {
		Key  string `json:"key"`
		Args []any  `json:"args,omitempty"`
	}
	out := make([]phrase, len(p.List))
	for i, ph := range p.List {
		out[i] = phrase(ph)
	}
	return json.Marshal(out)
}
