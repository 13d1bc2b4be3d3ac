import os

from app import app

if __name__ == "__main__":
    # Development entry only; production runs gunicorn from the Procfile.
    app.run(host="0.0.0.0", port=5000, debug=True)
