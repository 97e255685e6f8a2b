"""Whole calls through the signed webhooks, in both languages, by keys and by speech.

`caller` is parametrised over the four ways a caller can go through the flow
(English or Spanish, keys or speech); a `Caller` knows how to choose menu
options, give a receipt number and a date of birth in its own way, so one
test body pins down a behaviour for all four.

Speed: building an app parses every flow, script and case file (~0.3 s, nearly
all of it YAML).  Definitions are immutable once loaded, so this package
loads them once per session; every test still gets its own app, clock and
in-memory database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask

from ivr.testing import PhoneCall, Turn

DIGITS = {
    "en": "zero one two three four five six seven eight nine".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
YES = {"en": "yes", "es": "sí"}
TOKEN = "test-auth-token"  # tests/conftest.py signs with this token

# What a caller says for each main-menu option (the topic or one of its phrases).
MAIN_MENU_SPEECH = {
    "en": {"1": "my case status", "2": "biometrics appointment", "3": "field office", "4": "service request",
           "5": "special lines", "6": "I live outside the United States", "7": "other agency", "8": "hours",
           "9": "goodbye"},
    "es": {"1": "el estado de mi caso", "2": "cita biométrica", "3": "oficina local", "4": "solicitud de servicio",
           "5": "líneas especiales", "6": "vivo fuera de los Estados Unidos", "7": "otra agencia", "8": "horario",
           "9": "adiós"},
}

MODES = [
    pytest.param(("en", "keys"), id="english-keys"),
    pytest.param(("en", "speech"), id="english-speech"),
    pytest.param(("es", "keys"), id="spanish-keys"),
    pytest.param(("es", "speech"), id="spanish-speech"),
]


@pytest.fixture(scope="session", autouse=True)
def _definitions_loaded_once(definitions_loaded_once: None) -> None:
    """This folder builds many apps from the shipped definitions: parse them once."""


@pytest.fixture(autouse=True)
def _every_prompt_variable_is_set(every_prompt_variable_is_set: None) -> None:
    """Every whole call here must set each prompt variable it says."""


@dataclass
class Caller:
    """A caller who goes through the flow in one language, by keys or by speech."""

    call: PhoneCall
    language: str
    by: str
    turns: list[Turn] = field(default_factory=list)

    @property
    def speech(self) -> bool:
        return self.by == "speech"

    def start(self) -> Turn:
        """Call in and choose the language: the caller hears the main menu."""
        self.call.start()
        if self.speech:
            return self._note(self.call.say("English" if self.language == "en" else "Español"))
        return self._note(self.call.press("1" if self.language == "en" else "2"))

    def main(self, key: str) -> Turn:
        """Choose a main-menu option."""
        return self.choose(key, MAIN_MENU_SPEECH[self.language][key])

    def choose(self, key: str, said: str | dict[str, str]) -> Turn:
        """Choose a menu option by its key, or by saying a phrase (one per language, or the same in both)."""
        if self.speech:
            text = said if isinstance(said, str) else said[self.language]
            return self._note(self.call.say(text))
        return self._note(self.call.press(key))

    def receipt(self, receipt: str) -> Turn:
        """Give a receipt number: keyed as its ten digits and pound, or spoken one character at a time."""
        if self.speech:
            words = [c if c.isalpha() else DIGITS[self.language][int(c)] for c in receipt]
            self._note(self.call.say(" ".join(words)))
        else:
            self._note(self.call.press(receipt[-10:] + "#"))
        return self.yes()

    def birth_date(self, date: str) -> Turn:
        """Give a date of birth (YYYY-MM-DD): keyed as MMDDYYYY, or spoken with the month's name."""
        day = dt.date.fromisoformat(date)
        if self.speech:
            month = MONTHS[self.language][day.month - 1]
            said = f"{month} {day.day} {day.year}" if self.language == "en" else f"{day.day} de {month} de {day.year}"
            return self._note(self.call.say(said))
        return self._note(self.call.press(day.strftime("%m%d%Y")))

    def verify(self, receipt: str, date: str) -> Turn:
        self.receipt(receipt)
        return self.birth_date(date)

    def yes(self) -> Turn:
        return self._note(self.call.say(YES[self.language]) if self.speech else self.call.press("1"))

    def digits(self, digits: str) -> Turn:
        """Give a number (a reference number): keyed, or spoken digit by digit."""
        if self.speech:
            return self._note(self.call.say(" ".join(DIGITS[self.language][int(c)] for c in digits)))
        return self._note(self.call.press(digits))

    def _note(self, turn: Turn) -> Turn:
        self.turns.append(turn)
        assert turn.status == 200, turn.xml
        return turn

    @property
    def heard(self) -> str:
        """Everything the caller has heard so far."""
        return " ".join(turn.text for turn in self.call.turns)

    @property
    def runtime(self) -> Any:
        return self.call.client.application.extensions["ivr"]

    def session(self) -> Any:
        """The call's saved session (what live assistance sees)."""
        return self.runtime.store.session(self.call.call_sid)

    def effects(self) -> list[dict[str, Any]]:
        """Every effect the call's transcript recorded."""
        return [e for entry in self.runtime.store.transcript(self.call.call_sid) for e in entry.get("effects", [])]

    def again(self) -> Caller:
        """A new call from the same phone to the same app (what calls changed persists)."""
        app = self.call.client.application
        person = Caller(PhoneCall(app, TOKEN, caller=self.call.caller), self.language, self.by)
        person.start()
        return person


@pytest.fixture(params=MODES)
def caller(request: pytest.FixtureRequest, phone: Callable[..., PhoneCall]) -> Caller:
    """A caller at the main menu, once for each language and each way of answering."""
    language, by = request.param
    person = Caller(phone(), language, by)
    person.start()
    return person


@pytest.fixture
def dial(make_app: Callable[..., Flask]) -> Callable[..., Caller]:
    """A caller at the main menu of an app built with the given settings: dial("en", "keys", CLOCK=…)."""

    def new_caller(language: str = "en", by: str = "keys", caller_id: str = "+12025550143", **settings: Any) -> Caller:
        app = make_app(**settings)
        person = Caller(PhoneCall(app, TOKEN, caller=caller_id), language, by)
        person.start()
        return person

    return new_caller
