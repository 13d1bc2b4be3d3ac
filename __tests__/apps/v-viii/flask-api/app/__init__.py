import os

from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask

from .jobs import refresh_exchange_rates

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = os.path.join(app.root_path, "uploads")
app.config["SESSION_TYPE"] = "filesystem"

scheduler = BackgroundScheduler()
scheduler.add_job(refresh_exchange_rates, "interval", minutes=15)
scheduler.start()

from . import views  # noqa: E402,F401
