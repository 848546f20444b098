package testapp

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// BoardName is a board's name and its name for running text
// (boards.name_in_text) as an administrator gives them, with how the
// board must then read inside a sentence and in the genitive.
type BoardName struct {
	Name, NameInText         string // as given; NameInText "" leaves it to the default rule
	WantInText, WantGenitive string
}

// BoardNames are names every place that prints a board's name inside a
// sentence is tested with: one the default rule gets right, one that
// starts with a place and so needs its own name for running text, one that
// ends in s (no genitive s), and one that starts with an abbreviation.
var BoardNames = []BoardName{
	{"Kommunstyrelsen", "", "kommunstyrelsen", "kommunstyrelsens"},
	{"Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnds"},
	{"Överförmyndarnämnden Sala-Heby-Västerås", "", "överförmyndarnämnden Sala-Heby-Västerås", "överförmyndarnämnden Sala-Heby-Västerås"},
	{"IT-nämnden", "", "IT-nämnden", "IT-nämndens"},
}

// RenameBoard gives a board the name and name for running text of n,
// through the rules, as an administrator does in the dashboard.
func RenameBoard(app core.App, boardId string, n BoardName) error {
	return Update(app, model.Boards, boardId, map[string]any{"name": n.Name, "name_in_text": n.NameInText})
}
