import sqlite3


def job_store():
    """Job bookkeeping for the report runs."""
    return sqlite3.connect("jobs.db")
