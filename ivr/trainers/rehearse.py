"""The terminal rehearsal: an interactive call typed at a prompt (or piped on standard input).

A thin shell over `PracticeCall`: it reads one line per caller input (keys
such as `1` or `0912345678#`, anything else is a spoken phrase, `/commands`
for silence, hang-up, asking for a supervisor, sounding upset), prints what
the caller hears wrapped like speech, and a status line with the state and
tier.  The end of input hangs up; `ivr rehearse` then prints the call's summary
in plain words (`ivr.web.timeline`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ivr.core.session import Session
from ivr.trainers.practice import Listening, PracticeCall, Turn

COMMANDS: dict[str, str] = {
    "/silence": "say and press nothing (the prompt times out)",
    "/hangup": "hang up",
    "/supervisor": "ask for a supervisor",
    "/upset": "sound upset about the answer",
    "/state": "show where the call is",
    "/help": "show this help",
}
ALIASES = {"/quit": "/hangup", "/exit": "/hangup", "/bye": "/hangup", "/?": "/help", "/nothing": "/silence"}
_DIGITS = re.compile(r"^[0-9*#][0-9*# -]*$")
_TIER_NAMES = {"ivr": "IVR", "tier1": "Tier 1", "tier2": "Tier 2", "supervisor": "Supervisor"}
_LISTENING = {"dtmf": "keys", "speech": "speech", "dtmf speech": "keys or speech"}


@dataclass(frozen=True)
class Input:
    """One typed line, understood: `kind` is digits, speech, command or empty."""

    kind: str
    value: str = ""


def parse_line(line: str) -> Input:
    """Keys when the line is only 0-9 * # (spaces and dashes ignored), a /command, else a spoken phrase."""
    text = line.strip()
    if not text:
        return Input("empty")
    if text.startswith("/"):
        name = text.split()[0].lower()
        return Input("command", ALIASES.get(name, name))
    if _DIGITS.match(text):
        return Input("digits", re.sub(r"[ -]", "", text))
    return Input("speech", text)


def help_text() -> str:
    lines = ["Type keys (1, 0912345678#) or say something in words.", "Commands:"]
    lines += [f"  {name:<12} {what}" for name, what in COMMANDS.items()]
    return "\n".join(lines)


def rehearse(
    call: PracticeCall,
    lines: Iterable[str],
    out: Callable[[str], None],
    *,
    first: Turn,
    echo_input: bool = False,
    width: int = 88,
) -> Session:
    """Run the call from its first turn until it ends or input runs out (then hang up); the final session."""
    show = _Printer(out, width)
    show.turn(first)
    listening = first.listening
    pending = iter(lines)
    while not call.ended:
        line = next(pending, None)  # read only while the call is on: an interactive prompt waits here
        if line is None:
            break
        parsed = parse_line(line)
        if echo_input:
            out(f"> {line.rstrip()}")
        parsed = _as_twilio_gathers(parsed, listening, show)
        turn = _apply(call, parsed, show)
        if turn is not None:
            show.turn(turn)
            listening = turn.listening
    if not call.ended:
        out("(end of input: hanging up)")
        show.turn(call.hang_up())
    assert call.session is not None
    return call.session


def _as_twilio_gathers(parsed: Input, listening: Listening | None, show: _Printer) -> Input:
    """Keys as a phone's `<Gather numDigits=N>` takes them: the first N (at a one-key menu, `12` is `1`)."""
    if parsed.kind != "digits" or listening is None or not listening.num_digits:
        return parsed
    taken = parsed.value[: listening.num_digits]
    if taken != parsed.value:
        show.out(f"  (this menu takes {listening.num_digits} key{'s' if listening.num_digits > 1 else ''}: "
                 f"{taken} was pressed, {parsed.value[len(taken):]} ignored)")
    return Input("digits", taken)


def _apply(call: PracticeCall, parsed: Input, show: _Printer) -> Turn | None:
    if parsed.kind == "digits":
        return call.press(parsed.value)
    if parsed.kind == "speech":
        return call.say(parsed.value)
    if parsed.kind == "empty":
        show.out("(type keys or words; /silence for no input, /help for commands)")
        return None
    match parsed.value:
        case "/silence":
            return call.silence()
        case "/hangup":
            return call.hang_up()
        case "/supervisor":
            return call.ask_supervisor()
        case "/upset":
            return call.sound_upset()
        case "/state":
            show.state(call)
            return None
        case "/help":
            show.out(help_text())
            return None
    show.out(f"unknown command {parsed.value} (try /help)")
    return None


class _Printer:
    def __init__(self, out: Callable[[str], None], width: int) -> None:
        self.out = out
        self.width = max(40, width)

    def turn(self, turn: Turn) -> None:
        if turn.understood:
            self.out(textwrap.fill(f"({turn.understood})", self.width, initial_indent="  ", subsequent_indent="   "))
        for prompt in turn.prompts:
            self.out(textwrap.fill(prompt.text, self.width, initial_indent="  IVR: ", subsequent_indent="       "))
        for effect in turn.effects:
            self.out(f"  ({effect})")
        for note in turn.notes:
            self.out(textwrap.fill(f"({note})", self.width, initial_indent="  ", subsequent_indent="   "))
        self.out(status_line(turn))

    def state(self, call: PracticeCall) -> None:
        session = call.session
        if session is None:
            self.out("(the call has not started)")
            return
        self.out(f"  state {session.state}, tier {session.tier}, language {session.language}")
        self.out(f"  menus: {' > '.join(session.menu_stack) or '-'}")
        self.out(f"  last states: {' > '.join(session.path[-8:])}")
        collected = {k: v for k, v in session.vars.items() if not k.endswith("_readback")}
        if collected:
            self.out("  collected: " + ", ".join(f"{k}={v}" for k, v in sorted(collected.items())))
        if session.verified_receipt:
            self.out(f"  verified case: {session.verified_receipt}")


def status_line(turn: Turn) -> str:
    """`[main_menu | IVR | listening: keys or speech]`, or how the call ended."""
    tier = _TIER_NAMES.get(turn.tier, turn.tier)
    if turn.ended:
        return f"[{turn.state} | {tier} | call ended]"
    return f"[{turn.state} | {tier} | listening: {_listening(turn.listening)}]"


def _listening(listening: Listening | None) -> str:
    if listening is None:
        return "nothing"
    text = _LISTENING.get(listening.input, listening.input)
    if listening.num_digits and listening.num_digits > 1:
        text += f", {listening.num_digits} digits"
    if listening.finish_on_key:
        text += f", end with {listening.finish_on_key}"
    return text
