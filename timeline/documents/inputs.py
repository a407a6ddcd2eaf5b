"""What the caller passed, turned into things to read: files (with their format), raw texts,
stdin, ready Documents, or an error for an input that names nothing.

How a `str` is understood, in this order:
1. `"-"` is standard input.
2. A string containing a line break is a text (no real path has one).
3. An existing file or directory is read as such (so "my notes.txt" works).
4. A string with glob characters (`*`, `?`, `[`) and no line break is a glob pattern.
5. Any other string containing whitespace is a text ("Rubio met Bukele on Monday.").
6. What is left (one word, no such file) is reported as a missing file, not turned into a
   one-word document: it is almost always a mistyped path.
`pathlib.Path` objects are always paths; `bytes` are the content of one document.
"""

from __future__ import annotations

import glob
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.document import Document
from timeline.errors import DocumentError

# File name ending -> reader. Directories are searched for these only; a file named
# explicitly with another ending is read as plain text (a binary one is reported).
FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
}
COMPRESSED = (".gz", ".bz2", ".xz")


@dataclass(frozen=True)
class Source:
    """One thing to read. `kind` is file | text | bytes | stdin | document | error."""

    kind: str
    path: Path | None = None
    format: str = "text"
    text: str = ""
    data: bytes = b""
    document: Document | None = None
    error: DocumentError | None = None
    index: int = 0        # position among the caller's raw texts, for their ids
    walked: bool = False  # found by searching a directory (not named by the caller)


def file_format(path: Path) -> tuple[str, str]:
    """(format, compression suffix or "") from a file name."""
    suffixes = [s.lower() for s in path.suffixes]
    compression = ""
    if suffixes and suffixes[-1] in COMPRESSED:
        compression = suffixes.pop()
    ending = suffixes[-1] if suffixes else ""
    return FORMATS.get(ending, ""), compression


def doc_stem(path: Path) -> str:
    """The file name without its format (and compression) endings: the document's id."""
    name = path.name
    for _ in range(2):
        stem, ext = os.path.splitext(name)
        if ext.lower() in FORMATS or ext.lower() in COMPRESSED:
            name = stem
    return name or path.name


@lru_cache(maxsize=1)
def _skip_stems() -> frozenset[str]:
    with resources.files("timeline.documents").joinpath("data/inputs.toml").open("rb") as fh:
        return frozenset(tomllib.load(fh)["directories"]["skip_stems"])


def _walk(directory: Path) -> Iterator[Path]:
    """Known-format files under `directory`, sorted, streamed; hidden entries and READMEs,
    licences and the like are skipped."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if file_format(path)[0] and doc_stem(path).lower() not in _skip_stems():
                yield path


def _as_path(path: Path) -> Iterator[Source]:
    if path.is_dir():
        found = False
        for child in _walk(path):
            found = True
            yield Source("file", path=child, format=file_format(child)[0] or "sniff", walked=True)
        if not found:
            yield Source("error", error=DocumentError(str(path), "directory holds no readable "
                         f"files ({', '.join(sorted(FORMATS))})"))
    elif path.is_file():
        yield Source("file", path=path, format=file_format(path)[0] or "sniff")
    elif path.exists():
        yield Source("error", error=DocumentError(str(path), "not a regular file"))
    else:
        yield Source("error", error=DocumentError(str(path), "no such file or directory"))


def _has_glob(s: str) -> bool:
    return any(c in s for c in "*?[")


def expand(inputs, counter: list[int]) -> Iterator[Source]:
    """Sources for `inputs` (one input or an iterable of them), in the caller's order.

    `counter` numbers raw texts across calls so their ids stay unique."""
    if isinstance(inputs, (str, bytes, Path, Document, os.PathLike)):
        inputs = [inputs]
    for item in inputs if isinstance(inputs, Iterable) else [inputs]:
        if isinstance(item, Document):
            yield Source("document", document=item)
        elif isinstance(item, (bytes, bytearray)):
            counter[0] += 1
            yield Source("bytes", data=bytes(item), index=counter[0])
        elif isinstance(item, (Path, os.PathLike)):
            yield from _as_path(Path(item))
        elif isinstance(item, str):
            yield from _from_str(item, counter)
        else:
            yield Source("error", error=DocumentError(
                repr(item)[:80], f"cannot read a {type(item).__name__}; pass a path, a text or a Document"))


def _from_str(item: str, counter: list[int]) -> Iterator[Source]:
    if item == "-":
        yield Source("stdin")
        return
    if "\n" in item or "\r" in item:
        counter[0] += 1
        yield Source("text", text=item, index=counter[0])
        return
    try:
        exists = os.path.exists(item)
    except (OSError, ValueError):  # e.g. an embedded NUL or a name too long for the OS
        exists = False
    if exists:
        yield from _as_path(Path(item))
        return
    if _has_glob(item):
        matches = sorted(glob.glob(item, recursive=True))
        if matches:
            for match in matches:
                path = Path(match)
                if path.is_dir() or path.is_file():
                    yield from _as_path(path)
            return
        if not any(c.isspace() for c in item):
            yield Source("error", error=DocumentError(item, "no file matches this pattern"))
            return
    if any(c.isspace() for c in item):
        counter[0] += 1
        yield Source("text", text=item, index=counter[0])
        return
    yield Source("error", error=DocumentError(
        item, "no such file or directory (a text to read must contain a space or a line break)"))
