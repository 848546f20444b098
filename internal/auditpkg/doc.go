// Package auditpkg makes and checks the auditor's package (revisionspaket):
// one zip per year, and optionally per board, holding every plan and
// follow-up document, the results with their samples, the evidence files,
// the deviations and actions, the change history, and a manifest that
// lists every file with its size and SHA-256, signed with the instance's
// Ed25519 key.
//
// The zip is written the one way this package writes zips (zip.go): every
// entry stored, not compressed, with the manifest's time, in the
// manifest's order, followed by manifest.json, manifest.sig and
// manifest.pub. So its bytes follow from the manifest and the files alone,
// and Verify checks every byte: it reads the files, checks them against
// the manifest and the manifest against its signature, writes the zip
// anew from what it read and compares the two byte for byte. A byte
// changed anywhere — in a file, a header, the directory, the signature —
// is refused.
//
// What goes in is what the person asking may read, by the collections'
// API rules (rules.ListAs), as the pages show it: a reader gets the public
// documents and no confidential control's results, samples or files, and
// no history (the audit log's rules give it to coordinators and auditors).
// The command line builds as a superuser would, with everything.
package auditpkg
