import subprocess


def current_revision() -> str:
    """The deployed git revision, shown in the admin footer."""
    return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"]).decode().strip()
