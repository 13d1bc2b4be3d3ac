package main

import (
	"log"
	"net/http"
	"os"

	"github.com/acme/catalog/internal/httpapi"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	go func() {
		// pprof for operators, on a fixed local port
		log.Println(http.ListenAndServe("localhost:6060", nil))
	}()
	log.Fatal(http.ListenAndServe(":"+port, httpapi.Router()))
}
