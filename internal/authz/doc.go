// Package authz holds the authorization matrix: a test of every route the
// server's router knows — ikplan's pages, downloads, reports and calendar
// feed and PocketBase's own REST API, files and dashboard — for every role
// and every method, with the answer each must get, and where the
// confidential control 12 and everything under it may show. The routes are
// read from the router itself, so a route added without a row fails the
// test. Run it with: go test ./internal/authz
package authz
