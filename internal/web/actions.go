package web

func (s *server) bindActionRoutes(g *groupRouter) {
	g.GET("/history/{collection}/{id}", s.history)
}
