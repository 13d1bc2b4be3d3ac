package consumer

import (
	"log"

	amqp "github.com/rabbitmq/amqp091-go"
	"gopkg.in/natefinch/lumberjack.v2"
)

func Run(ch *amqp.Channel) error {
	log.SetOutput(&lumberjack.Logger{Filename: "/var/log/ledger/consumer.log", MaxSize: 50})
	msgs, err := ch.Consume("ledger-entries", "", true, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		log.Printf("entry %s", d.Body)
	}
	return nil
}
