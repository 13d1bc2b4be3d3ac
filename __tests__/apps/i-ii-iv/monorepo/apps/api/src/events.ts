import { Kafka } from 'kafkajs'

const kafka = new Kafka({ clientId: 'api', brokers: ['kafka-0.kafka.prod.svc:9092', 'kafka-1.kafka.prod.svc:9092'] })
export const producer = kafka.producer()
