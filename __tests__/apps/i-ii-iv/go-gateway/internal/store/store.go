package store

import (
	"database/sql"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// Open connects to the database named by dsn (DATABASE_URL).
func Open(dsn string) (*sql.DB, error) {
	if strings.Contains(dsn, "localhost") {
		dsn += "?sslmode=disable"
	}
	return sql.Open("pgx", dsn)
}
