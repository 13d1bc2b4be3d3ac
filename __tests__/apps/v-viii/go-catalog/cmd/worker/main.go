package main

import (
	"github.com/robfig/cron/v3"
)

func main() {
	c := cron.New()
	c.AddFunc("@every 5m", reindex)
	c.Start()
	select {}
}

func reindex() {}
