"""The blind writers' tools (tools/blind_briefs.py, tools/near_copies.py): a fresh brief lists no earlier sentence,
and a set's near copies of earlier sentences are told apart from what is new (issue 16: "write 40 new ones")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def briefs():
    return _tool("blind_briefs")


@pytest.fixture(scope="module")
def near_copies():
    return _tool("near_copies")


def test_a_series_brief_lists_the_earlier_sentences_to_avoid(briefs, tmp_path):
    brief = briefs.topic_brief("t99", tmp_path)
    assert "## Questions already written" in brief
    assert "do not repeat or paraphrase closely" in brief


def test_a_fresh_brief_lists_no_earlier_sentence(briefs, tmp_path):
    brief = briefs.topic_brief("tf9", tmp_path, fresh=True)
    assert "already written" not in brief
    assert "ordinary callers" in brief
    assert "holdout_tf9.yaml" in brief


def test_a_fresh_submenus_brief_still_names_every_menu(briefs, tmp_path):
    brief = briefs.submenus_brief("sf9", tmp_path, fresh=True)
    assert "already written" not in brief
    assert all(f"`{state}`" in brief for state in briefs.SUBMENUS)


def test_a_near_copy_of_an_earlier_sentence_is_left_out_and_a_new_one_kept(near_copies, tmp_path, capsys):
    earlier = near_copies.earlier("case_status.menu", "en", leave_out="holdout none")
    copied = earlier[0]
    written = {"version": 1, "flow": "uscis_contact_center", "groups": [{
        "state": "case_status.menu", "language": "en", "note": "holdout x1",
        "expect": {"1": [copied.upper(), "zebra crossings seldom hum lullabies to quartz"]},
    }]}
    source, out = tmp_path / "set.yaml", tmp_path / "far.yaml"
    source.write_text(yaml.safe_dump(written), encoding="utf-8")
    assert near_copies.main([str(source), str(out)]) == 0
    kept = yaml.safe_load(out.read_text(encoding="utf-8"))["groups"][0]["expect"]["1"]
    assert kept == ["zebra crossings seldom hum lullabies to quartz"]
    assert "2 sentences; 1 at 80 or more" in capsys.readouterr().out


def test_a_fresh_main_menu_brief_names_every_option_and_asks_for_forty(briefs, tmp_path):
    brief = briefs.main_brief("mf9", tmp_path, fresh=True)
    assert "already written" not in brief
    assert all(f"- `{key}`:" in brief for key in "123456789")
    assert sum(briefs.MAIN_ENGLISH.values()) == 28 and len(briefs.MAIN_SPANISH) == 12
