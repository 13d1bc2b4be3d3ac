package main

import (
	"database/sql"
	"log"

	_ "github.com/mattn/go-sqlite3"
)

var auditDB *sql.DB

func init() {
	var err error
	auditDB, err = sql.Open("sqlite3", "./audit.db")
	if err != nil {
		log.Fatal(err)
	}
}
