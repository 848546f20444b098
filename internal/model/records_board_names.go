package model

// InText is the board's name inside a sentence (BoardInText); "" for no board.
func (b *Board) InText() string {
	if b == nil {
		return ""
	}
	return BoardInText(b.Record)
}
