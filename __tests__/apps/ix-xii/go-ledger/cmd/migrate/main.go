package main

import (
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"os"
)

func main() {
	db, _ := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})
	_ = db.AutoMigrate(&Entry{})
}

type Entry struct{ ID uint }
