"""Write the broken-definition corpus of tests/data/definitions/broken/ (issue 10.4).

Each case is one file with one fault; its first line is `# expect: <the error>`,
the line `ivr validate` must print.  Some faults cannot be typed in an editor
(a NUL byte, bytes that are not UTF-8, a symbolic link out of the tree), so this
tool writes the corpus; `--bless` runs `ivr validate` on every case and writes
what it printed into the header, for a person to review in the diff.

    python tools/broken_definitions.py            # (re)write the cases, keeping headers
    python tools/broken_definitions.py --bless    # and fill the headers from `ivr validate`
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("tests/data/definitions/broken")
EXPECT = b"# expect: "

FLOW = """\
version: 1
id: broken_definition
start: menu
keys:
  representative: {key: "0"}
  repeat: {key: "*"}
  previous: {key: "#"}
messages:
  no_input: {en: "Sorry, I didn't hear anything.", es: "Disculpe, no escuché nada."}
  no_match: {en: "Sorry, I didn't get that.", es: "Disculpe, no le entendí."}
  global_keys: {en: "Keys.", es: "Teclas."}
  confirm: {en: "Heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry.", es: "Perdón."}
escalation: {representative: bye, max_attempts: bye}
%(include)sstates:
  menu:
    kind: menu
    prompt: {en: "Menu.", es: "Menú."}
    options:
      "1": {topic: {en: hours, es: horario}, goto: bye}
%(extra)s  bye:
    kind: hangup
    prompt: {en: "Bye.", es: "Adiós."}
"""

FRAGMENT = """\
version: 1
states:
  extra:
    kind: message
    prompt: {en: "More.", es: "Más."}
    goto: bye
"""

CALL = """\
version: 1
name: A broken test call
clock: 2026-11-23T10:00:00-05:00
%(cases)ssteps:
  - press: "1"
"""

CASES = """\
version: 1
cases:
  - receipt_number: WAC2612345678
    form: I-765
    status: Case Was Received
    date_of_birth: 1990-04-12
"""

CONFTEST = '''"""The broken test calls here are data for tests/definitions/test_broken_definitions.py, not test calls to replay."""

collect_ignore_glob = ["*.call.yaml", "*.transcript.yaml"]
'''

PASSWD_LIKE = "root:x:0:0:root:/root:/bin/bash daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin " * 4


def flow(include: list[str] | None = None, extra: str = "") -> str:
    block = "include:\n" + "".join(f"  - {name}\n" for name in include) if include is not None else ""
    return FLOW % {"include": block, "extra": extra}


def call(cases_file: str | None = None) -> str:
    return CALL % {"cases": f"cases_file: {cases_file}\n" if cases_file is not None else ""}


def at_line(text: str, line: int, insert: bytes) -> bytes:
    """`text` as UTF-8 with `insert` at the start of its `line` (1-based, the header not counted)."""
    lines = text.encode("utf-8").split(b"\n")
    lines[line - 1] = insert + lines[line - 1]
    return b"\n".join(lines)


# name -> (bytes of the case file, {relative path: bytes or ('link', target) or ('dir',)})
def cases() -> dict[str, tuple[bytes, dict[str, object]]]:
    c: dict[str, tuple[bytes, dict[str, object]]] = {}

    def add(name: str, body: str | bytes, extra: dict[str, object] | None = None) -> None:
        c[name] = (body.encode("utf-8") if isinstance(body, str) else body, extra or {})

    # --- include: confined to the flow's own folder -----------------------------------------
    add("include_parent_escape.yaml", flow(["../../../../../../../../etc/passwd"]))
    add("include_absolute_path.yaml", flow(["/etc/passwd"]))
    add("include_home_folder.yaml", flow(["~/.ssh/id_rsa"]))
    add("include_sibling_corpus.yaml", flow(["../../flows/broken/unknown_target.yaml"]))
    add("include_dot_dot_inside_name.yaml", flow(["include_dot_dot_inside_name/../../../../../etc/hosts"]),
        {"include_dot_dot_inside_name/fragment.yaml": FRAGMENT.encode()})
    add("include_symlink_out.yaml", flow(["include_symlink_out/fragment.yaml"]),
        {"include_symlink_out/fragment.yaml": ("link", "../../../../../../../../etc/hostname")})
    add("include_itself.yaml", flow(["include_itself.yaml"]))
    add("include_twice.yaml", flow(["include_twice/fragment.yaml", "include_twice/fragment.yaml"], "  # extra comes from the fragment\n"),
        {"include_twice/fragment.yaml": FRAGMENT.encode()})
    add("include_a_folder.yaml", flow(["include_a_folder"]), {"include_a_folder/keep.txt": b"a folder, not a fragment\n"})
    add("include_a_number.yaml", flow(["5"]).replace("  - 5\n", "  - 5\n"))
    add("include_empty_name.yaml", flow(['""']))
    add("include_text_file.yaml", flow(["include_text_file/notes.yaml"]),
        {"include_text_file/notes.yaml": (PASSWD_LIKE + "\n").encode()})
    add("include_fragment_nul_byte.yaml", flow(["include_fragment_nul_byte/fragment.yaml"]),
        {"include_fragment_nul_byte/fragment.yaml": at_line(FRAGMENT, 5, b"\x00")})
    add("include_fragment_not_utf8.yaml", flow(["include_fragment_not_utf8/fragment.yaml"]),
        {"include_fragment_not_utf8/fragment.yaml": FRAGMENT.replace("Más", "M\udce1s").encode("utf-8", "surrogateescape")})
    # --- bytes YAML or UTF-8 refuse --------------------------------------------------------
    add("flow_nul_byte.yaml", at_line(flow(), 17, b"\x00"))
    add("flow_nul_byte_in_text.yaml", flow().replace('"Bye."', '"By\x00e."').encode())
    add("flow_not_utf8.yaml", flow().replace("Menú", "Men\udcfa").encode("utf-8", "surrogateescape"))
    add("flow_latin1.yaml", flow().encode("latin-1", "replace"))
    add("flow_control_character.yaml", flow().replace('"Keys."', '"Keys.\x07"').encode())
    add("flow_utf16.yaml", flow().encode("utf-16"))
    # --- complex keys ----------------------------------------------------------------------
    add("flow_complex_key_top_level.yaml", flow().replace("states:\n", "? [a, b]\n: c\nstates:\n"))
    add("flow_complex_key_state.yaml", flow().replace("  bye:\n", "  ? {name: bye}\n  : {kind: hangup}\n  bye:\n"))
    add("flow_complex_key_option.yaml", flow().replace('      "1": {', '      [1, 2]: {kind: x}\n      "1": {'))
    add("flow_long_line_syntax.yaml", flow().replace("states:\n", "notes: [" + PASSWD_LIKE + "\nstates:\n"))
    # --- test calls: cases_file confined too -------------------------------------------------
    add("cases_file_parent_escape.call.yaml", call("../../../../../../../../etc/passwd"))
    add("cases_file_absolute_path.call.yaml", call("/etc/passwd"))
    add("cases_file_symlink_out.call.yaml", call("cases_file_symlink_out/cases.yaml"),
        {"cases_file_symlink_out/cases.yaml": ("link", "../../../../../../../../etc/passwd")})
    add("cases_file_nul_in_name.call.yaml", call('"cases\\0.yaml"'))
    add("call_nul_byte.call.yaml", at_line(call(), 4, b"\x00"))
    add("call_not_utf8.call.yaml", call().replace("A broken", "A br\udce9ken").encode("utf-8", "surrogateescape"))
    add("call_complex_key.call.yaml", call().replace("steps:\n", "? [x]\n: y\nsteps:\n"))
    # --- case data -------------------------------------------------------------------------
    add("cases_nul_byte.yaml", at_line(CASES, 5, b"\x00"))
    add("cases_not_utf8.yaml", CASES.replace("Received", "Rec\udce9ived").encode("utf-8", "surrogateescape"))
    add("cases_complex_key.yaml", CASES.replace("    form: I-765\n", "    ? [form]\n    : I-765\n"))
    return c


def write(bless: bool) -> None:
    folder = ROOT / CORPUS
    old_headers = {}
    if folder.exists():
        for path in folder.glob("*.yaml"):
            first = path.read_bytes().split(b"\n", 1)[0]
            if first.startswith(EXPECT):
                old_headers[path.name] = first
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    for name, (body, extra) in cases().items():
        header = old_headers.get(name, EXPECT + b"?")
        (folder / name).write_bytes(header + b"\n" + body)
        for relative, content in extra.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, tuple) and content[0] == "link":
                os.symlink(content[1], target)
            else:
                assert isinstance(content, bytes)
                target.write_bytes(content)
    if bless:
        for name in cases():
            path = folder / name
            shown = str(CORPUS / name)
            out = subprocess.run([sys.executable, "-m", "ivr", "validate", shown], cwd=ROOT, capture_output=True, text=True)
            problems = [line for line in out.stdout.splitlines() if re.match(rf"{re.escape(str(CORPUS))}/\S+:\d+: ", line)]
            if out.returncode != 1 or len(problems) != 1 or "Traceback" in out.stderr:
                print(f"{name}: exit {out.returncode}, {len(problems)} problems\n{out.stdout}{out.stderr}", file=sys.stderr)
                continue
            data = path.read_bytes().split(b"\n", 1)[1]
            path.write_bytes(EXPECT + problems[0].encode("utf-8") + b"\n" + data)
            print(problems[0])


if __name__ == "__main__":
    write("--bless" in sys.argv)
