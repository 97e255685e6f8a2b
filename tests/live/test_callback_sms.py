"""The SMS confirming a call-back carries what the caller heard, in at most two segments, in both languages.

DOMAIN.md §1.3 (MED, AILA Doc 19101631 of Jan 2022 via lawandborder.com): Tier 2 call-backs are "urgent →
call-back or email from Tier 2 within **72 hours (Mon–Fri)**; regular → within **30 business days**; text/email
alert 1–2 days before; caller ID **202-838-2200** or "unknown"; call-backs **7:00 a.m.–6:30 p.m. Eastern**; a
missed first call gets a second attempt"; seed 003_29c9fde61bf22c66.txt: "Live Assistance - Tier 2 (Supervisor)".
Sent through twilio's real REST client, mocked only at its `http_client`.
"""

from __future__ import annotations

import pytest

from ivr.core.registry import Effect
from ivr.notify import MAX_SEGMENTS, SmsNotifier, messages_for, segments
from ivr.rules.directory import load_directory
from ivr.rules.service_requests import SR_TYPES
from tests.live.test_sms import CREDENTIALS, RecordingHttpClient

CALLER = "+12025550143"
OFFICER_SMS = {
    "en": "USCIS Contact Center (simulated): a USCIS officer will call you back. Service item number: 10400000. "
    "Urgent: a call or e-mail within 72 hours, Mon-Fri; others: a call within 30 business days. Calls 7 a.m.-6:30 "
    "p.m. Eastern, from 202-838-2200 or an unknown number; a missed call is tried once more.",
    # two segments in GSM-7: á, í, ó, ú (not in the GSM alphabet) written without the accent
    "es": "Centro de Contacto de USCIS (simulado): un oficial de USCIS le devolvera la llamada. Numero de servicio: "
    "10400000. Urgente: llamada o correo en 72 h, lun-vie; otros: llamada en 30 dias habiles. De 7:00 a 18:30, "
    "hora del Este, desde 202-838-2200 o un numero desconocido; una llamada perdida se repite.",
}


def _callback(tier: str, item: str = "10400000") -> Effect:
    return Effect("callback_requested", {"service_item": item, "tier": tier, "queue": "q", "number": CALLER})


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_officers_call_back_text_says_when_and_from_which_number(language):
    """DOMAIN.md §1.3 (MED): the text gives the service item number, 72 hours or 30 business days, 7-6:30 Eastern,
    caller ID 202-838-2200 or unknown, and the second attempt, as the caller heard them."""
    [sms] = messages_for([_callback("tier2")], CALLER, language)
    assert sms.body == OFFICER_SMS[language]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_supervisors_call_back_text_gives_the_same_time_frame(language):
    """Seed 003 ("Live Assistance - Tier 2 (Supervisor)"): a supervisor's call-back text names the supervisor and
    Tier 2's times and caller ID."""
    [sms] = messages_for([_callback("supervisor")], CALLER, language)
    assert ("a supervisor will call you back" if language == "en" else "un supervisor le devolvera la llamada") in sms.body
    assert "202-838-2200" in sms.body and "72 h" in sms.body and "30 " in sms.body


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_representatives_call_back_text_names_no_time(language):
    """DOMAIN.md §1.3's times are Tier 2's; no source gives Tier 1's, so the text promises none (as the call did)."""
    [sms] = messages_for([_callback("tier1")], CALLER, language)
    assert "202-838-2200" not in sms.body and "72" not in sms.body and "10400000" in sms.body


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("tier", ["tier1", "tier2", "supervisor"])
def test_every_call_back_text_is_at_most_two_segments(tier, language):
    """A confirmation is short: one or two SMS segments for every tier and language (service items are 8 digits)."""
    [sms] = messages_for([_callback(tier, "99999999")], CALLER, language)
    assert segments(sms.body) <= MAX_SEGMENTS


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_service_request_text_is_at_most_two_segments(language):
    """Every request type, sent to the office with the longest name, is confirmed in one or two segments."""
    office = max((office.name.en for office in load_directory().offices), key=len)
    for sr_type in SR_TYPES:
        effect = Effect("service_request_created", {"reference": "2611239999", "type": sr_type, "office": office})
        [sms] = messages_for([effect], CALLER, language)
        assert segments(sms.body) <= MAX_SEGMENTS, (sr_type, sms.body)


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("a" * 160, 1), ("a" * 161, 2), ("a" * 306, 2), ("a" * 307, 3),  # GSM-7: 160, then 153 a part
        ("€" * 80, 1), ("€" * 81, 2),  # the extension table takes two septets
        ("ó" * 70, 1), ("ó" * 71, 2), ("ó" * 134, 2), ("ó" * 135, 3),  # UCS-2: 70, then 67 a part
        ("ñé¿¡" * 40, 1),  # Spanish letters in the GSM alphabet keep GSM-7
    ],
)
def test_segments_are_counted_as_carriers_count_them(body, count):
    """GSM 03.38 and UCS-2 segment sizes (160/153 septets, 70/67 code units)."""
    assert segments(body) == count


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whole_tier2_call_back_is_texted_with_its_time_frame_through_the_messages_api(dial, language):
    """DOMAIN.md §1.3 (MED): a caller put in Tier 2's call-back queue gets, by SMS, the time frame and the
    caller ID they heard, through twilio's REST client (only its http_client is a stand-in)."""
    live = dial(language, TIER_ROUTING={"tier2": {"kind": "callback", "target": "tier2-callbacks"}})
    http = RecordingHttpClient()
    live.call.client.application.extensions["ivr"].calls.notifier = SmsNotifier.from_config(CREDENTIALS, http_client=http)
    live.press("0")
    live.say("what are the details of my case" if language == "en" else "cuáles son los detalles de mi caso")
    turn = live.press("1")
    assert "2 0 2, 8 3 8, 2 2 0 0" in turn.text
    [request] = http.requests
    assert request["data"]["To"] == CALLER
    assert request["data"]["Body"] == OFFICER_SMS[language]
