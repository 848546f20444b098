package access

import (
	"strings"
	"testing"
)

// TestFixed: only rules and filters that mean the same at every run (the
// signed-in user's values are in the key) have their SQL kept.
func TestFixed(t *testing.T) {
	for text, want := range map[string]bool{
		"":                                      true,
		"board = 'x'":                           true,
		"@request.auth.role = 'coordinator'":    true,
		"plan.board ?= @collection.plans.board": true,
		"due <= @now":                           false,
		"@request.auth.id != '' && due > @todayStart": false,
		"@request.body.status = 'done'":               false,
		"@request.method = 'GET'":                     false,
	} {
		if got := fixed(text); got != want {
			t.Errorf("fixed(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestCompile: dbx's SQL turned as dbx turns it for SQLite.
func TestCompile(t *testing.T) {
	cq := compile("SELECT [[t.a]], {:x} AS [[b]] FROM {{t}} LEFT JOIN {{u}} [[u_t]] ON [[u_t.id]] = [[t.u]] WHERE [[t.b]] = {:y} AND {:x} != ''", nil)
	want := "SELECT `t`.`a`, ? AS `b` FROM `t` LEFT JOIN `u` `u_t` ON `u_t`.`id` = `t`.`u` WHERE `t`.`b` = ? AND ? != ''"
	if cq.sql != want {
		t.Errorf("got  %s\nwant %s", cq.sql, want)
	}
	if got := strings.Join(cq.placeholders, ","); got != "x,y,x" {
		t.Errorf("placeholders %s, want x,y,x", got)
	}
}
