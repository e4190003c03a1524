"""Reading real PDFs with poppler's command-line tools, as a person checking one would."""

import subprocess
import tempfile
from pathlib import Path


def poppler(tool: str, *args, pdf: bytes) -> str:
    """The output of pdftotext, pdfinfo or pdfdetach run on the PDF's bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "response.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(
            [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
    return result.stdout


def words(text: str) -> str:
    """Text with every run of whitespace (line and page breaks included) as one space."""
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, whitespace runs as one space."""
    return words(poppler("pdftotext", pdf=pdf))
