"""The simulated caller: plays a scenario's persona against the engine.

It reaches the console the way a phone caller would (the language choice,
the IVR's keys, optionally verifying with receipt and date of birth), and
then answers what the agent does: its opening words when a seat answers,
its identity when an officer answers (or a representative, when the IVR did
not check it), its reply to each script it hears, and its upset (and a
request for a supervisor) after the action that upsets it.  It only
produces caller words; the engine does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from ivr.console.scenarios import Scenario
from ivr.core.agent import AgentAction
from ivr.definitions.cases import Case
from ivr.rules.spoken import say_date

SUPERVISOR = {"en": "I want to speak to a supervisor.", "es": "Quiero hablar con un supervisor."}
UPSET = {
    "en": "This is wrong, I'm very upset, this resolution is not right.",
    "es": "Esto está mal, estoy muy molesto, esta solución no es correcta.",
}
_IDENTITY = {
    "en": "My receipt number is {receipt}. My date of birth is {born}.",
    "es": "Mi número de recibo es {receipt}. Mi fecha de nacimiento es el {born}.",
}
_NO_IDENTITY = {
    "en": "I don't have my receipt number with me.",
    "es": "No tengo mi número de recibo conmigo.",
}


@dataclass(frozen=True)
class SimulatedCaller:
    """A scenario's caller: what they key in the IVR and what they say to each agent action."""

    scenario: Scenario
    case: Case | None

    @property
    def language(self) -> str:
        return self.scenario.persona.language

    def ivr_keys(self) -> list[str]:
        """The keys after the language choice that bring the caller to a representative."""
        if self.scenario.persona.verifies_in_ivr and self.case is not None:
            return ["1", f"{self.case.digits}#", "1", self.case.date_of_birth.strftime("%m%d%Y"), "0"]
        return ["0"]

    def identity(self) -> str:
        """What the caller says when asked who they are: what they know, or that they do not know it."""
        knows = self.scenario.persona.knows
        if self.case is None or "receipt" not in knows:
            return _NO_IDENTITY[self.language]
        born = say_date(self.case.date_of_birth, self.language) if "date_of_birth" in knows else "…"
        return _IDENTITY[self.language].format(receipt=self.case.receipt_number, born=born)

    def _tells_identity_to(self, seat: str) -> bool:
        """An officer or supervisor hears who the caller is; a representative too, unless the IVR checked it."""
        return seat in ("tier2", "supervisor") or (seat == "tier1" and not self.scenario.persona.verifies_in_ivr)

    def react(self, action: AgentAction, first_answer: bool) -> list[str]:
        """What the caller says after `action` (`first_answer`: the first time any seat answered the call)."""
        persona = self.scenario.persona
        said: list[str] = []
        if action.name == "accept":
            said.append(persona.opening)  # each new person hears the caller's question again
            if persona.knows and self._tells_identity_to(str(getattr(action, "seat", ""))):
                said.append(self.identity())
            if persona.asks_for_supervisor == "opening" and getattr(action, "seat", "") != "supervisor":
                said.append(SUPERVISOR[self.language])
        elif action.name == "read_script":
            reply = persona.answers.get(str(getattr(action, "ref", "")).split("@")[0])
            if reply:
                said.append(reply)
        if persona.upset_after and _triggers(persona.upset_after, action):
            said.append(UPSET[self.language])
            if persona.asks_for_supervisor == "when_upset":
                said.append(SUPERVISOR[self.language])
        return said


def _triggers(trigger: str, action: AgentAction) -> bool:
    """`action` or `action:argument` (the action's first argument: a script id, a cause, a reason)."""
    name, _, argument = trigger.partition(":")
    if name != action.name:
        return False
    if not argument:
        return True
    values = [str(value) for key, value in action.to_data().items() if key not in ("action", "agent")]
    return any(value == argument or value.split("@")[0] == argument for value in values)
