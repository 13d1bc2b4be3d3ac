package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

func main() {
	opts, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatalf("REDIS_URL: %v (expected redis://host:6379/0)", err)
	}
	rdb := redis.NewClient(opts)
	e := echo.New()
	e.GET("/sessions/:id", func(c echo.Context) error {
		v, err := rdb.Get(context.Background(), "session:"+c.Param("id")).Result()
		if err != nil {
			return c.NoContent(http.StatusNotFound)
		}
		return c.String(http.StatusOK, v)
	})
	addr := ":" + os.Getenv("PORT")
	log.Printf("listening on %s", addr)
	e.Logger.Fatal(e.Start(addr))
}
