import os

from django.db import connection


def database_mode() -> str:
    if "localhost" in os.environ["DATABASE_URL"]:
        return "local"
    with connection.cursor() as cur:
        cur.execute("select 1")
    return "remote"
