"""TIER_ROUTING sends tiers to people: queues with a wait URL and call-backs, dials, call-back queues."""

from __future__ import annotations


import pytest

from ivr.definitions.flows import load_flows
from ivr.routing import QUEUE_CALLBACK_KEY, service_item_number

ANA = ("WAC2690250102", "04121990")
QUEUE = {"tier1": {"kind": "queue", "target": "tier1-agents"}}
CALLBACK = {"tier2": {"kind": "callback", "target": "tier2-callbacks"}}
CLIENT = {"supervisor": {"kind": "dial", "target": "client:supervisor-desk"}}
NUMBER = {"supervisor": {"kind": "dial", "target": "+12025550199"}}


def _children(turn, tag):
    return [element for element in turn.element() if element.tag == tag]


def test_a_queued_tier_is_an_enqueue_with_wait_and_action_urls(dial):
    """Real people: the caller is put in the tier's queue; the wait URL announces the position."""
    live = dial(TIER_ROUTING=QUEUE)
    turn = live.press("0")
    [enqueue] = _children(turn, "Enqueue")
    assert (enqueue.text, enqueue.get("waitUrl"), enqueue.get("action")) == ("tier1-agents", "/voice/queue/wait", "/voice/queue/done")
    assert turn.tier == "tier1"
    assert live.reasons() == [("ivr", "tier1", "caller_requested_live_assistance")]
    assert [a["kind"] for e in live.transcript() for a in e.get("actions", [])][-1] == "enqueue"


@pytest.mark.parametrize(
    ("language", "announcement"),
    [
        ("en", "You are number 3 in line. To be called back instead of waiting, press 1."),
        ("es", "Usted es el número 3 en la fila. Para que le devolvamos la llamada en lugar de esperar, oprima 1."),
    ],
)
def test_the_wait_url_announces_the_position_and_offers_a_call_back(dial, language, announcement):
    """The wait URL says the caller's place in line in their language and offers a call-back key."""
    live = dial(language, TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/wait", QueuePosition="3", QueueSid="QU1", QueueTime="30", CurrentQueueSize="4")
    [gather] = _children(turn, "Gather")
    assert gather.get("action") == "/voice/queue/wait" and gather.get("numDigits") == "1"
    assert turn.says == (announcement,)
    assert _children(turn, "Pause")


def test_pressing_the_call_back_key_records_it_and_leaves_the_queue(dial):
    """DOMAIN.md §1.3: the caller's number is recorded and a service item number given, digit by digit."""
    live = dial(TIER_ROUTING=QUEUE, caller_id="+12025550143")
    live.press("0")
    turn = live.post("/voice/queue/wait", Digits=QUEUE_CALLBACK_KEY, QueueSid="QU1")
    assert [element.tag for element in turn.element()] == ["Say", "Leave"]
    [callback] = live.effects("callback_requested")
    assert (callback["tier"], callback["queue"], callback["number"]) == ("tier1", "tier1-agents", "+12025550143")
    assert callback["service_item"] == "10400000"
    assert "A representative will call you back at 2 0 2, 5 5 5, 0 1 4 3." in turn.text
    assert "Your service item number is 1 0 4 0, 0 0 0 0." in turn.text
    done = live.post("/voice/queue/done", QueueResult="leave", QueueSid="QU1")
    assert done.hung_up


@pytest.mark.parametrize(
    ("language", "announcement"),
    [("en", "You are number 3 in line. Please stay on the line."),
     ("es", "Usted es el número 3 en la fila. Por favor, no cuelgue.")],
)
def test_a_caller_without_a_number_is_not_offered_a_call_back_while_waiting(dial, language, announcement):
    """A withheld caller ID cannot be called back, so the wait URL says the place in line and offers nothing else."""
    live = dial(language, TIER_ROUTING=QUEUE, caller_id="+266696687")
    live.press("0")
    turn = live.post("/voice/queue/wait", QueuePosition="3", QueueSid="QU1", QueueTime="30", CurrentQueueSize="4")
    assert turn.says == (announcement,)


def test_a_caller_without_a_number_who_presses_1_keeps_their_place_in_line(dial):
    """Pressing 1 anyway does not take a withheld caller out of the queue (they used to leave it and lose their place)."""
    live = dial(TIER_ROUTING=QUEUE, caller_id="anonymous")
    live.press("0")
    turn = live.post("/voice/queue/wait", Digits=QUEUE_CALLBACK_KEY, QueueSid="QU1")
    assert "Leave" not in turn.verbs and _children(turn, "Pause")
    assert live.effects("callback_requested") == [] and not live.session().ended
    assert turn.state == "live.after_people" and turn.tier == "tier1"


def test_the_call_back_key_is_the_landing_menus_call_back_option():
    """The key the wait URL offers is the option of the menu a queued call lands on."""
    flow = load_flows()["uscis_contact_center"]
    landing = {flow.states[name].goto for name in flow.states if name.endswith(".people")}
    assert landing == {"live.after_people"}
    assert flow.states["live.after_people"].option(QUEUE_CALLBACK_KEY).goto == "live.callback"


def test_a_person_who_talked_with_the_caller_ends_the_call_politely(dial):
    """QueueResult bridged: the call was answered by a person; afterwards the caller hears goodbye."""
    live = dial(TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/done", QueueResult="bridged", QueueSid="QU1", QueueTime="95")
    assert turn.says == ("Thank you for calling the USCIS Contact Center. Goodbye.",)
    assert turn.hung_up
    assert live.session().ended


@pytest.mark.parametrize("result", ["queue-full", "error", "system-error"])
def test_a_queue_that_fails_apologises_and_offers_a_call_back(dial, result):
    """When no person can take the call, the caller is told and may ask for a call-back."""
    live = dial(TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/done", QueueResult=result, QueueSid="QU1")
    assert turn.says[0] == "Sorry, we could not connect you with a person."
    assert "For a call back instead of waiting, press 1." in turn.text
    turn = live.press("1")
    assert live.effects("callback_requested")[0]["tier"] == "tier1"
    assert turn.hung_up


def test_a_caller_who_hangs_up_in_the_queue_ends_the_call(dial):
    """QueueResult hangup: nothing more is said and the call is closed."""
    live = dial(TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/done", QueueResult="hangup", QueueSid="QU1")
    assert turn.says == ()
    assert live.session().ended


@pytest.mark.parametrize("path", ["/voice/queue/wait", "/voice/queue/done"])
def test_queue_urls_refuse_unsigned_requests(client, path):
    """DESIGN.md §2: every Twilio route checks X-Twilio-Signature; a missing one gets 403."""
    response = client.post(path, data={"CallSid": "CA1", "QueuePosition": "1"})
    assert response.status_code == 403


def test_a_twilio_client_supervisor_gets_the_call_with_its_context(dial):
    """Real people: a dial to a Twilio Client passes the call's context as parameters."""
    live = dial(TIER_ROUTING=CLIENT)
    live.press("0")
    turn = live.say("supervisor")
    [dial_verb] = _children(turn, "Dial")
    assert dial_verb.get("action") == "/voice/resume"
    [client] = dial_verb.findall("Client")
    assert client.find("Identity").text == "supervisor-desk"
    parameters = {p.get("name"): p.get("value") for p in client.findall("Parameter")}
    assert parameters["language"] == "en"
    assert turn.tier == "supervisor"
    assert live.reasons()[-1] == ("tier1", "supervisor", "caller_requested_supervisor")


@pytest.mark.parametrize("status", ["busy", "no-answer", "failed"])
def test_a_dial_nobody_answers_apologises_and_lands_on_the_after_people_menu(dial, status):
    """Real people: a dial that reaches nobody (DialCallStatus busy, no-answer, failed) says sorry and offers what is left."""
    live = dial(TIER_ROUTING=NUMBER)
    live.press("0")
    turn = live.say("supervisor")
    [dial_verb] = _children(turn, "Dial")
    assert dial_verb.find("Number").text == "+12025550199"
    turn = live.post("/voice/resume", DialCallStatus=status)
    assert turn.state == "live.after_people"
    assert turn.says[0] == "Sorry, we could not connect you with a person."
    assert "For a call back instead of waiting, press 1." in turn.text and "For the main menu, press 2." in turn.text


def test_a_completed_dial_ends_the_call_politely(dial):
    """Real people: after a supervisor talked with the caller (DialCallStatus completed) the call says goodbye and ends."""
    live = dial(TIER_ROUTING=NUMBER)
    live.press("0")
    live.say("supervisor")
    turn = live.post("/voice/resume", DialCallStatus="completed", DialCallDuration="300")
    assert turn.says == ("Thank you for calling the USCIS Contact Center. Goodbye.",) and turn.hung_up
    assert live.session().ended


def test_tier2_as_a_call_back_queue_gives_a_service_item_number(dial):
    """DOMAIN.md §1.3: Tier 2 as a call-back queue: the caller's number is recorded, a service item number given."""
    live = dial(TIER_ROUTING=CALLBACK, caller_id="+12025550143")
    live.press("0")
    turn = live.to_tier2()
    assert "A USCIS officer will call you back at 2 0 2, 5 5 5, 0 1 4 3." in turn.text
    assert "Your service item number is 1 0 4 0, 0 0 0 0. Again, 1 0 4 0, 0 0 0 0." in turn.text
    [callback] = live.effects("callback_requested")
    assert (callback["tier"], callback["queue"], callback["service_item"]) == ("tier2", "tier2-callbacks", "10400000")
    assert live.reasons()[-2:] == [("tier1", "tier2", "tier1_cannot_resolve"), ("tier2", "ivr", "returned_to_ivr")]
    assert "For a call back instead of waiting" not in turn.text


def test_a_withheld_number_cannot_be_called_back(dial):
    """DOMAIN.md §1.3 (MED): Tier 2 calls the caller back, so a call-back needs a number to call: a withheld caller
    ID gets no service item."""
    live = dial(TIER_ROUTING=CALLBACK, caller_id="anonymous")
    live.press("0")
    turn = live.to_tier2()
    assert "We cannot call you back, because your phone number is not available to us." in turn.text
    assert live.effects("callback_requested") == []


@pytest.mark.parametrize("withheld", ["+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"])
def test_twilios_stand_ins_for_a_withheld_number_are_never_promised_a_call_back(dial, withheld):
    """Twilio puts ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN or UNAVAILABLE spelt on the keypad in `From` when the
    number is withheld: the caller hears that no call-back is possible, never "we will call you back at 2 6 6…"."""
    live = dial(TIER_ROUTING=CALLBACK, caller_id=withheld)
    live.press("0")
    turn = live.to_tier2()
    assert "We cannot call you back, because your phone number is not available to us." in turn.text
    assert live.effects("callback_requested") == []


def test_service_item_numbers_are_eight_digits_from_one_count():
    """DOMAIN.md §1.3: a service item number is an 8-digit code, drawn from one count that never restarts."""
    assert service_item_number(1) == "10400000"
    assert service_item_number(42) == "10400041"


def test_routing_does_not_open_live_assistance_outside_hours(dial):
    """DOMAIN.md §1.1: outside live-assistance hours nobody is transferred, people or not."""
    live = dial(TIER_ROUTING=QUEUE, CLOCK="2026-11-23T20:30:00-05:00")
    turn = live.press("0")
    assert not _children(turn, "Enqueue")
    assert turn.tier == "ivr"
