"""Plain-text and Markdown bodies: a title, and Markdown markup removed where removing it does
not change what the text says.

What is removed: YAML front matter (metadata; its `title` and `date` are read), heading hashes,
emphasis markers, link and image syntax (the visible words stay), inline-code backticks, code
fences, HTML comments, blockquote markers, horizontal rules. What stays: every word a reader
sees, list bullets, paragraph breaks. Offsets computed later index into the text returned here.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[^\n]*\n?", re.M)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<body>[^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M)
_HRULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?P<label>[^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+[^\n]*\n?", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<body>.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(?P<body>[^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(?P<body>[^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`(?P<body>[^`\n]+)`")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)

# A first line is a headline when it is short, followed by a blank line and not a sentence
# that simply goes on (headlines rarely end with a full stop).
_MAX_TITLE_CHARS = 200


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, rest of the text) of a leading YAML front matter block; ({}, text) if none."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in _FRONT_FIELD.finditer(match["body"])}
    return fields, text[match.end():]


def strip_markdown(text: str) -> tuple[str, str]:
    """(plain text, title) of a Markdown document; the title is the first heading."""
    text = _HTML_COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    title = ""
    heading = _HEADING.search(text)
    if heading:
        title = heading["body"].strip()
    text = _HEADING.sub(lambda m: m["body"], text)
    text = _SETEXT_RULE.sub("", text)
    text = _HRULE.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _IMAGE.sub(lambda m: m["alt"], text)
    text = _LINK.sub(lambda m: m["label"], text)
    text = _CODE.sub(lambda m: m["body"], text)
    text = _STRONG.sub(lambda m: m["body"], text)
    text = _EM_STAR.sub(lambda m: m["body"], text)
    text = _EM_UNDERSCORE.sub(lambda m: m["body"], text)
    text = _QUOTE.sub("", text)
    title = _STRONG.sub(lambda m: m["body"], title)
    return text.strip("\n"), title


def plain_title(text: str) -> str:
    """The headline of a plain text: its first line when that line stands alone (short,
    followed by a blank line, not ending like a sentence); "" otherwise."""
    head = text[:_MAX_TITLE_CHARS * 2].lstrip("\ufeff \t\r\n")
    first, sep, rest = head.partition("\n")
    first = first.strip()
    if not first or not sep or len(first) > _MAX_TITLE_CHARS:
        return ""
    if rest.split("\n", 1)[0].strip():
        return ""
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return ""
    return first
