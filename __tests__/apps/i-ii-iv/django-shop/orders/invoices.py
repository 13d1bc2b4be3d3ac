import subprocess
import tempfile


def render_pdf(html: str) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".html") as src, tempfile.NamedTemporaryFile(suffix=".pdf") as out:
        src.write(html.encode())
        src.flush()
        subprocess.run(["wkhtmltopdf", src.name, out.name], check=True)
        return out.read()
