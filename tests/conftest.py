"""Shared fixtures: the real inputs every test module uses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "examples" / "seeds"
TESTS_DATA = Path(__file__).resolve().parent / "data"


def _find_timeml_dir() -> Path | None:
    """TimeBank+AQUAINT lives in the project's shared/ folder beside the checkout (CI puts a
    copy there too); TIMELINE_TIMEML_DIR overrides."""
    env = os.environ.get("TIMELINE_TIMEML_DIR")
    return Path(env) if env else _shared_data("timebank-aquaint")


def _shared_data(name: str) -> Path | None:
    """A development set in the shared/data folder beside the checkout."""
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / name
        if candidate.is_dir():
            return candidate
    return None


TIMEML_DIR = _find_timeml_dir()


def _needed(path: Path | None, in_ci: str, elsewhere: str) -> Path:
    """A development set the tests read: in CI its absence is a failure, elsewhere a skip."""
    if path is None or not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(in_ci)
        pytest.skip(elsewhere)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def timeml_dir() -> Path:
    """The TimeBank+AQUAINT folder; in CI its absence is a failure, not a skip."""
    return _needed(TIMEML_DIR, "TimeBank+AQUAINT not found: set TIMELINE_TIMEML_DIR or place shared/ beside the checkout",
                   "TimeBank+AQUAINT not found (set TIMELINE_TIMEML_DIR)")


@pytest.fixture(scope="session")
def trial_dir() -> Path:
    """The SemEval-2015 TimeLine trial corpus (30 Wikinews articles) in shared/data."""
    return _needed(_shared_data("semeval15-trial"), "shared/data/semeval15-trial not found beside the checkout",
                   "shared/data/semeval15-trial not found")


@pytest.fixture(scope="session")
def wikiwars_dir() -> Path:
    """The gold folder of the WikiWars development half (Wikipedia war histories, TimeML);
    TIMELINE_WIKIWARS_DIR overrides; in CI its absence is a failure, not a skip."""
    env = os.environ.get("TIMELINE_WIKIWARS_DIR")
    found = Path(env) if env else _shared_data("wikiwars-dev")
    found = found / "gold" if found is not None and not env else found
    return _needed(found, "wikiwars-dev not found: set TIMELINE_WIKIWARS_DIR",
                   "wikiwars-dev not found (set TIMELINE_WIKIWARS_DIR)")
