"""The answer kept for a retry of a call's last webhook does not keep the calling number in the clear.

docs/store.md (retried webhooks): the answer to a request is kept with the call, so Twilio's retry
of it gets the same TwiML. DOMAIN.md §1.3: a call-back goodbye reads the caller's number back, digit
by digit. docs/privacy.md: a finished call is kept without its calling number. So the goodbye that
ends a call is kept with the number as its token, and a retry, which carries the calling number in
its signed form (`From`, as every Twilio webhook does), hears it again.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from ivr.store.line import _KEPT, LineStore, _parse, open_store

QUEUED = '{"tier1": {"kind": "queue", "target": "tier1"}}'
CALLER = "+12025550143"
READ_BACK = "2 0 2, 5 5 5, 0 1 4 3"
CALL_BACK_KEY = "1"


def kept_answers(database_url: str) -> str:
    """Every answer the calls table keeps, as stored, and every one the line store's map keeps for a call
    that has not moved to SQL yet (ivr/store/line.py)."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            kept = [str(row[0]) for row in conn.execute(text("SELECT answer FROM calls WHERE answer IS NOT NULL"))]
    finally:
        engine.dispose()
    store = open_store(database_url, serving=False)
    try:
        if isinstance(store, LineStore):
            with store.map.env.begin(db=store.map.calls) as txn:
                kept += [str(header[_KEPT]) for _, raw in txn.cursor() if (header := _parse(raw)[0])[_KEPT] is not None]
    finally:
        store.close()
    return "\n".join(kept)


def queued_call_back(line, twilio_call, **settings):
    """A caller waits for Tier 1 in the queue and presses 1 to be called back: the goodbye reads their number."""
    call = twilio_call(line(TIER_ROUTING=QUEUED, KEEP_IDENTIFIERS=False, **settings), caller=CALLER)
    call.start()
    call.keys("1", "0")
    goodbye = call.post("/voice/queue/wait", {"Digits": CALL_BACK_KEY, "QueuePosition": "2", "QueueTime": "40"})
    assert f"call you back at {READ_BACK}" in goodbye.text and goodbye.verbs[-1] == "Leave"
    return call, goodbye


def test_the_goodbye_kept_for_a_retry_does_not_hold_the_calling_number(line, twilio_call, database_url):
    """The call-back goodbye that ended the call is kept without the number it read back, in any written form."""
    queued_call_back(line, twilio_call)
    kept = kept_answers(database_url)
    assert "Leave" in kept  # the goodbye is kept, for a retry
    assert [form for form in (READ_BACK, "2025550143", "202-555-0143") if form in kept] == []


def test_a_retry_of_the_goodbye_hears_the_number_again(line, twilio_call):
    """Twilio's retry of the call-back press (same idempotency token) gets the same TwiML, number included."""
    call, goodbye = queued_call_back(line, twilio_call)
    again = call.retry()
    assert (again.xml, again.state, again.tier) == (goodbye.xml, goodbye.state, goodbye.tier)
    assert len(call.effects("callback_requested")) == 1


def test_a_retry_from_another_number_never_hears_the_callers_number(line, twilio_call):
    """A request with the goodbye's token but not the caller's number leaves the queue and hears no number."""
    call, goodbye = queued_call_back(line, twilio_call)
    path, params, token = call.sent[-1]
    call.caller = "+13105550111"
    other = call.post(path, {k: v for k, v in params.items() if k not in ("CallSid", "AccountSid", "From")}, token)
    assert other.verbs[-1] == "Leave"
    assert "5 5 5" not in other.text


def test_the_goodbye_of_a_menu_call_back_is_kept_without_the_number(line, twilio_call, database_url):
    """A call-back chosen at the menu after a dial nobody answered (a Gather's answer) is kept without the
    number too, and its retry hears it."""
    call = twilio_call(line(TIER_ROUTING='{"tier1": {"kind": "dial", "target": "+12025550199"}}',
                            KEEP_IDENTIFIERS=False), caller=CALLER)
    call.start()
    call.keys("1", "0")
    landed = call.post("/voice/resume", {"DialCallStatus": "no-answer"})
    assert landed.state == "live.after_people"
    goodbye = call.press(CALL_BACK_KEY)
    assert f"call you back at {READ_BACK}" in goodbye.text
    assert READ_BACK not in kept_answers(database_url)
    assert call.retry().xml == goodbye.xml
