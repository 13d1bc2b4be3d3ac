module github.com/acme/ledger

go 1.22

require (
	github.com/rabbitmq/amqp091-go v1.9.0
	gopkg.in/natefinch/lumberjack.v2 v2.2.1
	gorm.io/gorm v1.25.10
)
