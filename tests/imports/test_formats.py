"""The same report as pasted text, as its web page and as its PDF imports to the same items;
a file of another kind, or a PDF without text, is refused in words; parse_report writes
nothing."""

import json
from datetime import date
from pathlib import Path

import pytest
import weasyprint
from django.core.management import CommandError, call_command

from imports.extract import UnreadableSource, read_source
from imports.parser import parse, parse_text

from .documents import as_html, as_pdf

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.txt"))


def expected_of(document: Path):
    expected = json.loads(document.with_suffix(".json").read_text())
    return document.read_text(), date.fromisoformat(expected["published"])


def as_json(items):
    return [item.as_json() for item in items]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_the_web_page_imports_to_the_same_items_as_its_text(document):
    text, published = expected_of(document)
    page = as_html(text).encode()
    assert as_json(parse(read_source(page), published)) == as_json(parse_text(text, published))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_the_pdf_imports_to_the_same_items_as_its_text(document):
    text, published = expected_of(document)
    pdf = as_pdf(text)
    assert as_json(parse(read_source(pdf), published)) == as_json(parse_text(text, published))


def test_the_web_pages_furniture_and_scripts_are_not_read():
    text = (CORPUS / "01-peel-coc-stem.txt").read_text()
    lines = [line.text for line in read_source(as_html(text).encode())]
    assert not any("never appear" in line for line in lines)
    assert not {"Accept", "Publications", "We use some essential cookies."} & set(lines)
    assert "Cause of concern 1" in lines


def test_a_pdf_without_a_text_layer_is_refused_with_a_message():
    blank = weasyprint.HTML(string="<html><body><div style='height: 5cm'></div></body></html>")
    with pytest.raises(UnreadableSource, match="no text layer"):
        read_source(blank.write_pdf())


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        b"PK\x03\x04" + b"\x00" * 64,
        "Recommendation 1".encode("utf-16"),
    ],
    ids=["png", "zip", "utf-16"],
)
def test_a_file_that_is_not_text_html_or_pdf_is_refused(data):
    with pytest.raises(UnreadableSource, match="not a PDF, an HTML page"):
        read_source(data)


@pytest.fixture
def written_files(tmp_path):
    text = (CORPUS / "08-numbering-restarts.txt").read_text()
    files = {"txt": text.encode(), "html": as_html(text).encode(), "pdf": as_pdf(text)}
    for suffix, data in files.items():
        (tmp_path / f"report.{suffix}").write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("suffix", ["txt", "html", "pdf"])
def test_parse_report_prints_the_items_as_json_and_writes_nothing(
    suffix, written_files, capsys, row_counts
):
    before = row_counts()
    call_command("parse_report", str(written_files / f"report.{suffix}"), "--published=2021-07-01")
    printed = json.loads(capsys.readouterr().out)
    assert row_counts() == before
    keys = ["kind", "ref", "text", "addressee", "deadline", "deadline_text", "parent"]
    assert all(list(item) == keys for item in printed["items"])
    assert [(item["kind"], item["ref"], item["parent"]) for item in printed["items"]] == [
        ("cause_of_concern", "1", None),
        ("recommendation", "1", 0),
        ("recommendation", "2", 0),
        ("cause_of_concern", "2", None),
        ("recommendation", "2.1", 3),
        ("recommendation", "2.2", 3),
    ]
    assert printed["items"][1]["deadline"] == "2022-01-01"


def test_parse_report_without_a_publication_date_leaves_relative_deadlines_null(
    written_files, capsys
):
    call_command("parse_report", str(written_files / "report.txt"))
    printed = json.loads(capsys.readouterr().out)
    assert printed["items"][1]["deadline"] is None
    assert printed["items"][1]["deadline_text"] == "Within six months"


def test_parse_report_refuses_a_file_it_cannot_read(tmp_path):
    image = tmp_path / "scan.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(CommandError, match="not a PDF, an HTML page"):
        call_command("parse_report", str(image))


def test_a_saved_web_page_is_read_as_html_whatever_comes_before_its_tags():
    page = "\ufeff<!-- saved from url=(0059)https://hmicfrs/ -->\n" + as_html(
        "Recommendation 1\nThe force should act."
    )
    [item] = parse(read_source(page.encode()), None)
    assert (item.ref, item.text) == ("1", "The force should act.")
