"""The checks shared by the messages of a flow that code fills with their own placeholders (call-back words,
who calls back, queue words, texts: `ivr.definitions.callback_words`, `ivr.definitions.line_words`).

Such a message may use only its own placeholders (a flow's variables are never filled there), may not leave
out the ones the caller needs, may come as part of a set (a flow that gives one gives all), and, for a text,
is at most `ivr.notify.MAX_SEGMENTS` segments after the accent folding the notifier applies.  Errors are
`file:line: where: what`, on the line of the language at fault.  Runs at load only.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from collections.abc import Mapping as AnyMapping

from ivr.core.flow import LANGUAGES, Text
from ivr.definitions.checks import Checker
from ivr.definitions.yamlsource import Mapping
from ivr.notify import MAX_SEGMENTS, fitted, segments


def check_set(check: Checker, raw: Mapping, names: Iterable[str], words: str) -> list[str]:
    """Report a set of messages given in part (`words`: what they are, 'a flow's queue words'); the names given."""
    names = tuple(names)
    given = [name for name in names if name in raw]
    if given and len(given) < len(names):
        missing = ", ".join(name for name in names if name not in raw)
        check.problem(
            raw.line_of(given[0]), "messages",
            f"has {', '.join(given)} but not {missing} ({words} come as a set: {', '.join(names)})",
        )
    return given


def check_placeholders(
    check: Checker,
    raw: Mapping,
    name: str,
    text: Text,
    own: tuple[str, ...],
    needed: Iterable[tuple[str, str]],
    noun: str,
) -> bool:
    """Report the placeholders of message `name` that are not its `own`, and the `needed` ones (each with why
    the caller needs it) it leaves out, in each language; True when it has none of these faults."""
    sound = True
    for language in LANGUAGES:
        line = line_of(raw, name, language)
        used = variables(text.in_(language))
        if used is None:  # a malformed template: reported already
            sound = False
            continue
        for variable in dict.fromkeys(v for v in used if v not in own):
            sound = False
            if own:
                allowed = ", ".join(f"{{{v}}}" for v in own)
                check.problem(line, f"messages.{name}.{language}", f"uses {{{variable}}}; {noun} is filled with {allowed} only")
            else:
                check.problem(line, f"messages.{name}.{language}", f"uses {{{variable}}}; this message takes no placeholders")
        for variable, why in needed:
            if variable not in used:
                sound = False
                check.problem(line, f"messages.{name}.{language}", f"leaves out {{{variable}}}, which the caller needs ({why})")
    return sound


def check_segments(
    check: Checker, raw: Mapping, name: str, bodies: Callable[[str], Iterable[str]], worst_case: str
) -> None:
    """Report a text longer than `MAX_SEGMENTS` in a language: `bodies(language)` are the texts it can be,
    filled with the longest values (`worst_case` says which, in the message)."""
    for language in LANGUAGES:
        count = max((segments(fitted(body)) for body in bodies(language)), default=0)
        if count > MAX_SEGMENTS:
            check.problem(
                line_of(raw, name, language), f"messages.{name}.{language}",
                f"needs {count} SMS segments with {worst_case} (at most {MAX_SEGMENTS}); shorten it",
            )


def first_saying(raw: Mapping, messages: AnyMapping[str, Text], names: Iterable[str], variable: str) -> tuple[str, str] | None:
    """The first of `names` (and its first language) whose text uses `{variable}`, or None."""
    for name in names:
        text = messages.get(name)
        if text is None:
            continue
        for language in LANGUAGES:
            if variable in (variables(text.in_(language)) or ()):
                return name, language
    return None


def line_of(raw: Mapping, name: str, language: str) -> int:
    """The line of message `name`'s text in `language` (its key's line when written on one line)."""
    texts = raw[name]
    return texts.line_of(language) if isinstance(texts, Mapping) and language in texts else raw.line_of(name)


def variables(text: str) -> list[str] | None:
    """The placeholders of a template, in order; None when it is malformed (reported by the loader)."""
    try:
        return [field for _, field, _, _ in string.Formatter().parse(text) if field]
    except ValueError:
        return None
