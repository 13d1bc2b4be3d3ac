package main

import (
	"log"
	"net/http"
	"os"

	"github.com/acme/gateway/internal/media"
	"github.com/acme/gateway/internal/store"
	"github.com/gin-gonic/gin"
)

func main() {
	db, err := store.Open(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	r := gin.Default()
	r.GET("/health", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"db": db.Ping() == nil}) })
	r.POST("/probe", func(c *gin.Context) { c.JSON(http.StatusOK, media.Probe(c.Query("file"))) })
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	log.Fatal(r.Run(":" + port))
}
