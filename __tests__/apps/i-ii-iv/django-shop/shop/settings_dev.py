from .settings import *  # noqa: F401,F403

DEBUG = True
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
}
EMAIL_HOST = "localhost"
