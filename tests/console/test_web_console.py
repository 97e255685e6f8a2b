"""The console room driven by the Flask test client: a simulated caller through to a service request."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client


@pytest.fixture
def trainee(web_app: Flask) -> Any:
    return signed_in_client(web_app, "tina", "trainee")


def _first_event(response: Any) -> dict[str, Any]:
    """The data of the first server-sent event of a streamed response (then the stream is closed)."""
    chunks = iter(response.response)
    try:
        for chunk in chunks:
            text = chunk.decode() if isinstance(chunk, bytes) else chunk
            if text.startswith("event:"):
                data = next(line for line in text.splitlines() if line.startswith("data: "))
                return json.loads(data.removeprefix("data: "))
    finally:
        response.close()
    raise AssertionError("no event")


def test_a_simulated_caller_reaches_a_service_request_routed_to_the_office_with_the_file(trainee: Any, web_app: Flask) -> None:
    """Issue 14: a scenario's caller, the Tier 1 seat driven over HTTP, a request for the office that has the case (seed 003)."""
    call_id = trainee.post("/console/api/scenarios/tier1-processing-times-es/calls").get_json()["call_id"]
    waiting = trainee.get("/console/api/queue?seat=tier1").get_json()["waiting"]
    assert [w["call_sid"] for w in waiting] == [call_id]

    accepted = trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"}).get_json()
    assert accepted["caller_said"] == ["Hola. Mi caso lleva mucho más tiempo que el tiempo de tramitación publicado."]
    shown = trainee.get(f"/console/api/calls/{call_id}").get_json()
    assert shown["handoff"]["verified"] is True and shown["handoff"]["language"] == "Spanish"
    assert "processing-times@1" in {s["ref"] for s in shown["scripts"]}
    assert "free_answer" not in shown["allowed"]

    read = trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "read_script", "ref": "processing-times@1"}).get_json()
    assert read["caller_said"] == ["Sí, ya pasó el tiempo publicado. Por favor, haga la solicitud."]
    made = trainee.post(
        f"/console/api/calls/{call_id}/actions",
        json={"action": "create_service_request", "sr_type": "outside_normal_processing_time", "content": "Pasó el tiempo publicado."},
    ).get_json()
    assert "California Service Center" in made["said"][0]["text"] or "Centro de Servicio de California" in made["said"][0]["text"]
    finished = trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "end_call"}).get_json()

    card = finished["card"]
    assert (card["points"], card["total"]) == (card["total"], 7)
    [request] = [line for line in card["lines"] if line["rule"] == "service_request"]
    assert request["passed"] and request["detail"] == "outside_normal_processing_time sent to California Service Center"
    after = trainee.get(f"/console/api/calls/{call_id}").get_json()
    assert after["model"] == [
        "read a script (processing-times@1)",
        "create a service request (outside_normal_processing_time)",
        "end the call",
    ]
    cards = trainee.get("/console/api/cards").get_json()
    assert cards["summary"] == {"trainee": "tina", "calls": 1, "points": 7, "total": 7}


def test_a_refused_action_answers_409_with_the_reason(trainee: Any) -> None:
    """Tier 1 has no free-text box, and the API refuses a free answer with seed 003's reason."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    response = trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "free_answer", "text": "hola"})
    assert response.status_code == 409
    assert "may not say a free answer" in response.get_json()["error"]


def test_the_console_page_lists_seats_and_scenarios(trainee: Any) -> None:
    """The page offers the three seats and the shipped scenarios."""
    page = trainee.get("/console").get_data(as_text=True)
    for text in ("Tier 1 representative", "Tier 2 officer", "Supervisor", "A biometrics appointment missed while in hospital"):
        assert text in page


def test_the_call_stream_pushes_what_the_call_said(trainee: Any) -> None:
    """Server-sent events carry the call's lines (polled from the database, so any worker's change reaches the page)."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "read_script", "ref": "ice-checkin@1"})
    event = _first_event(trainee.get(f"/console/api/calls/{call_id}/events?agent=1", buffered=False))
    assert [line["id"] for line in event["lines"] if line["who"] == "call"] == ["agent.greeting.tier1", "script:ice-checkin@1"]
    assert event["status"] == "connected"


def test_the_queue_stream_lists_waiting_calls(trainee: Any) -> None:
    """The queue's server-sent events list the calls waiting for the seat."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    event = _first_event(trainee.get("/console/api/queue/events?seat=tier1", buffered=False))
    assert [w["call_sid"] for w in event["waiting"]] == [call_id]


def test_strangers_get_no_console(web_app: Flask) -> None:
    """DESIGN.md §5: with a live line configured, a visitor who is not signed in gets the sign-in page or 401."""
    stranger = web_app.test_client()
    assert stranger.get("/console").status_code == 302
    assert stranger.get("/console/api/queue?seat=tier1").status_code == 401


def test_a_trainee_sees_only_their_own_score_cards(web_app: Flask, trainee: Any) -> None:
    """Score cards are per trainee: another trainee's are refused; a trainer may read anyone's."""
    assert trainee.get("/console/api/cards?trainee=tom").status_code == 403
    trainer = signed_in_client(web_app, "terry", "trainer")
    assert trainer.get("/console/api/cards?trainee=tina").status_code == 200


def test_a_softphone_call_can_send_tier1_to_the_console(web_app: Flask, trainee: Any) -> None:
    """Per rehearsal TIER_ROUTING: the trainer's softphone call waits for the Tier 1 seat instead of the flow's agent."""
    trainer = signed_in_client(web_app, "terry", "trainer")
    started = trainer.post("/phone/api/calls", json={"language": "en", "console": "tier1"}).get_json()
    call_id = started["call_id"]
    turn = trainer.post(f"/phone/api/calls/{call_id}/input", json={"digits": "0"}).get_json()
    assert "waiting for the tier1 seat at the agent console" in turn["notes"]
    assert [w["call_sid"] for w in trainee.get("/console/api/queue?seat=tier1").get_json()["waiting"]] == [call_id]
    assert trainer.post("/phone/api/calls", json={"console": "tier9"}).status_code == 400


def test_trainers_see_the_class_scores_and_download_them(web_app: Flask, trainee: Any) -> None:
    """Issue 14: score cards per trainee on a trainer's page and in its CSV; trainees are refused."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "end_call"})
    trainer = signed_in_client(web_app, "terry", "trainer")
    page = trainer.get("/console/scores").get_data(as_text=True)
    assert "tina" in page and "scripts expected — did not read ice-checkin" in page
    rows = trainer.get("/console/scores.csv").get_data(as_text=True).splitlines()
    assert rows[0] == "trainee,console calls,points,out of,console score"
    assert rows[1].startswith("tina,1,")
    assert trainee.get("/console/scores").status_code == 403


def test_a_caller_who_hangs_up_still_gets_the_seat_a_card(web_app: Flask, trainee: Any) -> None:
    """When the caller hangs up on the seat, the trainee's page gets the card on its next look."""
    trainer = signed_in_client(web_app, "terry", "trainer")
    call_id = trainer.post("/phone/api/calls", json={"language": "en", "console": "tier1"}).get_json()["call_id"]
    trainer.post(f"/phone/api/calls/{call_id}/input", json={"digits": "0"})
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    trainer.post(f"/phone/api/calls/{call_id}/input", json={"speech": "thanks, bye"})
    trainer.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True})
    shown = trainee.get(f"/console/api/calls/{call_id}").get_json()
    assert shown["card"] is not None and shown["allowed"] == []
    assert any(line["who"] == "caller" and line["text"] == "thanks, bye" for line in shown["timeline"])


def test_the_queue_stream_is_quiet_while_the_seats_queue_stays_the_same(web_app: Flask, trainee: Any) -> None:
    """Another call's step is not news to a seat's queue: only a change of its waiting calls is sent."""
    from ivr.web.console import queue_news

    news = queue_news(web_app.extensions["console"], "tier1")
    assert json.loads(news().split("data: ", 1)[1]) == {"waiting": []}
    rehearsal = trainee.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    trainee.post(f"/phone/api/calls/{rehearsal}/input", json={"digits": "8"})  # a call moves elsewhere

    assert news() is None

    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    event = news()
    assert event is not None and [w["call_sid"] for w in json.loads(event.split("data: ", 1)[1])["waiting"]] == [call_id]


def test_the_class_scores_name_seats_and_scenarios_in_words(web_app: Flask, trainee: Any) -> None:
    """A trainer reads "Tier 1 representative" and the scenario's title, not the identifiers `tier1` and its file id."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "end_call"})
    title = web_app.extensions["console"].scenarios["tier1-ice-checkin-es"].title

    page = signed_in_client(web_app, "terry", "trainer").get("/console/scores").get_data(as_text=True)

    cells = page.split("Latest score cards", 1)[1]
    assert "<td>Tier 1 representative</td>" in cells and f"<td>{title}</td>" in cells
    assert "<td>tier1</td>" not in cells and "tier1-ice-checkin-es" not in cells


def _tier2_call(trainee: Any) -> str:
    """A scenario call waiting at the Tier 2 seat, accepted by the trainee."""
    call_id = trainee.post("/console/api/scenarios/tier2-good-cause-untimely/calls").get_json()["call_id"]
    assert trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier2"}).status_code == 200
    return call_id


@pytest.mark.parametrize("typed", [{"receipt": "", "date_of_birth": ""}, {"receipt": "MSC2690550105", "date_of_birth": ""},
                                   {"receipt": "MSC2690550105", "date_of_birth": "12/01/1968"}], ids=["empty", "no-date", "not-iso"])
def test_an_identity_check_sent_half_typed_is_refused_without_using_an_attempt(trainee: Any, web_app: Flask, typed: dict[str, str]) -> None:
    """Seed 003 / issue 10: a Tier 2 check with an empty or malformed field is 400 and the caller hears nothing, so no lockout attempt is spent."""
    call_id = _tier2_call(trainee)
    before = len(web_app.extensions["ivr"].store.transcript(call_id))

    for _ in range(3):
        response = trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "verify_identity", **typed})
        assert response.status_code == 400 and "date" in response.get_json()["error"]

    assert len(web_app.extensions["ivr"].store.transcript(call_id)) == before
    good = trainee.post(f"/console/api/calls/{call_id}/actions",
                        json={"action": "verify_identity", "receipt": "MSC2690550105", "date_of_birth": "1968-12-01"})
    assert good.get_json()["said"][0]["id"] != "agent.identity_locked"


def _chunks(response: Any, at_most: int) -> list[str]:
    """The first `at_most` chunks of a streamed response (then it is closed)."""
    out: list[str] = []
    try:
        for chunk in response.response:
            out.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
            if len(out) == at_most:
                break
    finally:
        response.close()
    return out


def test_without_threads_a_stream_answers_at_once_and_ends_so_webhooks_keep_their_workers(trainee: Any) -> None:
    """A sync worker (`ivr serve --production`) is not held by a console page: the stream sends what is new and ends."""
    from ivr.web.console import RETRY_MS

    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    sync = {"wsgi.multithread": False}

    queue = _chunks(trainee.get("/console/api/queue/events?seat=tier1", environ_overrides=sync, buffered=False), 3)
    assert len(queue) == 2 and queue[0].startswith("event: queue") and queue[1] == f"retry: {RETRY_MS}\n\n"
    seen = next(line for line in queue[0].splitlines() if line.startswith("id: ")).removeprefix("id: ")
    again = _chunks(trainee.get("/console/api/queue/events?seat=tier1", environ_overrides=sync, buffered=False,
                                headers={"Last-Event-ID": seen}), 3)
    assert again == [f"retry: {RETRY_MS}\n\n"]  # the queue did not change: nothing to redraw

    said = _chunks(trainee.get(f"/console/api/calls/{call_id}/events", environ_overrides=sync, buffered=False), 3)
    assert len(said) == 2 and said[0].startswith("event: said") and said[1] == f"retry: {RETRY_MS}\n\n"


def test_a_practice_call_rings_only_for_the_trainee_who_rang_it(web_app: Flask, trainee: Any) -> None:
    """Two trainees at the Tier 1 seat: Tina's practice call is in her queue only, and Tom cannot take it."""
    tom = signed_in_client(web_app, "tom", "trainee")
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]

    assert [w["call_sid"] for w in tom.get("/console/api/queue?seat=tier1").get_json()["waiting"]] == []
    taken = tom.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    assert taken.status_code == 404 and "tina" not in taken.get_data(as_text=True)  # as if there were no such call
    assert [w["call_sid"] for w in trainee.get("/console/api/queue?seat=tier1").get_json()["waiting"]] == [call_id]
    assert trainee.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"}).status_code == 200


def test_a_held_stream_stops_when_the_account_is_signed_out_everywhere(web_app: Flask, trainee: Any) -> None:
    """A password reset ends the trainee's open streams too: the call's words stop reaching a signed-out browser."""
    call_id = trainee.post("/console/api/scenarios/tier1-ice-checkin-es/calls").get_json()["call_id"]
    stream = trainee.get(f"/console/api/calls/{call_id}/events", environ_overrides={"wsgi.multithread": True}, buffered=False)
    chunks = iter(stream.response)
    try:
        assert next(chunks).decode().startswith("event: said")
        web_app.extensions["accounts"].set_password("tina", "a brand new password")

        assert next(chunks, None) is None  # the stream ends (it used to go on, a heartbeat every 15 s, for ten minutes)
    finally:
        stream.close()
