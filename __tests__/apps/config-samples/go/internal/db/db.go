package db

import (
	"database/sql"
	"os"
)

// Open connects to the orders database.
func Open() (*sql.DB, error) {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://orders:Pr0d-0rders!@orders-db.prod.internal:5432/orders?sslmode=require"
	}
	return sql.Open("postgres", dsn)
}

type Config struct {
	Password string `json:"password" env:"DB_PASSWORD"`
}
