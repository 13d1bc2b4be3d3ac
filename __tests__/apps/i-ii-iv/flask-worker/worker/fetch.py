import subprocess


def download(url: str, dest: str) -> None:
    subprocess.run(["curl", "-fsSL", "-o", dest, url], check=True)
