"""A flow that records a call-back gives the words the caller hears about it (its `messages:` call-back words).

DOMAIN.md §1.3: Tier 1 gives a "service item number" used to verify the officer who calls back; the words that
say it are the flow's, so a flow whose state runs `live_request_callback` without them would leave a caller with
nothing to hear.  The loader refuses it on the state's `run:` line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ivr.definitions.flows import FLOWS_ROOT, load_flow
from ivr.errors import DefinitionError

CALLBACK_WORDS = re.compile(r"  # Call-back words.*?(?=\nescalation:)", re.S)


def test_a_flow_that_records_call_backs_without_call_back_words_is_refused_at_the_run_line(tmp_path: Path) -> None:
    """The shipped flow without its four call-back messages fails at load, naming the state that records a
    call-back (in its fragment file, on its `run:` line) and the messages to give."""
    folder = tmp_path / "flows"
    shutil.copytree(FLOWS_ROOT, folder)
    main = folder / "uscis_contact_center.yaml"
    text, removed = CALLBACK_WORDS.subn("", main.read_text(encoding="utf-8"))
    assert removed == 1
    main.write_text(text, encoding="utf-8")
    fragment = folder / "uscis_contact_center" / "live_assistance.yaml"
    lines = fragment.read_text(encoding="utf-8").splitlines()
    state = lines.index("  live.callback:")
    run = next(number for number in range(state, len(lines)) if lines[number].strip() == "run: live_request_callback") + 1
    with pytest.raises(DefinitionError) as raised:
        load_flow(main)
    assert str(raised.value).splitlines() == [
        f"{fragment}:{run}: states.live.callback.run: live_request_callback promises a call-back, but messages has "
        "none of the call-back words (callback, callback_unavailable, callback_time_frame, callback_sms)"
    ]
