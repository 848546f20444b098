package model

// InText is the board's name inside a sentence (BoardInText); "" for no board.
func (b *Board) InText() string {
	if b == nil {
		return ""
	}
	return BoardInText(b.Record)
}

// Genitive is the board's name in the genitive inside a sentence
// (BoardGenitive): "kommunstyrelsens".
func (b *Board) Genitive() string { return BoardGenitive(b.Record) }
