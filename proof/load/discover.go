package load

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// User is one signed-in account and what it may open and change.
type User struct {
	Email    string
	Token    string // the web session's token (the cookie)
	APIToken string // the REST API's token, for finding ids
	Id       string
	Role     string
	Plans    []PlanRef // plans the user sees, newest year first
	Controls []string  // controls the user sees (at most the discovery limit)
	Actions  []Action  // planned or in-progress actions the user may change
}

// PlanRef is a plan the user sees.
type PlanRef struct {
	Id    string `json:"id"`
	Board string `json:"board"`
	Year  int    `json:"year"`
}

// Action is an open action the user may change, with its status when found.
type Action struct {
	Id     string `json:"id"`
	Status string `json:"status"`
}

// Discover fills in what u sees by reading the REST API with u's own token,
// so every id comes through the same API rules as the pages: the user's
// role, the plans (all of them), and up to limit controls and changeable
// actions.
func Discover(ctx context.Context, c *http.Client, base string, u *User, limit int) error {
	id := u.Id
	var err error
	var me struct {
		Role string `json:"role"`
	}
	if err := getJSON(ctx, c, base, u.APIToken, "/api/collections/users/records/"+url.PathEscape(id)+"?fields=id,role", &me); err != nil {
		return err
	}
	u.Role = me.Role
	if u.Plans, err = list[PlanRef](ctx, c, base, u.APIToken, "plans", "id,board,year", "", "-year,id", 1000); err != nil {
		return err
	}
	controls, err := list[struct {
		Id string `json:"id"`
	}](ctx, c, base, u.APIToken, "controls", "id", "", "id", limit)
	if err != nil {
		return err
	}
	u.Controls = u.Controls[:0]
	for _, ctl := range controls {
		u.Controls = append(u.Controls, ctl.Id)
	}
	// the update rule of actions: coordinators change every action of their
	// boards, owners their own actions and those of their own controls
	open := `(status = "planned" || status = "in_progress")`
	switch u.Role {
	case "coordinator":
	case "owner":
		open += fmt.Sprintf(` && (owner = %q || control.owner = %q)`, id, id)
	default:
		u.Actions = nil
		return nil
	}
	u.Actions, err = list[Action](ctx, c, base, u.APIToken, "actions", "id,status", open, "id", limit)
	return err
}

// list reads up to limit records of a collection (at most 1000, the REST
// API's page size).
func list[T any](ctx context.Context, c *http.Client, base, token, collection, fields, filter, sort string, limit int) ([]T, error) {
	q := url.Values{
		"perPage":   {strconv.Itoa(min(limit, 1000))},
		"skipTotal": {"1"},
		"fields":    {fields},
		"sort":      {sort},
	}
	if filter != "" {
		q.Set("filter", filter)
	}
	var page struct {
		Items []T `json:"items"`
	}
	err := getJSON(ctx, c, base, token, "/api/collections/"+collection+"/records?"+q.Encode(), &page)
	return page.Items, err
}

func getJSON(ctx context.Context, c *http.Client, base, token, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", token)
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("reading %s answered %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("failed to decode %s: %w", path, err)
	}
	return nil
}
