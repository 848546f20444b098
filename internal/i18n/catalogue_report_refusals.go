package i18n

// The refusals of a document that cannot be written (internal/report),
// shown on the report pages in the reader's language and printed by the
// command line in Swedish (scope rules1).
func init() {
	for k, v := range map[string][2]string{
		"report.refused.no_board": {"Nämnden finns inte.", "The board does not exist."},
		"report.refused.no_plan":  {"{board} har ingen internkontrollplan för {year}.", "{board} has no internal control plan for {year}."},
		"report.refused.format": {"Det går inte att skriva {format}: okänt format – välj ett av: {formats}.",
			"{format} cannot be written: unknown format – choose one of: {formats}."},
		"report.refused.no_results_followup": {"{genitive} internkontrollplan {year} har inga resultat ännu – uppföljningen kan skrivas när minst en kontrollpunkt har rapporterats.",
			"The internal control plan {year} of {board} has no results yet – the follow-up can be written once at least one control has been reported."},
		"report.refused.no_results_memo": {"{genitive} internkontrollplan {year} har inga resultat ännu – tjänsteskrivelsen kan skrivas när minst en kontrollpunkt har rapporterats.",
			"The internal control plan {year} of {board} has no results yet – the memorandum can be written once at least one control has been reported."},
		"report.refused.short_name_shared": {"Kortnamnet {name} används av flera nämnder – ange nämndens hela namn: {known}.",
			"The short name {name} is used by several boards – give the board's full name: {known}."},
		"report.refused.no_boards": {"Nämnden {name} finns inte – det finns inga nämnder ännu.", "The board {name} does not exist – there are no boards yet."},
		"report.refused.unknown_board": {"Nämnden {name} finns inte – ange en nämnds namn eller kortnamn: {known}.",
			"The board {name} does not exist – give a board's name or short name: {known}."},
		"report.refused.rollup_no_plan": {"Det finns ingen internkontrollplan för {year} att sammanställa.", "There is no internal control plan for {year} to put together."},
	} {
		catalogue[k] = v
	}
}
