"""Whole calls into live assistance through the signed webhooks.

`Live` wraps a `PhoneCall` with what these tests read back: the call's
transcript, its effects, its tier changes and the scripts it heard.  Each test
module names the demo people it calls as (ivr/data/demo_cases.yaml) as
(receipt, date of birth keyed MMDDYYYY) constants.

Definitions are parsed once per session (they are immutable values); every
test still gets its own app, clock and in-memory database.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from ivr.definitions.flows import FLOWS_ROOT
from ivr.testing import PhoneCall, Turn

TOKEN = "test-auth-token"  # tests/conftest.py signs with this token

@pytest.fixture(scope="session", autouse=True)
def _definitions_loaded_once(definitions_loaded_once: None) -> None:
    """This folder builds many apps from the shipped definitions: parse them once."""


@pytest.fixture(autouse=True)
def _every_prompt_variable_is_set(every_prompt_variable_is_set: None) -> None:
    """Every whole call here must set each prompt variable it says."""


@dataclass
class Live:
    """A phone call and what its record says."""

    call: PhoneCall

    def press(self, digits: str) -> Turn:
        return self._ok(self.call.press(digits))

    def say(self, text: str) -> Turn:
        return self._ok(self.call.say(text))

    def post(self, path: str, **params: str) -> Turn:
        return self._ok(self.call.post(path, **params))

    def verify(self, person: tuple[str, str]) -> Turn:
        """Key the receipt's ten digits and pound, confirm the read-back, key the date of birth."""
        receipt, born = person
        self.press(receipt[-10:] + "#")
        self.press("1")
        return self.press(born)

    @property
    def runtime(self) -> Any:
        return self.call.client.application.extensions["ivr"]

    def transcript(self) -> list[dict[str, Any]]:
        return self.runtime.store.transcript(self.call.call_sid)  # type: ignore[no-any-return]

    def session(self) -> Any:
        return self.runtime.store.session(self.call.call_sid)

    def effects(self, kind: str | None = None) -> list[dict[str, Any]]:
        found = [e for entry in self.transcript() for e in entry.get("effects", [])]
        return [e for e in found if kind is None or e["kind"] == kind]

    def tier_changes(self) -> list[dict[str, Any]]:
        return [c for entry in self.transcript() for c in entry.get("tier_changes", [])]

    def reasons(self) -> list[tuple[str, str, str]]:
        """(from, to, reason) of every tier change, in order."""
        return [(c["from"], c["to"], c["reason"]) for c in self.tier_changes()]

    def scripts_heard(self) -> list[str]:
        return [ref for entry in self.transcript() for ref in entry.get("scripts", [])]

    def to_tier2(self) -> Turn:
        """From Tier 1's topic question: ask for case details (refused), then take the USCIS officer offered."""
        self.say("what are the details of my case")
        return self.press("1")

    def again(self) -> Live:
        """A new call from the same phone to the same app, at the main menu in English."""
        other = Live(PhoneCall(self.call.client.application, TOKEN, caller=self.call.caller))
        other.call.start()
        other.press("1")
        return other

    @staticmethod
    def _ok(turn: Turn) -> Turn:
        assert turn.status == 200, turn.xml
        return turn


@pytest.fixture
def dial(make_app: Callable[..., Flask]) -> Callable[..., Live]:
    """A call at the main menu of an app built with the given settings: dial(language="es", CLOCK=…)."""

    def new_call(language: str = "en", caller_id: str = "+12025550143", **settings: Any) -> Live:
        live = Live(PhoneCall(make_app(**settings), TOKEN, caller=caller_id))
        live.call.start()
        live.press("1" if language == "en" else "2")
        return live

    return new_call


@pytest.fixture
def tier1(dial: Callable[..., Live]) -> Live:
    """An English call that pressed 0 and hears the simulated Tier 1 representative ask its topic."""
    live = dial()
    turn = live.press("0")
    assert turn.state == "tier1.topic"
    return live


@pytest.fixture
def edited_flow(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the shipped flow and its fragments with each (old, new) replaced in its main file; each old
    text must stand there exactly once."""

    def edit(*changes: tuple[str, str]) -> Path:
        folder = tmp_path / "flows"
        shutil.copytree(FLOWS_ROOT, folder, dirs_exist_ok=True)
        main = folder / "uscis_contact_center.yaml"
        text = main.read_text(encoding="utf-8")
        for old, new in changes:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        main.write_text(text, encoding="utf-8")
        return main

    return edit
