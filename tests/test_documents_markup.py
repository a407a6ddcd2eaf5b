"""Plain-text titles and Markdown markup removal."""

from __future__ import annotations

import pytest

from timeline.documents.markup import front_matter, plain_title, strip_markdown


@pytest.mark.parametrize("markdown, text", [
    ("# Rubio meets Bukele\n\nBody.", "Rubio meets Bukele\n\nBody."),
    ("Rubio met **Bukele** and *Musk*.", "Rubio met Bukele and Musk."),
    ("A snake_case_name stays; _this_ goes.", "A snake_case_name stays; this goes."),
    ("See [the readout](https://state.gov/x) now.", "See the readout now."),
    ("![Rubio and Bukele at Lake Coatepeque](a.jpg)", "Rubio and Bukele at Lake Coatepeque"),
    ("Gangs such as `MS-13` were named.", "Gangs such as MS-13 were named."),
    ("> Rubio said: yes.", "Rubio said: yes."),
    ("Text<!-- editor note -->.", "Text."),
    ("```\ncode line\n```", "code line"),
    ("- first\n- second", "- first\n- second"),                 # bullets keep their meaning
    ("Price: 5 * 3 = 15 and 2 * 4 = 8", "Price: 5 * 3 = 15 and 2 * 4 = 8"),
    ("Headline\n========\n\nBody", "Headline\n\n\nBody"),
])
def test_strip_markdown(markdown, text):
    assert strip_markdown(markdown)[0] == text


def test_markdown_title_is_the_first_heading():
    assert strip_markdown("Intro line\n\n## The **real** title\n\ntext")[1] == "The real title"


def test_front_matter():
    fields, rest = front_matter("---\ntitle: \"Rubio in El Salvador\"\ndate: 2025-02-04\n---\nBody\n")
    assert fields == {"title": "Rubio in El Salvador", "date": "2025-02-04"} and rest == "Body\n"
    assert front_matter("--- not front matter") == ({}, "--- not front matter")


@pytest.mark.parametrize("text, title", [
    ("Marco Rubio says El Salvador is willing\n\nSecretary of State ...", "Marco Rubio says El Salvador is willing"),
    ("A sentence that goes on.\n\nMore.", ""),
    ("Headline\nBody continues directly", ""),
    ("\ufeff\n\nWhat next for El Salvador?\n\nBody", "What next for El Salvador?"),
    ("One line only", ""),
])
def test_plain_title(text, title):
    assert plain_title(text) == title
