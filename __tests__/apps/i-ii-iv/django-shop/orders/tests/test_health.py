import os


def test_local_mode(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://localhost:5432/test")
    if os.environ["DATABASE_URL"].startswith("postgres://localhost"):
        assert True
