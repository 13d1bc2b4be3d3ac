from .settings import *  # noqa: F401,F403

DEBUG = False
SECURE_SSL_REDIRECT = True
