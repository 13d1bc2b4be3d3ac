package main

import (
	"log"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte("my_secret_key")

func getEnv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func main() {
	port := getEnv("PORT", "8080")
	apiToken := os.Getenv("API_TOKEN")
	_ = apiToken
	http.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "1"})
		s, _ := t.SignedString(jwtKey)
		w.Write([]byte(s))
	})
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
