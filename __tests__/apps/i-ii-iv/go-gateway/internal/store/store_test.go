package store

import "testing"

func TestOpen(t *testing.T) {
	if _, err := Open("postgres://postgres:postgres@localhost:5432/test"); err != nil {
		t.Fatal(err)
	}
}
