package main

import "net/http"

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	mux.HandleFunc("/migrate-status", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	return mux
}
