"""Retried and stale webhooks are harmless (issue 9 point 1; DESIGN.md §5: webhooks are idempotent).

Twilio may send a webhook twice (same `I-Twilio-Idempotency-Token`, same
body), and a slow network can deliver an old `<Gather>` answer after a newer
one.  At each step that changes the world, a retry applies nothing twice and
gets the first answer; an out-of-date answer re-asks the current prompt.
"""

from __future__ import annotations

RAFAEL = ("2690150101#", "1", "02281987")  # EAC2690150101: biometrics Dec 8, never rescheduled
ANA = ("2690250102#", "1", "04121990")  # WAC2690250102: California Service Center


def at_booking(call):
    """A verified caller who picked the first offered biometrics time: 'press 1 to book' comes next."""
    call.start()
    call.keys("1", "2", *RAFAEL, "1", "1")
    return call


def test_a_retried_booking_books_once_and_answers_the_same(line, twilio_call):
    """Seed 000 booking: Twilio's retry of 'press 1 to book' (same token) changes nothing and hears the same."""
    call = at_booking(twilio_call(line()))
    first = call.press("1")
    again = call.retry()
    assert "confirmation number" in first.text
    assert (again.xml, again.state) == (first.xml, first.state)
    assert len(call.effects("case_updated")) == 1
    assert call.effects("case_updated")[0]["changes"]["biometrics"]["times_rescheduled"] == 1


def test_a_retried_request_without_a_token_is_known_by_its_url_and_body(line, twilio_call):
    """A retry with no idempotency token but the same step URL and body gets the same answer, and books once."""
    call = at_booking(twilio_call(line()))
    first = call.press("1", token="")
    again = call.retry(token=False)
    assert again.xml == first.xml
    assert len(call.effects("case_updated")) == 1


def test_a_retried_pick_at_the_slot_menu_does_not_book(line, twilio_call):
    """Today's defect: the retried '1' that picked a time was read as 'press 1 to book' of the next menu."""
    call = twilio_call(line())
    call.start()
    call.keys("1", "2", *RAFAEL, "1")
    picked = call.press("1")
    again = call.retry()
    assert again.xml == picked.xml
    assert call.effects("case_updated") == []
    assert call.effects("biometrics_rescheduled") == []


def test_an_out_of_date_answer_re_asks_the_current_prompt(line, twilio_call):
    """An answer carrying an older step number is not applied to the current menu: that menu is said again."""
    call = at_booking(twilio_call(line()))
    current = call.turns[-1]
    stale_url = call.turns[-2].gather["action"]
    assert stale_url != current.gather["action"]
    late = call.post(stale_url, {"Digits": "1"})
    assert late.state == current.state
    assert "For booking this appointment, press 1." in current.text and "For booking this appointment, press 1." in late.text
    assert call.effects("case_updated") == []
    assert "confirmation number" in call.press("1").text  # the current prompt's own answer still works


def test_a_retried_service_request_files_once(line, twilio_call):
    """DOMAIN.md §5 self-service request: the retried 'create' files one request with one reference."""
    call = twilio_call(line())
    call.start()
    call.keys("1", "4", "2", *RAFAEL, "2")
    first = call.press("1")
    again = call.retry()
    assert again.xml == first.xml
    assert [r["type"] for r in call.effects("service_request_created")] == ["notice_not_received"]


def test_a_retried_address_change_files_once(line, twilio_call):
    """DOMAIN.md §1.3: a change of address filed by phone, retried, is filed once (the new address read back first)."""
    call = twilio_call(line())
    call.start()
    call.keys("1", "4", "2", *RAFAEL, "7", "1")
    call.post(call.action, {"SpeechResult": "12 Main Street, Burlington, Vermont 05401", "Confidence": "0.92"})
    first = call.press("1")
    again = call.retry()
    assert again.xml == first.xml
    assert [r["type"] for r in call.effects("service_request_created")] == ["change_of_address"]


def test_a_retried_supervisor_action_is_done_once(line, twilio_call):
    """Seed 003: a supervisor's service request, retried by Twilio, is created once."""
    call = twilio_call(line())
    call.start()
    call.keys("1", "0", "7", "2", "1", *ANA, "8")
    assert call.turns[-1].tier == "supervisor"
    call.press("3")
    first = call.press("4")
    again = call.retry()
    assert again.xml == first.xml
    assert [r["tier"] for r in call.effects("service_request_created")] == ["tier1", "supervisor"]


def test_the_same_key_pressed_at_two_menus_is_two_answers(line, twilio_call):
    """Idempotency never swallows a real second press: the same digit at the next menu is a new request."""
    call = twilio_call(line())
    call.start()
    first = call.press("1", token="")
    second = call.press("1", token="")
    assert (first.state, second.state) == ("main_menu", "verify.receipt")


QUEUED = '{"tier1": {"kind": "queue", "target": "tier1"}}'


def test_a_retried_call_back_press_in_the_queue_leaves_with_the_same_goodbye(line, twilio_call):
    """Twilio's retry of the queue's "press 1 to be called back" hears the service item number again and leaves
    the queue; it used to be told its place in line and kept waiting for a call-back already recorded."""
    call = twilio_call(line(TIER_ROUTING=QUEUED))
    call.start()
    call.keys("1", "0")
    first = call.post("/voice/queue/wait", {"Digits": "1", "QueuePosition": "2", "QueueTime": "40"})
    again = call.retry()
    assert "Your service item number is" in first.text and first.verbs[-1] == "Leave"
    assert (again.xml, again.state) == (first.xml, first.state)
    assert len(call.effects("callback_requested")) == 1


def test_a_call_back_press_after_the_call_back_was_taken_leaves_the_queue(line, twilio_call):
    """A caller still in the queue after the call-back was recorded (the answer was lost) is let go, not kept waiting."""
    call = twilio_call(line(TIER_ROUTING=QUEUED))
    call.start()
    call.keys("1", "0")
    call.post("/voice/queue/wait", {"Digits": "1", "QueuePosition": "2", "QueueTime": "40"}, token="")
    later = call.post("/voice/queue/wait", {"Digits": "1", "QueuePosition": "2", "QueueTime": "65"}, token="")
    assert later.verbs[-1] == "Leave"
    assert len(call.effects("callback_requested")) == 1
