package model

import "slices"

// OwnerRoles are the roles whose people may own a control or an action:
// readers and auditors write nothing, so they cannot be responsible.
var OwnerRoles = []string{RoleCoordinator, RoleOwner}

// MayOwn reports whether someone of role may own a control or an action
// (of a board they belong to: the hooks check that too).
func MayOwn(role string) bool { return slices.Contains(OwnerRoles, role) }

// OwnerRoleFilter is MayOwn as a PocketBase filter on users, for lists
// that offer owners: they offer no one the server would refuse.
const OwnerRoleFilter = "(role = '" + RoleCoordinator + "' || role = '" + RoleOwner + "')"
