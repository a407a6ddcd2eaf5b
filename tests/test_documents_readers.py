"""Real saved HTML pages (tests/data/html, see its README): title, URL, text and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.documents import load_documents

HTML = Path(__file__).resolve().parent / "data" / "html"


@pytest.fixture(scope="module")
def pages() -> dict:
    errors = []
    docs = load_documents(HTML, on_error=errors.append)
    assert errors == []
    return {d.id: d for d in docs}


def test_dw_page(pages):
    doc = pages["dw.com.colonial"]
    assert doc.title == "Berlin confronts Germany's colonial past with new initiative"
    assert doc.url == "https://www.dw.com/en/berlin-confronts-germanys-colonial-past-with-new-initiative/a-52060881"
    assert ("In January, the German capital is launching a new five-year project named "
            "\"Postcolonial Remembrance in the City\"") in doc.text.replace("\xa0", " ")
    assert "We use cookies" not in doc.text  # boilerplate left out
    # the page has no date metadata: only its <title> says "DW | 19.01.2020"
    assert (doc.date, doc.date_source) == (dt.date(2020, 1, 19), "html-meta")
    assert "extensive" in doc.meta["date_evidence"]


def test_salon_page(pages):
    doc = pages["salon.com.emissions"]
    assert doc.title == "Despite everything, U.S. emissions dipped in 2019"
    assert doc.url == "https://www.salon.com/2020/01/10/despite-everything-u-s-emissions-dipped-in-2019_partner/"
    assert "total emissions fell 2 percent compared with the year before" in doc.text
    assert "Advertisement" not in doc.text
    # the first publication (article:published_time 2020-01-10), not the update of 2020-01-11
    assert (doc.date, doc.date_source) == (dt.date(2020, 1, 10), "html-meta")
    assert 'article:modified_time" content="2020-01-11' in (HTML / "salon.com.emissions.html").read_text()
    assert doc.meta["author"] == "Nathanael Johnson"


def test_mozilla_advisory_date_from_its_text_not_the_copyright_footer(pages):
    doc = pages["mozilla.org.mfsa2024-17"]
    assert doc.title == "Security Vulnerabilities fixed in Firefox for iOS 124"
    assert doc.url == "https://www.mozilla.org/en-US/security/advisories/mfsa2024-17/"
    assert "Dragging Javascript URLs to the address bar could cause them to be loaded" in doc.text
    # htmldate's extensive search alone would say 1998-01-01 (from "©1998–2024")
    assert (doc.date, doc.date_source) == (dt.date(2024, 4, 2), "dateline")


def test_html_text_offsets_are_plain_text(pages):
    for doc in pages.values():
        assert "<p>" not in doc.text and "&rsquo;" not in doc.text
