// Package carry moves a board's internal control on: from one year's plan to
// a draft for the next (Preview, Apply), and from a board to its successor
// in a reorganisation (Survey, Transfer). Every write goes through the hooks
// in one transaction run for the actor, so the history names who did it and
// a failure leaves nothing behind.
//
// # Next year's plan
//
// Apply makes a draft plan for the same board and the next year. It copies
// every control (section, number, position, unit, risk, title, process,
// description, method, frequency, owner, report_to, legal_refs,
// confidential and the target), with its due date moved one year on. An
// owner who no longer belongs to the board, and a risk that has moved to
// another board, are left out of the copy (the draft may lack them; adoption
// asks for the owner again).
//
// Risks are carried forward by the copies' links: a risk is one record
// across the years and its assessments are yearly. No assessment for the
// new year is made automatically — a value copied without thought would look
// like a decision nobody took. Preview lists each linked risk that was
// assessed for the plan's year, with that value and the year before's, as
// "to re-assess"; the coordinator assesses it on the risk's page.
//
// Every unfinished action (planned or in progress, not already transferred)
// needs a decision, or Apply writes nothing:
//   - continue: a new action in the new plan, attached to the copy of the
//     same control, with the same description, owner, deadline, precision
//     and status, and carried_from naming the old one, which closes as
//     continued ("fortsätter i planen för {year}") with carried_to naming
//     the new one: one open item per real action. The new one is on
//     nobody's list while the new plan is a draft (in_draft). Removing the
//     new action (with its draft plan, say) opens the old one again;
//   - close: the old action is cancelled with the reason given;
//   - transfer: the old action's transferred_to names another board.
//
// The close and transfer decisions, and a reorganisation's marks, are saved
// as carry operations (model.RunCarry): the only writes that may set an
// item's transferred_to, and the only change an unfinished action of a
// reported plan takes — everything else under a reported plan stays as it
// was reported.
//
// The board's plan for the next year, if there is one already, is refused by
// the hooks ("Nämnden har redan en internkontrollplan för …"), and Apply
// returns that message.
//
// # Reorganisation
//
// Transfer moves what a board still has open to its successor
// (boards.successor), in one transaction:
//   - its risks change board to the successor (the hooks allow a risk's board
//     to change only to the old board's successor); their unit is cleared,
//     since units belong to the old board, and their assessments follow;
//   - each control of its adopted plans that lacks a result for one of its
//     periods (and has no whole-year result) gets a whole-year not_performed
//     result with transferred_to = successor and the reason "Överförd till
//     {successor} i omorganisationen.", so the giving board's follow-up can
//     be reported and says where the control went;
//   - each open action (planned or in progress, not yet transferred) of its
//     plans gets transferred_to = successor; the old action keeps its status;
//   - those controls, and the controls of those actions, are copied into the
//     successor's draft plan — the earliest draft for the current year or
//     later — in a part (section) named after the giving board, owners kept
//     when they belong to the successor; each open action continues there as
//     a new action with carried_from, attached to the copy of its control.
//
// When something is to be copied and the successor has no such draft,
// Transfer refuses and says to create the draft first: nothing is marked as
// transferred without a place to go. Running Transfer again only moves what
// is still open, since moved items are marked. The giving board's own draft
// plans are left as they are.
package carry
