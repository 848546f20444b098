package model

// PasswordMin is the fewest characters a password of a user or superuser
// may have (the password fields' Min, set by migration).
const PasswordMin = 12
