import os

from redis import Redis
from rq import Queue

redis = Redis.from_url(os.environ["REDIS_URL"])
queue = Queue("reports", connection=redis)
