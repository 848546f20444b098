package web_test

import (
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/proof/testapp"
)

// slowMail is how long the mail server takes to accept a reset mail here:
// about what the red team measured between a known and an unknown address.
const slowMail = 300 * time.Millisecond

// TestForgotAnswersInTheSameTime: "POST /forgot" takes as long for a known
// address as for an unknown one, however slow the mail server: the mail
// goes out after the answer. Medians of many requests each, interleaved;
// the tolerance is generous, a third of the mail's delay.
func TestForgotAnswersInTheSameTime(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	s := app.Settings()
	s.RateLimits.Enabled = false                // they have their own test
	s.Meta.AppURL = "https://ikplan.example.se" // without it no reset mail is sent (TestForgotWaitsForTheAppURL)
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	var sent atomic.Int64
	app.OnMailerRecordPasswordResetSend().BindFunc(func(e *core.MailerRecordEvent) error {
		time.Sleep(slowMail)
		defer sent.Add(1)
		return e.Next()
	})
	h := handler(t, app)
	const rounds = 9
	answer := func(email string) (time.Duration, string) {
		start := time.Now()
		rec := send(h, http.MethodPost, "/forgot", "email="+email)
		took := time.Since(start)
		if rec.Code != http.StatusOK {
			t.Fatalf("Expected 200 for %s, got %d", email, rec.Code)
		}
		return took, strings.ReplaceAll(rec.Body.String(), email, "ADDRESS")
	}
	var known, unknown []time.Duration
	var pages []string
	for range rounds {
		k, page1 := answer("lasare%40ikplan.test")
		u, page2 := answer("nobody%40ikplan.test")
		known, unknown = append(known, k), append(unknown, u)
		pages = append(pages, page1, page2)
	}
	for _, p := range pages[1:] {
		if p != pages[0] {
			t.Fatal("Expected the same page for a known and an unknown address")
		}
	}
	mk, mu := median(known), median(unknown)
	t.Logf("median answer: known %v, unknown %v", mk, mu)
	if d := mk - mu; d > slowMail/3 || -d > slowMail/3 {
		t.Fatalf("Expected the same time for a known and an unknown address, got medians %v and %v", mk, mu)
	}
	// the mails do go out, after the answers
	waitSent(t, &sent, rounds)
	if to := app.TestMailer.LastMessage().To[0].Address; to != "lasare@ikplan.test" {
		t.Fatalf("Expected the mails to the known address, got one to %s", to)
	}

	// PocketBase's own REST endpoint sends in the background too (and at
	// most one mail per address every two minutes): a 204 either way, in
	// the same time
	known, unknown = nil, nil
	rest := func(email string) time.Duration {
		start := time.Now()
		rec := send(h, http.MethodPost, "/api/collections/users/request-password-reset", `{"email":"`+email+`"}`, "Content-Type", "application/json")
		took := time.Since(start)
		if rec.Code != http.StatusNoContent {
			t.Fatalf("Expected 204 from the REST API for %s, got %d", email, rec.Code)
		}
		return took
	}
	for range rounds {
		known, unknown = append(known, rest("lasare@ikplan.test")), append(unknown, rest("nobody@ikplan.test"))
	}
	mk, mu = median(known), median(unknown)
	t.Logf("REST API median answer: known %v, unknown %v", mk, mu)
	if d := mk - mu; d > slowMail/3 || -d > slowMail/3 {
		t.Fatalf("Expected the REST API to take the same time for a known and an unknown address, got medians %v and %v", mk, mu)
	}
	// (its two-minute guard is set once a mail has gone, so a burst like
	// this one sends more than one: the rate limiter bounds it)
	waitSent(t, &sent, rounds+1)
}

// waitSent waits a while for at least n mails in all to have been sent.
func waitSent(t *testing.T, sent *atomic.Int64, n int64) {
	t.Helper()
	deadline := time.Now().Add(time.Duration(n)*slowMail + 10*time.Second)
	for sent.Load() < n && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := sent.Load(); got < n {
		t.Fatalf("Expected %d reset mails sent after the answers, got %d", n, got)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// TestResetMailsLimitedOnEveryRoute: one address may ask for reset mails 5
// times a minute, through the web UI's form and through PocketBase's REST
// endpoint alike; the sixth is a 429 and sends nothing.
func TestResetMailsLimitedOnEveryRoute(t *testing.T) {
	t.Parallel()
	for _, route := range []struct{ target, body, ctype string }{
		{"/forgot", "email=lasare%40ikplan.test", "application/x-www-form-urlencoded"},
		{"/api/collections/users/request-password-reset", `{"email":"lasare@ikplan.test"}`, "application/json"},
	} {
		app := testapp.NewWeb(t)
		h := handler(t, app)
		var codes []int
		for range 6 {
			rec := send(h, http.MethodPost, route.target, route.body, "Content-Type", route.ctype)
			codes = append(codes, rec.Code)
		}
		if slices.Contains(codes[:5], http.StatusTooManyRequests) || codes[5] != http.StatusTooManyRequests {
			t.Errorf("%s: expected 5 answers then 429, got %v", route.target, codes)
		}
	}
}
