"""A step's effects and understanding compared as JSON would give them back (`ivr.qa.transcript._plain_json`)."""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ivr.definitions.yamlsource import Mapping, Sequence, Text
from ivr.qa.transcript import _plain_json, plain


class _Kind(enum.IntEnum):
    ONE = 1


def _text(value: str) -> Text:
    text = Text(value)
    text.line = 3
    return text


def _mapping(items: dict[Any, Any]) -> Mapping:
    mapping = Mapping(items)
    mapping.line, mapping.key_lines = 1, {}
    return mapping


def _sequence(items: list[Any]) -> Sequence:
    sequence = Sequence(items)
    sequence.line, sequence.item_lines = 1, []
    return sequence


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
    st.text(max_size=8).map(_text), st.dates(), st.datetimes(timezones=st.just(dt.timezone.utc)),
    st.just(_Kind.ONE), st.frozensets(st.integers(), max_size=2),
)
_keys = st.one_of(st.text(max_size=5), st.integers(), st.booleans(), st.text(max_size=5).map(_text))
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.lists(inner, max_size=3).map(tuple), st.lists(inner, max_size=3).map(_sequence),
        st.dictionaries(_keys, inner, max_size=3), st.dictionaries(_keys, inner, max_size=3).map(_mapping),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_values)
def test_the_view_is_what_a_round_trip_through_json_text_gives(value: Any) -> None:
    """Tuples become lists, keys text, dates and anything else JSON cannot write their `str`, YAML's
    line-aware values plain ones: exactly what `json.loads(json.dumps(plain(value), default=str))` gives."""
    expected = value if isinstance(value, (str, int, float, bool)) or value is None else json.loads(
        json.dumps(plain(value), default=str))
    seen = _plain_json(value)
    assert seen == expected
    assert json.dumps(seen, sort_keys=True, default=repr) == json.dumps(expected, sort_keys=True, default=repr)

