from .base import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ['shop.acme-retail.com']
CACHES = {
    'default': {
        'BACKEND': 'django_redis.cache.RedisCache',
        'LOCATION': 'redis://cache.prod.acme-retail.internal:6379/1',
    }
}
