module github.com/acme/sessions

go 1.22

require (
	github.com/labstack/echo/v4 v4.12.0
	github.com/redis/go-redis/v9 v9.5.1
)
