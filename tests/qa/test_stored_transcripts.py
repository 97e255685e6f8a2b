"""Personal data minimised at rest (issue 10.3), and replay on transcripts as stored (issue 11.3).

Every call here goes through the signed webhooks into a SQLite file, as a phone
call would; what the store keeps is then read back as it is: dumped table by
table (no identifier of the calls may appear), and replayed (every stored call
must replay as recorded, with no export in between).
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
CALLER = "+12025550143"
ANA = ("WAC2690250102", "04121990", "1990-04-12")  # Ana Torres, I-765, biometrics Dec 14
RAFAEL = ("EAC2690150101", "02281987", "1987-02-28")
SSN = "123-45-6789"
EMAIL = "ana.torres@example.com"


def spoken(receipt, language="en"):
    digits = {"en": "zero one two three four five six seven eight nine".split(),
              "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split()}[language]
    return " ".join(c if c.isalpha() else digits[int(c)] for c in receipt)


@pytest.fixture
def database(tmp_path):
    return f"sqlite:///{tmp_path / 'instance' / 'calls.sqlite3'}"


@pytest.fixture
def app(make_app, database):
    """The app as deployed: transcripts tokenised at rest (the default; the test settings keep identifiers)."""
    return make_app(DATABASE_URL=database, KEEP_IDENTIFIERS=False)


def call(app, sid, caller=CALLER):
    phone = PhoneCall(app, TOKEN, caller=caller, call_sid=sid)
    phone.start()
    return phone


def scripted_calls(app, reschedule=True):
    """Identifiers keyed and spoken at menus and at identity prompts, in both languages; failures; hand-offs.

    With `reschedule` the Spanish caller also books a new biometrics appointment: the case
    changes then kept are the (simulated) agency's records, like the case file, not the call's.
    """
    sids = []
    # English, keys: a failed check then the right one, case status read
    first = call(app, "CAprivacy01")
    first.press("1")
    first.say(f"my social is {SSN} and my email is {EMAIL}, my name is Ana Torres")  # said at the main menu
    first.press("1")
    for born in ("01012000", ANA[1]):
        first.press(ANA[0][3:] + "#")
        first.press("1")
        first.press(born)
    first.hang_up()
    sids.append(first.call_sid)
    # Spanish, speech: the receipt and the date of birth said, a biometrics reschedule (a confirmation number)
    second = call(app, "CAprivacy02", caller="+13105550111")
    second.press("2")
    second.say("nací el 12 de abril de 1990, mi número es dos cero dos cinco cinco cinco cero uno cuatro tres")
    second.press("2")
    second.say(spoken(ANA[0], "es"))
    second.say("sí")
    second.say("doce de abril de mil novecientos noventa")
    for key in ("1", "1", "1") if reschedule else ():
        second.press(key)
    second.hang_up()
    sids.append(second.call_sid)
    # three IVR failures, then the representative and the officer: refused (the lock)
    third = call(app, "CAprivacy03", caller="+14155550122")
    third.press("1")
    third.press("1")
    for _ in range(3):
        third.press(RAFAEL[0][3:] + "#")
        third.press("1")
        third.press("01012000")
    third.press("1")
    third.say("what are the details of my case")
    third.press("1")
    third.hang_up()
    sids.append(third.call_sid)
    # the officer verifies and reads the case and its appointments
    fourth = call(app, "CAprivacy04")
    fourth.press("1")
    fourth.press("0")
    fourth.say("what are the details of my case")
    fourth.press("1")
    fourth.press(ANA[0][3:] + "#")
    fourth.press("1")
    fourth.press(ANA[1])
    fourth.press("1")
    fourth.hang_up()
    sids.append(fourth.call_sid)
    return sids


def forms():
    """Every written form of every identifier the scripted calls used."""
    found = {SSN, "123456789", "1 2 3 4 5 6 7 8 9", EMAIL, "Torres", "Ana Torres", "A099900102", "099900102"}
    for receipt, keyed, iso in (ANA, RAFAEL):
        year, month, day = iso.split("-")
        found |= {receipt, receipt[3:], " ".join(receipt[3:]), keyed, iso, f"{month}/{day}/{year}",
                  spoken(receipt, "en"), spoken(receipt, "es")}
        found.add(" ".join(receipt[:3]) + ", " + ", ".join([" ".join(receipt[3:6]), " ".join(receipt[6:9]), " ".join(receipt[9:])]))
    found |= {"April 12, 1990", "12 de abril de 1990", "doce de abril"}
    for phone in (CALLER, "+13105550111", "+14155550122"):
        found |= {phone, phone[2:], " ".join(phone[2:]), f"{phone[2:5]}-{phone[5:8]}-{phone[8:]}"}
    found |= {"2025550143", "dos cero dos cinco cinco cinco cero uno cuatro tres"}
    return found


def test_no_table_holds_an_identifier_of_the_calls(app, database):
    """Issue 10.3: after the scripted calls, a dump of every table finds none of the identifiers used."""
    scripted_calls(app, reschedule=False)
    path = database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        dump = "\n".join(conn.iterdump())
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"calls", "transcript_entries", "identity_failures"} <= tables
    assert "CAprivacy01" in dump  # the dump holds the calls: the search below means something
    leaked = sorted(form for form in forms() if form in dump)
    assert leaked == []


def test_the_database_file_is_readable_by_its_owner_only(app, database):
    """Issue 10.3: the SQLite file is created 0600 (and its folder 0700)."""
    scripted_calls(app)
    path = database.removeprefix("sqlite:///")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700


def test_stored_transcripts_replay_as_recorded(app, runtime):
    """Issue 11.3 / 10.3: the replay suite runs on transcripts as stored, tokenised, with no export between."""
    sids = scripted_calls(app)
    store = app.extensions["ivr"].store
    replayer = Replayer()
    results = []
    for sid in sids:
        [recorded] = transcripts.from_entries(store.transcript(sid))
        results.append(replayer.replay_transcript(recorded))
    assert [result.diff for result in results if not result.passed] == []
    assert all(result.steps > 5 for result in results)


def test_a_stored_entry_keeps_what_the_step_read_not_the_whole_case(app):
    """Issue 11.3: the snapshot has the fields a step reads (no name, A-number or phone), tokenised."""
    sid = scripted_calls(app)[0]
    entries = app.extensions["ivr"].store.transcript(sid)
    snapshots = [case for entry in entries for case in (entry.get("cases") or {}).values()]
    assert snapshots
    for case in snapshots:
        assert not {"applicant_name", "a_number", "phone"} & set(case)
        assert case["receipt_number"][:5] == "WAC26" and case["receipt_number"][5:8] == "999"


def test_keep_identifiers_keeps_them_for_a_local_demo(make_app, database):
    """KEEP_IDENTIFIERS (a local demo) stores transcripts as heard, identifiers included."""
    app = make_app(DATABASE_URL=database, KEEP_IDENTIFIERS=True)
    phone = call(app, "CAdemo")
    phone.press("1")
    phone.press("1")
    phone.press(ANA[0][3:] + "#")
    entries = app.extensions["ivr"].store.transcript("CAdemo")
    assert entries[-1]["input"]["value"] == ANA[0][3:] + "#"


def test_speech_at_a_menu_is_scrubbed_before_it_is_stored(app):
    """A Social Security number, an e-mail and a name said at the main menu are not kept; the menu words are."""
    phone = call(app, "CAmenu")
    phone.press("1")
    phone.say(f"my social is {SSN}, email {EMAIL}, my name is Ana Torres, case status please")
    said = app.extensions["ivr"].store.transcript("CAmenu")[-1]["input"]["value"]
    assert said == "my social is [number], email [email], my name is [name], case status please"


ADDRESS = "my new address is 221 Maple Street apartment 4 Lincoln Nebraska 68508 email ana.torres@example.com"


def change_of_address(app, sid="CAaddress"):
    """Ana files a change of address, saying her new address (and an e-mail) in her own words."""
    phone = call(app, sid)
    phone.press("1")
    phone.press("4")
    phone.press("2")
    phone.press(ANA[0][3:] + "#")
    phone.press("1")
    phone.press(ANA[1])
    phone.press("7")
    phone.press("1")
    heard = phone.say(ADDRESS)
    filed = phone.press("1")
    phone.hang_up()
    return heard, filed


def test_a_request_said_in_the_callers_words_is_not_kept(app, database):
    """Issue 10.3: the new address a caller says (read back, and filed on the request) is not kept in the
    call's transcript; the request is filed with it, and the call goes on as before."""
    heard, filed = change_of_address(app)
    assert f"I heard {ADDRESS}." in heard.text and "Your reference number is" in filed.text
    entries = app.extensions["ivr"].store.transcript("CAaddress")
    stored = repr(entries)
    assert "[details withheld]" in stored  # the answer, its read-back and the request filed
    assert not [word for word in ("Maple", "68508", "Lincoln", "ana.torres") if word in stored]


def test_a_withheld_request_replays_as_recorded(app):
    """Issue 11.3: the call whose request was withheld replays as recorded, from the store."""
    heard, filed = change_of_address(app)
    assert "Your reference number is" in filed.text
    entries = app.extensions["ivr"].store.transcript("CAaddress")
    [created] = [effect for entry in entries for effect in entry.get("effects", ()) if effect["kind"] == "service_request_created"]
    assert created["new_address"] == "[details withheld]"
    [recorded] = transcripts.from_entries(entries)
    result = Replayer().replay_transcript(recorded)
    assert result.passed, result.diff


def test_speech_at_tier_1s_question_is_scrubbed_before_it_is_stored(app):
    """Issue 10.3: a date of birth, an e-mail and a name said in the question to Tier 1 are not kept; the
    question's words are, and the call replays as recorded."""
    phone = call(app, "CAquestion")
    phone.press("1")
    phone.press("0")
    phone.say(f"my name is Ana Torres, born 04/12/1990, email {EMAIL}, what are the details of my case")
    phone.press("1")
    phone.hang_up()
    entries = app.extensions["ivr"].store.transcript("CAquestion")
    [said] = [entry["input"]["value"] for entry in entries if entry.get("state_before") == "tier1.topic"]
    assert said == "my name is [name], born [date], email [email], what are the details of my case"
    [recorded] = transcripts.from_entries(entries)
    assert Replayer().replay_transcript(recorded).passed
