"""The softphone's page and JSON API: practice calls through the same engine as phone calls."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import yaml

DEMO_CASE = "EAC2690150101"


def _start(client, **body):
    response = client.post("/phone/api/calls", json={"language": "en", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _send(client, call_id: str, **body):
    response = client.post(f"/phone/api/calls/{call_id}/input", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_page_is_served_when_the_softphone_is_on(softphone) -> None:
    """GET /phone is the softphone page with its keypad, its script and the demo cases."""
    response = softphone.get("/phone")

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="keypad"' in page and "softphone.js" in page
    assert DEMO_CASE in page


def test_the_softphone_is_off_by_default(client) -> None:
    """Without SOFTPHONE the app serving Twilio traffic has no /phone page."""
    assert client.get("/phone").status_code == 404
    assert client.post("/phone/api/calls", json={}).status_code == 404


def test_the_static_files_are_served(softphone) -> None:
    """The page's script and style come from the app itself (no CDN)."""
    assert softphone.get("/phone/static/softphone.js").status_code == 200
    assert softphone.get("/phone/static/softphone.css").status_code == 200


def test_starting_a_call_with_a_language_lands_on_the_main_menu(softphone) -> None:
    """A call started in English has answered the language menu: the turn is the main menu."""
    started = _start(softphone)

    turn = started["turn"]
    assert started["call_id"].startswith("SP")
    assert (turn["state"], turn["tier"], turn["ended"], turn["listening"]) == ("main_menu", "ivr", False, "dtmf speech")
    assert turn["prompts"][-1]["id"] == "main_menu.prompt"
    assert turn["gather"]["num_digits"] == 1


def test_keys_speech_and_silence_go_through_the_engine(softphone) -> None:
    """Digits, phrases and silence are caller events like a phone call's."""
    call_id = _start(softphone)["call_id"]

    hours = _send(softphone, call_id, digits="8")
    said = _send(softphone, call_id, speech="our hours")
    quiet = _send(softphone, call_id, silence=True)

    assert hours["entered"][0] == "hours.info"
    assert said["entered"][0] == "hours.info"
    assert quiet["prompts"][0]["text"] == "Sorry, I didn't hear anything."


def test_each_call_runs_at_its_own_simulated_time(softphone) -> None:
    """DOMAIN.md §1.1: a call started at 9 p.m. Eastern hears that representatives are closed."""
    call_id = _start(softphone, clock="2026-11-23T21:00:00-05:00")["call_id"]

    turn = _send(softphone, call_id, digits="0")

    assert turn["at"] == "2026-11-23T21:00:00-05:00"
    assert turn["prompts"][0]["id"] == "representative.closed.prompt"
    assert turn["tier"] == "ivr"


def test_the_representative_key_reaches_tier_1_in_office_hours(softphone) -> None:
    """Seed 003_29c9fde61bf22c66.txt: at the demo instant (Monday 10 a.m.) 0 transfers to Tier 1."""
    call_id = _start(softphone)["call_id"]

    turn = _send(softphone, call_id, digits="0")

    assert turn["tier"] == "tier1"


def test_hanging_up_ends_the_call_with_a_summary_and_coverage(softphone) -> None:
    """The last turn carries the summary in plain words and the branches this call rehearsed."""
    call_id = _start(softphone)["call_id"]
    _send(softphone, call_id, digits="8")

    turn = _send(softphone, call_id, hangup=True)

    assert turn["ended"] is True
    summary = dict(turn["summary"])
    assert summary["Path"].startswith("Choosing a language › The main menu › Our hours")
    assert turn["rehearsed"] == ["language:1", "main_menu:8"]
    coverage = softphone.get("/phone/api/coverage").get_json()
    assert coverage["rehearsals"] == 1
    assert {item["id"] for item in coverage["items"] if item["done"]} == {"language:1", "main_menu:8"}


def test_an_ended_call_takes_no_more_input(softphone) -> None:
    """After hang-up, keys are refused with a message to start a new call."""
    call_id = _start(softphone)["call_id"]
    _send(softphone, call_id, digits="9")

    response = softphone.post(f"/phone/api/calls/{call_id}/input", json={"digits": "1"})

    assert response.status_code == 400
    assert "start a new one" in response.get_json()["error"]


def test_the_transcript_is_a_plain_timeline_and_a_replayable_yaml_download(softphone) -> None:
    """GET …/transcript gives the steps in plain words; ?format=yaml is the `ivr replay` file, as an attachment."""
    call_id = _start(softphone)["call_id"]
    _send(softphone, call_id, digits="9")

    data = softphone.get(f"/phone/api/calls/{call_id}/transcript").get_json()
    download = softphone.get(f"/phone/api/calls/{call_id}/transcript?format=yaml")

    assert [moment["did"] for moment in data["timeline"]] == ["Called", "Pressed 1", "Pressed 9"]
    assert data["timeline"][-1]["where"] == "Ending this call"
    assert data["timeline"][-1]["author"]["state"] == "goodbye"
    assert download.headers["Content-Disposition"] == f'attachment; filename="{call_id}.transcript.yaml"'
    assert yaml.safe_load(download.get_data(as_text=True))["steps"][-1]["state"] == "goodbye"


def test_phone_calls_transcripts_are_not_exposed(softphone, phone) -> None:
    """Only the trainee's own rehearsals' transcripts are served; a phone call's id gets 404 (as no call)."""
    call = phone()
    call.start()

    assert softphone.get(f"/phone/api/calls/{call.call_sid}/transcript").status_code == 404


def test_the_flow_diagram_has_an_element_per_state(softphone) -> None:
    """GET /phone/api/flow.svg draws the flow with `state-<name>` ids the page highlights."""
    svg = softphone.get("/phone/api/flow.svg").get_data(as_text=True)

    ids = {g.get("id") for g in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g")}
    assert {"state-main_menu", "state-language", "state-goodbye"} <= ids


def test_the_flow_is_also_served_as_mermaid_and_json(softphone) -> None:
    """The same drawing as Mermaid text and as a JSON graph."""
    assert softphone.get("/phone/api/flow.mmd").get_data(as_text=True).splitlines()[1] == "flowchart LR"
    assert softphone.get("/phone/api/flow.json").get_json()["start"] == "language"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"clock": "tomorrow"}, "not an ISO 8601 date and time"),
        ({"clock": "2026-11-23T10:00:00"}, "has no UTC offset"),
        ({"case": "ABC0000000000"}, "no case 'ABC0000000000'"),
        ({"language": "fr"}, "language 'fr'"),
        ({"date": "2026-13-40", "time": "10:00"}, "is not a date"),
        ({"date": "2026-11-23", "time": "10:00", "zone": "Mars/Olympus"}, "time zone 'Mars/Olympus'"),
    ],
    ids=["bad-clock", "clock-without-offset", "unknown-case", "unknown-language", "bad-date", "bad-zone"],
)
def test_bad_call_settings_are_refused(softphone, body: dict, message: str) -> None:
    """Settings the call cannot run with get 400 and a message the page shows."""
    response = softphone.post("/phone/api/calls", json=body)

    assert response.status_code == 400
    assert message in response.get_json()["error"]


@pytest.mark.parametrize(
    "body",
    [{"digits": "1a"}, {}, {"speech": "   "}],
    ids=["not-keys", "nothing", "blank-speech"],
)
def test_bad_input_is_refused(softphone, body: dict) -> None:
    """Input that is not keys, words, silence or hang-up gets 400."""
    call_id = _start(softphone)["call_id"]

    assert softphone.post(f"/phone/api/calls/{call_id}/input", json=body).status_code == 400


def test_an_unknown_call_is_refused(softphone) -> None:
    """Input to a call the softphone does not hold gets 404."""
    assert softphone.post("/phone/api/calls/SPnope/input", json={"digits": "1"}).status_code == 404


def test_a_case_call_uses_the_cases_phone_number(softphone, softphone_app) -> None:
    """With a demo case and no number given, the call comes from the case's phone (the caller id)."""
    call_id = _start(softphone, case=DEMO_CASE)["call_id"]

    assert softphone_app.extensions["ivr"].store.session(call_id).caller == "+18025550101"


def test_the_demo_cases_come_with_what_their_caller_knows(softphone) -> None:
    """GET /phone/api/cases lists the case data with a card: receipt and date of birth as keyed."""
    cases = {case["receipt"]: case for case in softphone.get("/phone/api/cases").get_json()}

    assert cases[DEMO_CASE]["name"] == "Rafael Ortega Lunares"
    assert any("(keyed 02281987)" in line for line in cases[DEMO_CASE]["card"])
