"""A YAML loader for definition files that refuses YAML's traps.

PyYAML's `safe_load` follows YAML 1.1: `on`, `yes` and `no` become booleans
(`yes == 1`, so it silently replaces menu option 1), `0123` is octal, dates
become `datetime` objects and duplicate keys overwrite each other in silence.
Definitions are data written by people, so this loader:

* resolves only `true`/`false` as booleans, plain decimal integers (no leading
  zeros) and decimals as numbers, `null`/`~`/empty as None; everything else,
  dates and times included, stays text for the validators to parse;
* keeps every mapping key as the text that was written (`0`, `1`, `#`);
* reports duplicate keys with both lines;
* remembers the line of every mapping, sequence and key so that validators
  can say `file:line: where: what`.

It owns parsing only; meaning belongs to the validators in this package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ivr.errors import DefinitionError, Problem, display_path


class Mapping(dict[str, Any]):
    """A YAML mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list[Any]):
    """A YAML sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class Text(str):
    """A YAML scalar kept as text, with its line."""

    line: int


_BOOL = re.compile(r"^(?:true|false)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$")
_NULL = re.compile(r"^(?:~|null|)$")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML-1.2-core-like scalars and line-aware containers."""

    duplicate_problems: list[tuple[int, str, int]]
    key_problems: list[int]


# Replace YAML 1.1 implicit resolvers (yes/no/on/off, octal, sexagesimal, timestamps).
_StrictLoader.yaml_implicit_resolvers = {}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tf"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", ""])


def _construct_mapping(loader: _StrictLoader, node: MappingNode) -> Mapping:
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            loader.key_problems.append(line)
            continue
        key = str(key_node.value)
        if key in result:
            loader.duplicate_problems.append((line, key, result.key_lines[key]))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _StrictLoader, node: SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_text(loader: _StrictLoader, node: ScalarNode) -> Text:
    text = Text(loader.construct_scalar(node))
    text.line = node.start_mark.line + 1
    return text


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_StrictLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)

_MAP_TAG, _SEQ_TAG, _STR_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"
_TAG_BY_FIRST = {
    first: tuple(_StrictLoader.yaml_implicit_resolvers.get(first, ())) for first in "tf-+0123456789~n"
}


def _resolve(self: Any, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
    """The loader's own resolvers, looked up without PyYAML's generic path machinery.

    libyaml calls back into Python for every scalar it composes; a replay of thousands
    of files spends a tenth of its time here, so this does only what our resolvers need:
    the implicit tags of plain scalars, else the default tag of the kind.
    """
    if kind is ScalarNode:
        if implicit[0]:
            for tag, regexp in _TAG_BY_FIRST.get(value[:1], ()) if value else _EMPTY:
                if regexp.match(value):
                    return str(tag)
        return _STR_TAG
    return _SEQ_TAG if kind is SequenceNode else _MAP_TAG


_EMPTY = tuple(_StrictLoader.yaml_implicit_resolvers.get("", ()))
_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "null"))
"""Scalars `_build` hands to the loader's own constructors (text it makes itself)."""

_CLoader = getattr(yaml, "CSafeLoader", None)
if _CLoader is not None:
    # libyaml parses about three times faster; the same resolvers and constructors apply.
    # Its syntax messages are terser, so a file that fails to parse is parsed again by
    # the pure-Python loader for the message a person reads.
    class _FastStrictLoader(_CLoader):  # type: ignore[misc, valid-type]
        duplicate_problems: list[tuple[int, str, int]]
        key_problems: list[int]

    _FastStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers
    _FastStrictLoader.yaml_constructors = dict(_StrictLoader.yaml_constructors)
    _FastStrictLoader.resolve = _resolve
    # libyaml calls these two around every node it composes; with no path resolvers (this loader
    # has none) PyYAML's own only return.  Methods made in C that return at once, in their stead,
    # save two Python calls a node (about a tenth of parsing a test call).
    assert not _StrictLoader.yaml_path_resolvers
    _FastStrictLoader.descend_resolver = {}.get  # (parent, index) -> index
    _FastStrictLoader.ascend_resolver = tuple  # () -> ()
else:  # pragma: no cover - PyYAML built without libyaml
    _FastStrictLoader = _StrictLoader  # type: ignore[misc, assignment]


class _Unusual(Exception):
    """A document `_build` leaves to PyYAML's own constructor (merge keys, recursion, a complex or repeated key)."""


def _built(loader: Any) -> Any:
    """The document's data, as `get_single_data` would construct it with this module's constructors.

    libyaml composes the nodes in C; PyYAML then constructs the data in Python through a
    generic machinery (generators, deep and recursive bookkeeping) that costs more than the
    parsing.  Plain documents (mappings, sequences, scalars, anchors reused as is) are built
    here directly; anything else goes through `construct_document`, which reports its problems.
    """
    node = loader.get_single_node()
    if node is None:
        return None
    try:
        return _build(loader, node, {})
    except _Unusual:
        return loader.construct_document(node)


def _build(loader: Any, node: Node, made: dict[int, Any]) -> Any:
    kind = node.__class__
    if kind is ScalarNode:
        if node.tag == _STR_TAG:
            text = Text(node.value)
            text.line = node.start_mark.line + 1
            return text
        return loader.yaml_constructors[node.tag](loader, node) if node.tag in _PLAIN_TAGS else _unusual()
    key = id(node)
    if key in made:  # an alias: the same object, as PyYAML gives (None while it is being built: recursion)
        return made[key] if made[key] is not None else _unusual()
    made[key] = None
    # A container's text items and values are built here, not by a call each (most of a file's nodes are text).
    if kind is SequenceNode and node.tag == _SEQ_TAG:
        items = Sequence()
        items.line = node.start_mark.line + 1
        item_lines: list[int] = []
        items.item_lines = item_lines
        for child in node.value:
            line = child.start_mark.line + 1
            if child.__class__ is ScalarNode and child.tag == _STR_TAG:
                text = Text(child.value)
                text.line = line
                items.append(text)
            else:
                items.append(_build(loader, child, made))
            item_lines.append(line)
        made[key] = items
        return items
    if kind is not MappingNode or node.tag != _MAP_TAG:
        return _unusual()
    result = Mapping()
    result.line = node.start_mark.line + 1
    lines: dict[str, int] = {}
    result.key_lines = lines
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode or key_node.tag == _MERGE_TAG:
            return _unusual()
        name = key_node.value  # text: libyaml gives a scalar's value as `str`
        if name in lines:
            return _unusual()
        if value_node.__class__ is ScalarNode and value_node.tag == _STR_TAG:
            text = Text(value_node.value)
            text.line = value_node.start_mark.line + 1
            result[name] = text
        else:
            result[name] = _build(loader, value_node, made)
        lines[name] = key_node.start_mark.line + 1
    made[key] = result
    return result


def _unusual() -> Any:
    raise _Unusual


def load_text(text: str, path: str) -> Any:
    """Parse YAML text strictly; raise `DefinitionError` with every duplicate or complex key, or the syntax error."""
    try:
        fast = _FastStrictLoader(text)
    except yaml.YAMLError:  # a character YAML refuses (a NUL byte…): the pure-Python reader says where
        fast = None
    if fast is not None:
        fast.duplicate_problems = []
        fast.key_problems = []
        try:
            data = _built(fast)
        except yaml.YAMLError:
            data = None
        else:
            if not fast.duplicate_problems and not fast.key_problems:
                return data
        finally:
            fast.dispose()
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        loader.duplicate_problems = []
        loader.key_problems = []
        data = loader.get_single_data()
    except yaml.reader.ReaderError as exc:
        raise DefinitionError([Problem(path, _line_at(text, exc.position), "", _reader_message(exc))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise DefinitionError([Problem(path, line, "", f"YAML syntax: {_syntax_message(exc)}")]) from None
    except yaml.YAMLError as exc:
        raise DefinitionError([Problem(path, 1, "", f"YAML syntax: {excerpt(str(exc))}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    problems = [
        Problem(path, line, key, f"duplicate key (first defined on line {first})")
        for line, key, first in loader.duplicate_problems
    ]
    problems += [
        Problem(path, line, "", "a key must be plain text, not a list or a mapping (a YAML complex key)")
        for line in loader.key_problems
    ]
    if problems:
        raise DefinitionError(sorted(problems, key=lambda problem: problem.line))
    return data


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, max(position, 0)) + 1


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    what = "a NUL byte" if code == 0 else f"the control character U+{code:04X}"
    return f"{what} is not allowed in a YAML file (is it a binary file?)"


def excerpt(text: str, limit: int = 40) -> str:
    """At most `limit` characters of `text`, on one line: what an error may echo of a file."""
    flat = " ".join(str(text).split())
    flat = "".join(char if char.isprintable() else char.encode("unicode_escape").decode() for char in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "cannot parse"
    # An unquoted `*` key fails "while scanning an alias": the hint belongs to the context too.
    if any(word in f"{problem} {exc.context or ''}" for word in ("alias", "anchor")):
        problem += " (quote keys such as '*' and '#': \"*\")"
    return problem


def load_file(path: Path | str) -> tuple[Any, str]:
    """Read and parse a definition file; return its data and the path to show in errors."""
    shown = display_path(path)
    try:
        with open(path, "rb") as file:  # `Path(path).read_bytes()` without a `Path` (a replay reads thousands)
            raw = file.read()
    except FileNotFoundError:
        raise DefinitionError([Problem(shown, 1, "", "file not found")]) from None
    except IsADirectoryError:
        raise DefinitionError([Problem(shown, 1, "", "a folder, not a file")]) from None
    except OSError as exc:
        raise DefinitionError([Problem(shown, 1, "", f"cannot read the file ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DefinitionError([Problem(shown, line, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}: {exc.reason})")]) from None
    return load_text(text, shown), shown


# --- files a definition names (include:, cases_file:) ------------------------------------------

ALLOWED_ROOTS: list[Path] = []
"""Folders outside a definition's own one that its `include:` and `cases_file:` may name
(the `DEFINITION_ROOTS` setting adds to it); empty by default."""


def allow_roots(paths: Iterable[Path | str]) -> None:
    """Let definitions name files under `paths` too (an explicit allow-list)."""
    for path in paths:
        root = Path(path).resolve()
        if root not in ALLOWED_ROOTS:
            ALLOWED_ROOTS.append(root)


def inside(folder: Path, name: str) -> Path:
    """The file `name` names, relative to `folder`, if it stays inside `folder` (symbolic links
    followed) or an allowed root; raises ValueError saying why not.  Nothing is read."""
    shown = excerpt(name, 60)
    if not name.strip() or "\x00" in name:
        raise ValueError(f"'{shown}': not a file name")
    if Path(name).is_absolute() or name.startswith("~"):
        raise ValueError(f"'{shown}': an absolute path (name a file in this definition's folder, relative to it)")
    target = (folder / name).resolve()
    roots = [folder.resolve(), *ALLOWED_ROOTS]
    if not any(target == root or root in target.parents for root in roots):
        raise ValueError(f"'{shown}': outside this definition's folder (only files in it or below may be named)")
    return target


def line_of(value: Any, default: int = 1) -> int:
    """The line a loaded value was written on, or `default` for plain Python values."""
    return int(getattr(value, "line", default))
