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
