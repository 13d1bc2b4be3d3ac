import os
import tempfile

from flask import request, session
from werkzeug.utils import secure_filename

from . import app

# Per-user state kept in this worker process only.
searches_by_user = {}
# Read-only configuration table.
CURRENCIES = {"EUR": "€", "USD": "$"}


@app.route("/search")
def search():
    searches_by_user[session["user_id"]] = request.args["q"]
    return {"symbol": CURRENCIES.get(request.args.get("cur", "EUR"))}


@app.route("/receipts", methods=["POST"])
def upload_receipt():
    f = request.files["receipt"]
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], secure_filename(f.filename)))
    return "", 201


@app.route("/import", methods=["POST"])
def import_csv():
    f = request.files["csv"]
    # Transient: parsed and deleted within the request.
    f.save(os.path.join(tempfile.gettempdir(), secure_filename(f.filename)))
    return "", 202
