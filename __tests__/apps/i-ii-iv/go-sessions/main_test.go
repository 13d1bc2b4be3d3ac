package main

import "testing"

func TestRedisURL(t *testing.T) {
	t.Setenv("REDIS_URL", "redis://localhost:6379/0")
}
