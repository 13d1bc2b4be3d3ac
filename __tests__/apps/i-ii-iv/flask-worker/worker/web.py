import os

from flask import Flask

from worker.jobs import job_store

app = Flask(__name__)


@app.get("/health")
def health():
    return {"jobs": job_store().execute("select count(*) from jobs").fetchone()[0]}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
