"""Fixtures for understanding callers' words: the shipped flow compiled once, its corpus, its models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.understanding import Model
from ivr.trainers.understand import Case, compiled, load_corpus

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.yaml"
HOLDOUT = HERE / "holdout.yaml"
TYPICAL = HERE / "typical.yaml"


@pytest.fixture(scope="session", autouse=True)
def _definitions_loaded_once(definitions_loaded_once: None) -> None:
    """The engine tests here build many apps from the shipped definitions: parse them once."""


@pytest.fixture(scope="session")
def uscis() -> CompiledFlow:
    """The shipped USCIS flow, compiled as the app compiles it."""
    return compiled("uscis_contact_center")


@pytest.fixture(scope="session")
def model(uscis: CompiledFlow) -> Callable[[str, str], Model]:
    """The understanding model of a waiting state in a language: `model("main_menu", "es")`."""

    def of(state: str, language: str = "en") -> Model:
        return uscis.states[state].understanding[language]

    return of


@pytest.fixture(scope="session")
def corpus() -> list[Case]:
    """The shipped corpus of caller utterances and where each must go."""
    return load_corpus(CORPUS)[1]
