"""The strings a pattern's match cannot do without, tested before the pattern is searched.

The submenus' rules (`ivr.core.menu_globals`, `ivr.core.not_ours`, `ivr.core.appointment_moves`) are patterns of
dozens of alternatives, searched over the whole sentence: the regular expression engine tries every alternative at
every word, 2-6 µs a long sentence, and a submenu's step reads some ten of them.  Nearly every sentence holds none of
the phrases any alternative needs.  `Prefiltered` works out once, from the pattern's parse, a condition on substrings
that every match meets (an AND and OR of literal strings, as RE2's `FilteredRE2` does), and searches only a text that
meets it: the same answers, exactly, for a few set look-ups.

A gate is spread into clauses, an OR of ANDs (`_clauses`), each filed under one of its strings (its key).  Which
gates a text meets is found for all of them at once, once per sentence (`gates_met`, kept per sentence): one pass of
an Aho-Corasick automaton over every clause's strings (`pyahocorasick`: a C automaton, about 1 µs a long sentence for
some thousand strings, where testing them one by one with `in` cost more than the searches it spared) finds those the
text holds, and a clause filed under one of them is met when its other strings were found too.  A gate then asks whether
its number is among those met: one set look-up a rule.

The condition is built bottom-up over the parse (`re._parser`).  A piece that can match only a few strings keeps
them (`exact`): a literal, a small class like `[ -]`, an alternation of such pieces, an optional one (with the empty
string), and concatenations of them while their product stays small, so "(?:go|take me) back" needs "go back" or
"take me back".  Anything else (a `\\w+`, a repeat, a group with its own flags) needs nothing, and the strings
before it are required on their own.  An OR holding a string shorter than `SHORTEST` needs nothing either: such a
test passes almost every sentence and costs more than it saves.  Zero-width pieces (`\\b`, `^`, lookarounds) match
the empty string, and what a lookahead or lookbehind looks for is required besides.  A case-blind pattern is gated on ASCII text only, lower-cased, and a non-ASCII letter of it needs
nothing (Unicode folds "ſ" to "s" and "K" to "k").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]  # the parser's op codes
from re import _parser  # type: ignore[attr-defined]  # Python's own parser of the pattern syntax
from typing import Any, Final, final

import ahocorasick  # type: ignore[import-not-found]  # no type hints shipped

from ivr.core import per_sentence as kept
from ivr.core.per_sentence import per_sentence

PRODUCT_MOST: Final = 24
"""How many strings a concatenation of exact pieces may hold before it is required as it stands."""
SHORTEST: Final = 3
"""A string shorter than this (a space, "i", "me") makes the OR it is in require nothing."""
CLASS_MOST: Final = 4
"""A character class of at most this many single characters matches them exactly ("[ -]"); a larger one, anything."""
_FLAGS_KNOWN: Final = re.IGNORECASE | re.UNICODE


@final
class Gate:
    """A condition on the strings a text holds: all of `strings` and of `groups` (`every`), or any of them; tested
    as clauses (`_clauses`)."""

    __slots__ = ("every", "strings", "groups")

    def __init__(self, every: bool, strings: tuple[str, ...], groups: tuple[Gate, ...]) -> None:
        self.every = every
        self.strings = frozenset(strings)
        self.groups = groups

    def __repr__(self) -> str:
        parts = [repr(string) for string in sorted(self.strings, key=lambda string: (len(string), string))]
        parts += [repr(group) for group in self.groups]
        return ("ALL(" if self.every else "ANY(") + ", ".join(parts) + ")"


NOTHING: Final = Gate(True, (), ())
"""The condition every text meets."""


@final
class Prefiltered:
    """`pattern` with its `gate`: `search` and `finditer` answer as the pattern's own, without searching a text the
    gate shows cannot hold a match."""

    __slots__ = ("pattern", "gate", "blind", "open", "clauses", "number")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.blind = bool(pattern.flags & re.IGNORECASE)
        self.gate = gate(pattern)
        # the gate as clauses, each the strings one way of meeting it needs, filed under one of them (`_clauses`)
        self.clauses = _indexed(_clauses(self.gate))
        self.open = not self.clauses  # every text may match
        self.number = -1 if self.open else _register(self.clauses)  # its number among the gates met (`gates_met`)

    def may_match(self, text: str) -> bool:
        """Whether `text` meets the gate (a case-blind pattern's only on ASCII text: any other text may match)."""
        if self.open:
            return True
        if self.blind:
            if not text.isascii():
                return True
            text = text.lower()
        return self.number in gates_met(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


def prefiltered(pattern: str | re.Pattern[str], flags: int = 0) -> Prefiltered:
    """`Prefiltered` of a pattern (compiled with `flags` when given as a string)."""
    return Prefiltered(pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags))


def gate(pattern: re.Pattern[str]) -> Gate:
    """The condition every match of `pattern` meets (`NOTHING` when its flags are not ones this reads)."""
    if pattern.flags & ~_FLAGS_KNOWN or not isinstance(pattern.pattern, str):
        return NOTHING
    blind = bool(pattern.flags & re.IGNORECASE)
    exact, needed = _sequence(_parser.parse(pattern.pattern, pattern.flags), blind)
    return _all([*needed, _any_of(exact)] if exact is not None else needed)


# --- the parse, bottom-up -------------------------------------------------------------------------------------------

_Info = tuple[frozenset[str] | None, list[Gate]]
"""What a piece of the pattern tells: the strings it matches when they are few (else None), and the conditions it
requires besides."""


def _sequence(items: Any, blind: bool) -> _Info:
    """A concatenation: exact strings multiplied while few, required as they stand when the product grows or an
    inexact piece comes between."""
    exact: frozenset[str] | None = frozenset({""})
    needed: list[Gate] = []
    for op, av in items:
        piece, more = _item(op, av, blind)
        if more:  # a piece inexact at its start (its exact strings, if any, end it): what came before stands alone
            if exact is not None:
                needed.append(_any_of(exact))
            needed += more
            exact = piece
            continue
        if piece is not None and exact is not None and len(piece) * len(exact) <= PRODUCT_MOST:
            exact = frozenset(left + right for left in exact for right in piece)
            continue
        if exact is not None:
            needed.append(_any_of(exact))
        exact = piece
    return exact, needed


def _item(op: Any, av: Any, blind: bool) -> _Info:
    if op is C.LITERAL:
        char = chr(av)
        if blind and not char.isascii():
            return None, []
        return frozenset({char.lower() if blind else char}), []
    if op is C.AT or op is C.ASSERT_NOT:
        return frozenset({""}), []
    if op is C.ASSERT:  # a lookaround matches nothing, but what it looks for must be there
        exact, needed = _sequence(av[1], blind)
        looked = _all([*needed, _any_of(exact)] if exact is not None else needed)
        return frozenset({""}), [] if _needs_nothing(looked) else [looked]
    if op is C.IN:
        chars = [chr(value) for kind, value in av if kind is C.LITERAL]
        if len(chars) != len(av) or len(chars) > CLASS_MOST or (blind and not all(c.isascii() for c in chars)):
            return None, []
        return frozenset(c.lower() if blind else c for c in chars), []
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            return None, []
        return _sequence(inner, blind)
    if op is C.BRANCH:
        return _branch(av[1], blind)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        low, high, inner = av
        exact, needed = _sequence(inner, blind)
        if low == 0:
            return (exact | {""} if exact is not None and not needed and high == 1 else None), []
        if low == high == 1:
            return exact, needed
        return None, [*needed, _any_of(exact)] if exact is not None else needed
    return None, []  # any character, a category, a group's reference: nothing known


def _branch(alternatives: Any, blind: bool) -> _Info:
    infos = [_sequence(alternative, blind) for alternative in alternatives]
    if all(exact is not None and not needed for exact, needed in infos):
        union = frozenset().union(*(exact for exact, _ in infos if exact is not None))
        if len(union) <= PRODUCT_MOST:
            return union, []
    return None, [_any([_all([*needed, _any_of(exact)] if exact is not None else needed) for exact, needed in infos])]


# --- conditions, simplified ---------------------------------------------------------------------------------------

def _any_of(strings: frozenset[str]) -> Gate:
    """Any of `strings`; nothing when one is short (the empty string among them), or when there are none (a piece
    that can match nothing: the pattern's search is left to say so)."""
    if not strings or any(len(string) < SHORTEST for string in strings):
        return NOTHING
    return Gate(False, _absorbed(strings, inner=True), ())


def _absorbed(strings: frozenset[str] | set[str], inner: bool) -> tuple[str, ...]:
    """`strings` without those another of them makes redundant: for ANY, a string holding another (the shorter is
    found whenever the longer is); for ALL, a string another holds (the longer brings it).  Sorted, so a gate is
    the same from run to run."""
    kept = sorted(strings, key=lambda string: (len(string), string))
    if inner:
        return tuple(s for at, s in enumerate(kept) if not any(other in s for other in kept[:at]))
    return tuple(s for at, s in enumerate(kept) if not any(s in other for other in kept[at + 1:]))


def _needs_nothing(one: Gate) -> bool:
    return one.every and not one.strings and not one.groups


def _all(gates: list[Gate]) -> Gate:
    """Every one of `gates` (those needing nothing drop out)."""
    return _joined(True, gates)


def _any(gates: list[Gate]) -> Gate:
    """Any one of `gates`; nothing when one of them needs nothing."""
    if not gates or any(_needs_nothing(one) for one in gates):
        return NOTHING  # an alternative that needs nothing
    return _joined(False, gates)


def _joined(every: bool, gates: list[Gate]) -> Gate:
    """`gates` joined by ALL (`every`) or ANY, flattened: a gate of the same kind gives its strings and groups, a
    single string is one string, any other gate is a group."""
    strings: set[str] = set()
    groups: list[Gate] = []
    for one in gates:
        if one.every == every:
            strings.update(one.strings)
            groups.extend(one.groups)
        elif len(one.strings) == 1 and not one.groups:
            strings.update(one.strings)
        else:
            groups.append(one)
    if not strings and len(groups) == 1:
        return groups[0]
    return Gate(every, _absorbed(strings, inner=not every), tuple(groups))


# --- a gate as clauses ---------------------------------------------------------------------------------------------

CLAUSES_MOST: Final = 512
"""How many clauses a gate may spread into: past it, the widest ANY inside an ALL is dropped (it then needs nothing,
a weaker gate, never a wrong one) until the clauses are few enough."""


def _clauses(condition: Gate) -> list[frozenset[str]]:
    """`condition` as an OR of ANDs: each clause the strings one way of meeting it needs (none: the gate needs
    nothing, every text may match)."""
    if condition.every:
        spread: list[frozenset[str]] = [frozenset(condition.strings)]
        groups = sorted(condition.groups, key=lambda group: len(_clauses(group)))
        for at, group in enumerate(groups):
            ways = _clauses(group)
            if not ways or len(spread) * len(ways) > CLAUSES_MOST:
                continue  # dropped: the clauses need less, and still every match meets them
            spread = [clause | way for clause in spread for way in ways]
        return [] if spread == [frozenset()] else spread
    ways = [frozenset({string}) for string in condition.strings]
    for group in condition.groups:
        inner = _clauses(group)
        if not inner:
            return []  # an alternative that needs nothing
        ways += inner
    return ways


def _indexed(clauses: list[frozenset[str]]) -> dict[str, tuple[frozenset[str], ...]]:
    """Each clause filed under its longest string (the rarest, as a rule): a text is checked against the clauses of
    the strings it holds only."""
    filed: dict[str, list[frozenset[str]]] = {}
    for clause in clauses:
        key = max(sorted(clause), key=len)
        filed.setdefault(key, []).append(clause)
    return {key: tuple(kept) for key, kept in filed.items()}


# --- every gate met, found in one pass ----------------------------------------------------------------------------

@final
class _Read:
    """A text read: the automaton's version it was read with, and the numbers of the gates it meets."""

    __slots__ = ("text", "version", "met")

    def __init__(self, text: str, version: int, met: frozenset[int]) -> None:
        self.text = text
        self.version = version
        self.met = met


@final
class _Shared:
    """What every gate reads, in one object: the automaton over every clause's strings (None until the next text is
    read) with its version, replaced whole, and the text last read.  Under mypyc a module's own variables are dict
    look-ups, an object's fields are read in C: a step's gates read them some twenty times a sentence."""

    __slots__ = ("state", "last", "gates")

    def __init__(self) -> None:
        self.state: tuple[Any, int] = (None, 0)
        self.last = _Read("", -1, frozenset())
        self.gates = 0


_SHARED: Final = _Shared()
_LITERALS: dict[str, None] = {}
"""Every string of every gate's clauses, in the order registered."""
_Filed = tuple[tuple[int, tuple[str, ...]], ...]
"""Clauses filed together: each its gate's number and the strings it needs besides those it is filed under."""
_ALONE: dict[str, list[int]] = {}
"""The gates a clause of one string meets, under that string."""
_AFTER: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
"""Every other clause, filed under its key (`_indexed`) and, within it, under its next longest string: a key many
clauses share ("appointment" beside each of fifty places) has a text check the few whose next string it holds."""
_BUILDING = threading.Lock()


def _register(clauses: dict[str, tuple[frozenset[str], ...]]) -> int:
    """Number a gate and file its clauses: the automaton is built again, under a new version, at the next text read."""
    with _BUILDING:
        number = _SHARED.gates
        _SHARED.gates = number + 1
        for key, filed in clauses.items():
            for clause in filed:
                _LITERALS.update(dict.fromkeys(sorted(clause)))
                others = sorted(clause - {key}, key=lambda string: (-len(string), string))
                if not others:
                    _ALONE.setdefault(key, []).append(number)
                else:
                    _AFTER.setdefault(key, {}).setdefault(others[0], []).append((number, tuple(others[1:])))
        _SHARED.state = (None, _SHARED.state[1] + 1)
        return number


def gates_met(text: str) -> frozenset[int]:
    """The numbers of the gates `text` meets.  A step's rules read one sentence (its `plain_said`, often the same
    string object, or the same words lower-cased), so the text last read is kept: the next look-up is an identity or a
    string comparison, not a cache's."""
    automaton, version = _SHARED.state
    last = _SHARED.last
    if last.version == version and automaton is not None and (last.text is text or last.text == text):
        return last.met
    if automaton is None:
        with _BUILDING:
            automaton, version = _SHARED.state
            if automaton is None:
                automaton = ahocorasick.Automaton()
                for literal in _LITERALS:
                    after = {following: tuple(filed) for following, filed in _AFTER.get(literal, {}).items()}
                    automaton.add_word(literal, (literal, tuple(_ALONE.get(literal, ())), after))
                automaton.make_automaton()
                _SHARED.state = (automaton, version)
    met = _met(text, version, automaton)
    _SHARED.last = _Read(text, version, met)
    return met


def _forget_last() -> None:
    _SHARED.last = _Read("", -1, frozenset())


kept.also(_forget_last)


@per_sentence(16384)
def _met(text: str, version: int, automaton: Any) -> frozenset[int]:
    """`gates_met`, kept per sentence and automaton version (a result found before a gate was added is not used): the
    one pass finds every gate's string `text` holds, overlapping ones too; a clause of one string is met when it is
    found, any other when its next string and the rest were found too (set look-ups, where a substring test costs
    several times more)."""
    found: set[str] = set()
    met: set[int] = set()
    keyed: list[dict[str, _Filed]] = []
    for match in automaton.iter(text):
        value: tuple[str, tuple[int, ...], dict[str, _Filed]] = match[1]  # the string, the clauses filed under it
        literal, alone, after = value
        found.add(literal)
        if alone:
            met.update(alone)
        if after:
            keyed.append(after)
    for after in keyed:
        if len(after) <= len(found):
            for following, filed in after.items():
                if following in found:
                    _meet(filed, found, met)
        else:  # "appointment" before fifty places: the strings found are fewer
            for string in found:
                some = after.get(string)
                if some is not None:
                    _meet(some, found, met)
    return frozenset(met)


def _meet(filed: _Filed, found: set[str], met: set[int]) -> None:
    """Add to `met` the gates of `filed`'s clauses whose strings besides are all `found`."""
    for number, rest in filed:
        if number not in met and all(string in found for string in rest):
            met.add(number)
