"""Where the shipped model lives and how it is loaded (once per process)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from timeline.errors import TimelineError


def model_path() -> Path:
    return Path(__file__).resolve().parent / "model"


@lru_cache(maxsize=1)
def load():
    """The spaCy pipeline in ``model/``; spaCy is imported only here."""
    path = model_path()
    if not (path / "config.cfg").is_file():
        raise TimelineError(f"the NLP model is missing from the installed package: {path}")
    import spacy

    return spacy.load(path)


@lru_cache(maxsize=1)
def metrics() -> dict:
    """Accuracy measured on the held-back GUM documents when the model was trained."""
    return json.loads((model_path() / "metrics.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def upos_table() -> tuple[dict[str, str], dict[str, str]]:
    """(Penn tag -> UPOS, "TAG word" -> UPOS where the word decides), from the training data."""
    table = json.loads((model_path() / "upos.json").read_text(encoding="utf-8"))
    return table["tag"], table["word"]
