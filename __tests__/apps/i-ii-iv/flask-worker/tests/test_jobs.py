import sqlite3


def test_store(tmp_path):
    conn = sqlite3.connect(str(tmp_path / "jobs.db"))
    assert conn.execute("select 1").fetchone() == (1,)
