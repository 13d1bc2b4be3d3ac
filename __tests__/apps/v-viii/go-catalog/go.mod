module github.com/acme/catalog

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/robfig/cron/v3 v3.0.1
)
