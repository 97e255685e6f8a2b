"""What a caller promised a call-back hears about when and from where it comes.

The seeds say nothing of call-back times (seed 003 names Tier 2 officers and a call-back only as escalation);
DOMAIN.md §1.3 (MED, AILA Doc 19101631 of Jan 2022 via lawandborder.com) gives them: "urgent → call-back or email
from Tier 2 within **72 hours (Mon–Fri)**; regular → within **30 business days**; ... caller ID **202-838-2200**
or "unknown"; call-backs **7:00 a.m.–6:30 p.m. Eastern**; a missed first call gets a second attempt; missing both
may require a new inquiry."
"""

from __future__ import annotations

import pytest

from ivr.routing import QUEUE_CALLBACK_KEY

TIER2_CALLBACK = {"tier2": {"kind": "callback", "target": "tier2-callbacks"}}
SUPERVISOR_CALLBACK = {"supervisor": {"kind": "callback", "target": "supervisor-callbacks"}}
TIER1_QUEUE = {"tier1": {"kind": "queue", "target": "tier1-agents"}}

TIME_FRAME = {
    "en": "An urgent matter gets a call or an e-mail within 72 hours, Monday to Friday; any other, a call within "
    "30 business days. Calls come between 7 a.m. and 6:30 p.m. Eastern time, from 2 0 2, 8 3 8, 2 2 0 0 or an "
    "unknown number. If you miss the first call, we will try once more; if you miss both, you may need to call "
    "us again.",
    "es": "Un asunto urgente recibe una llamada o un correo electrónico dentro de 72 horas, de lunes a viernes; "
    "cualquier otro, una llamada dentro de 30 días hábiles. Llamamos de 7 a. m. a 6:30 p. m., hora del Este, "
    "desde el 2 0 2, 8 3 8, 2 2 0 0 o un número desconocido. Si no contesta la primera llamada, lo intentaremos "
    "una vez más; si no contesta ninguna de las dos, es posible que tenga que llamarnos de nuevo.",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_officer_call_back_says_when_from_which_number_and_that_a_missed_call_is_tried_again(dial, language):
    """DOMAIN.md §1.3 (MED): Tier 2's call-back promise gives 72 hours (urgent) or 30 business days, 7-6:30
    Eastern, caller ID 202-838-2200 or unknown, a second attempt: in the caller's language, numbers digit by digit."""
    live = dial(language, TIER_ROUTING=TIER2_CALLBACK)
    live.press("0")
    live.say("what are the details of my case" if language == "en" else "cuáles son los detalles de mi caso")
    turn = live.press("1")
    assert TIME_FRAME[language] in turn.text
    assert turn.text.index(TIME_FRAME[language]) > turn.text.index("1 0 4 0, 0 0 0 0")  # after the service item


def test_a_supervisor_call_back_gives_the_same_time_frame(dial):
    """Seed 003: supervisors are "Live Assistance - Tier 2 (Supervisor)", so DOMAIN.md §1.3's Tier 2 call-back
    times (MED) apply to their call-backs too."""
    live = dial(TIER_ROUTING=SUPERVISOR_CALLBACK)
    turn = live.say("supervisor")
    assert "A supervisor will call you back at 2 0 2, 5 5 5, 0 1 4 3." in turn.text
    assert TIME_FRAME["en"] in turn.text


def test_a_representative_call_back_promises_no_time_the_sources_do_not_give(dial):
    """DOMAIN.md §1.3's times are Tier 2's; no source gives Tier 1's, so a representative's call-back names none."""
    live = dial(TIER_ROUTING=TIER1_QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/wait", Digits=QUEUE_CALLBACK_KEY, QueueSid="QU1")
    assert "A representative will call you back at 2 0 2, 5 5 5, 0 1 4 3." in turn.text
    assert "72 hours" not in turn.text and "2 0 2, 8 3 8" not in turn.text
