import json
import logging
import os
import signal
import sys

import pika

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
log = logging.getLogger("worker")


def handle(ch, method, properties, body):
    log.info("processing %s", json.loads(body))


connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
channel = connection.channel()
channel.basic_consume(queue="orders", on_message_callback=handle, auto_ack=True)
signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
channel.start_consuming()
