package perf

// PlansByID is the most plans whose items (open actions, significant
// deviations) a list looks up by the plans' ids, through an index. For one
// who sees more plans than this, reading by status and letting the rule
// turn away other boards' items is the quicker way: the ids would cover
// most of the table anyway. It changes how a list is read, never what it
// holds, so it does not depend on Enabled (docs/PERFORMANCE.md#query-planning).
const PlansByID = 50
