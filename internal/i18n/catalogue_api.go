package i18n

// The REST API's own refusals: what ikplan adds to PocketBase's answers.
// The API answers in Swedish unless the request asks for English
// (Accept-Language: en).
func init() {
	for k, v := range map[string][2]string{
		"api.param.filter": {"Filtret", "The filter"},
		"api.param.sort":   {"Sorteringen", "The sort"},
		"api.reach.back": {
			"%s kan inte användas: ”%s” går bakåt från posten via %s, och ett filter eller en sortering får bara läsa postens egna fält och relationer framåt från den (t.ex. plan.year). Fråga i stället efter de posterna direkt: /api/collections/%s/records?filter=%s='…'.",
			"%s cannot be used: “%s” goes back from the record through %s, and a filter or a sort may only read the record's own fields and relations forward from it (e.g. plan.year). Ask for those records directly instead: /api/collections/%s/records?filter=%s='…'.",
		},
		"api.reach.collection": {
			"%s kan inte användas: ”%s” läser poster ur en annan samling (%s), och ett filter eller en sortering får bara läsa postens egna fält och relationer framåt från den. Fråga i stället efter den samlingens poster direkt: /api/collections/%s/records.",
			"%s cannot be used: “%s” reads records of another collection (%s), and a filter or a sort may only read the record's own fields and relations forward from it. Ask for that collection's records directly instead: /api/collections/%s/records.",
		},
		"api.reach.many": {
			"%s kan inte användas: ”%s” går igenom %s, som kan hålla flera poster, och ett filter eller en sortering får bara läsa postens egna fält och relationer framåt till en post i taget. Jämför fältets eget värde i stället (t.ex. %s ?= '…'), eller fråga efter de posterna direkt.",
			"%s cannot be used: “%s” goes through %s, which can hold several records, and a filter or a sort may only read the record's own fields and relations forward to one record at a time. Compare the field's own value instead (e.g. %s ?= '…'), or ask for those records directly.",
		},
	} {
		catalogue[k] = v
	}
}
