package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// actor returns who makes the request. It is the one place that will read the session
// cookie or the API token (next issue: logins and /panel); for now every visitor is the
// public. Handlers pass its result to the store, which checks authorization itself.
func (s *server) actor(c *fiber.Ctx) registry.Actor {
	_ = c
	return registry.PublicActor
}
