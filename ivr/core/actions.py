"""What the engine asks a shell to do: the closed vocabulary of call actions.

The Twilio adapter renders these as TwiML verbs; the terminal prints them;
replay compares them.  None of them knows about Twilio or HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, init=False)
class Say:
    """Speak `text` in `language`; `prompt_id` names the prompt for transcripts."""

    text: str
    language: str
    prompt_id: str

    def __init__(self, text: str, language: str, prompt_id: str) -> None:
        # What the frozen dataclass's own `__init__` does, without its `object.__setattr__` per field:
        # a step makes a `Say` for every prompt it fills, so a webhook makes a few.
        fields = self.__dict__
        fields["text"] = text
        fields["language"] = language
        fields["prompt_id"] = prompt_id


@dataclass(frozen=True)
class Gather:
    """Listen for keys and/or speech after the `Say`s before it (a shell may let callers barge in)."""

    input: str  # "dtmf", "speech" or "dtmf speech"
    language: str
    timeout: int
    num_digits: int | None = None
    finish_on_key: str | None = None
    hints: tuple[str, ...] = ()
    identifier: bool = False  # an identifier is asked (receipt, date, number): a shell may tune speech for it


@dataclass(frozen=True)
class Enqueue:
    """Put the caller in a queue for people of `tier`, announcing position on `wait`."""

    queue: str
    tier: str
    context: dict[str, str] = field(default_factory=dict)
    console: bool = False  # a trainee at the agent console answers (no flow agent takes over)


@dataclass(frozen=True)
class Dial:
    """Connect the caller to a number or a Twilio Client of `tier`."""

    target: str
    tier: str
    context: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Redirect:
    """Ask the shell to come back to the engine (e.g. after a queue ends)."""

    reason: str


@dataclass(frozen=True)
class HangUpCall:
    """End the call."""


CallAction = Say | Gather | Enqueue | Dial | Redirect | HangUpCall
