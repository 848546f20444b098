package load

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// DefaultSearches are the words searched for: themes and texts of the
// generated data set.
var DefaultSearches = []string{"attest", "upphandling", "behörighet", "rutin", "avtal", "lön", "diarie", "kontroll"}

// Workload turns a mix into requests: each kind goes to the signed-in users
// who can make it, in turn, and each user opens their own plans, controls
// and actions in turn. A write sets an action's status to in progress, the
// next write of the same action back to planned, through the actions page's
// htmx form.
type Workload struct {
	mu       sync.Mutex
	mix      *Mix
	base     string
	searches []string
	able     map[Kind][]*User  // who can make each kind
	turn     map[string]int    // kind, or user and kind → how many made so far
	status   map[string]string // action id → its status as last set
}

// NewWorkload prepares the requests of mix for users. base is the server's
// URL, sent as the Origin of writes. It refuses a mix with a kind no user
// can make, such as writes when every user is a reader.
func NewWorkload(mix *Mix, users []*User, searches []string, base string) (*Workload, error) {
	if len(searches) == 0 {
		searches = DefaultSearches
	}
	w := &Workload{mix: mix, base: base, searches: searches, able: map[Kind][]*User{},
		turn: map[string]int{}, status: map[string]string{}}
	for _, u := range users {
		for _, k := range Kinds {
			if (k == Plan && len(u.Plans) == 0) || (k == Control && len(u.Controls) == 0) || (k == Write && len(u.Actions) == 0) {
				continue
			}
			w.able[k] = append(w.able[k], u)
		}
		for _, a := range u.Actions {
			w.status[a.Id] = a.Status
		}
	}
	for _, k := range Kinds {
		if mix.Weight(k) > 0 && len(w.able[k]) == 0 {
			return nil, fmt.Errorf("no signed-in user can make %s requests (%s); sign in as other users with --users or set %s=0 in --mix", k, needs(k), k)
		}
	}
	return w, nil
}

func needs(k Kind) string {
	switch k {
	case Plan:
		return "none sees a plan"
	case Control:
		return "none sees a control"
	case Write:
		return "none may change an open action"
	}
	return "no user signed in"
}

// Next is the next request of the mix.
func (w *Workload) Next() Request {
	w.mu.Lock()
	k := w.mix.Next()
	w.mu.Unlock()
	return w.Make(k)
}

// Make is the next request of kind k. It is safe for concurrent use.
func (w *Workload) Make(k Kind) Request {
	w.mu.Lock()
	defer w.mu.Unlock()
	users := w.able[k]
	u := users[w.next(string(k))%len(users)]
	i := w.next(u.Email + " " + string(k))
	h := http.Header{"Cookie": {SessionCookie + "=" + u.Token}, "Accept": {"text/html"}}
	r := Request{Kind: k, Method: http.MethodGet, Header: h}
	switch k {
	case Start:
		r.Path = "/"
	case Plan:
		r.Path = "/plans/" + u.Plans[i%len(u.Plans)].Id
	case Control:
		r.Path = "/controls/" + u.Controls[i%len(u.Controls)]
	case Actions:
		r.Path = "/actions?" + actionFilter(u, i)
	case Search:
		r.Path = "/search?q=" + url.QueryEscape(w.searches[i%len(w.searches)])
	case Risks:
		r.Path = "/risks"
	case Write:
		a := u.Actions[i%len(u.Actions)]
		to := "in_progress"
		if w.status[a.Id] == "in_progress" {
			to = "planned"
		}
		w.status[a.Id] = to
		r.Method, r.Path = http.MethodPost, "/actions/"+a.Id+"/status"
		r.Form = url.Values{"status": {to}, "back": {"/actions"}}
		h.Set("Origin", w.base)
		h.Set("HX-Request", "true")
	}
	return r
}

func (w *Workload) next(key string) int {
	n := w.turn[key]
	w.turn[key] = n + 1
	return n
}

// actionFilter is the i-th of the filters a user sets on the actions page
// in turn: one board's year, planned, in progress, overdue.
func actionFilter(u *User, i int) string {
	switch i % 4 {
	case 0:
		if len(u.Plans) > 0 {
			p := u.Plans[(i/4)%len(u.Plans)]
			return url.Values{"board": {p.Board}, "year": {strconv.Itoa(p.Year)}}.Encode()
		}
		return "status=planned"
	case 1:
		return "status=planned"
	case 2:
		return "status=in_progress"
	default:
		return "overdue=1"
	}
}
