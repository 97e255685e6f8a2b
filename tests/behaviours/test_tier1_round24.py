"""Round 24 of issue 16 at the Tier 1 topic question: t36 and t37's misreadings, by kind.

t36 and t37 (68/80 on main, 7 confident wrong) read the caller's old lawyer as a request for legal advice, a petition
filed without premium processing as premium processing, the Mexican consulate's matrícula as a field office
appointment, premium processing's own fee as forms and fees, a wait told and asked typical as a form, a card that
never turned up while the mail went to the next town as a change of address, and a receipt that never came ("the one
for the travel permit") as a card; and left unread which form to "even" use, which way of filing costs less, what is
paid apart, "en qué va mi caso", and a little person at the biometrics counters.  Round 24 reads those by kind
(`tier1_scripts._WHICH_LAWYER_EN`, `own_words._DECLINED`, `script_reading._CONSULATE`, `topic_situations._PREMIUM_FEE`,
`_DURATION_ASKED`, `_CARD_MISSED`, `_THE_ONE`, `_FORM_ASKED`, `_PRICE_ASKED`, `_STATUS_MEANT`, `_NEED_TOLD`).  The
sentences are the round's own, never t36's or t37's words; every test fails on main.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.behaviours.tier1_scripts import refusal_in
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet
from ivr.definitions.topic_situations import fees_meant, status_meant

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_the_callers_former_lawyer_named_asks_no_legal_advice(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3 refuses legal advice, not the mention of the caller's own lawyer, old or new; a question of
    whether they qualify is still refused."""
    said = "my previous attorney filed it years ago and i want to know what's going on with my case"
    assert refusal_in(normalize(said), "en") is None
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "mi antiguo abogado metio la peticion y no se en que va mi caso"
    assert refusal_in(normalize(said), "es") is None
    said = "my old lawyer quit so should i file the asylum application myself"
    assert refusal_in(normalize(said), "en") == "legal_advice"


def test_premium_processing_said_not_taken_is_no_premium_processing(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/processing-times: how long a kind of case takes, filed without premium; premium paid stays premium."""
    said = "we filed her petition without premium processing how many weeks does that usually take"
    assert read_topic(flow, scripts, said, "en") == "processing-times"
    said = "i paid for premium processing how do i upgrade my other case too"
    assert read_topic(flow, scripts, said, "en") == "premium-processing"


def test_another_nations_consulate_is_its_errand(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """Another nation's consulate and its matrícula are no appointment of ours; our matters named beside it stay
    ours to read."""
    said = "how do i book a slot at the guatemalan consulate to renew my passport"
    assert read_topic(flow, scripts, said, "en") is None
    said = "necesito sacar la matricula consular en el consulado de honduras"
    assert read_topic(flow, scripts, said, "es") is None
    said = "i need to reschedule my biometrics appointment"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"


def test_premium_processings_own_fee_is_premium_processing(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/premium-processing: its own fee named is premium processing's, not forms and fees; a filing fee alone
    stays forms and fees."""
    said = "can i pay the premium fee with the same check as the i one twenty nine"
    assert read_topic(flow, scripts, said, "en") == "premium-processing"
    said = "how much is the filing fee for the i one thirty"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_a_wait_told_and_asked_typical_is_the_processing_times(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/processing-times: a wait told ("it's been eight months") and asked typical or normal, over the form
    its number names."""
    said = "my brother sent in the i one thirty and it's been eight months is that normal for that form"
    assert read_topic(flow, scripts, said, "en") == "processing-times"
    said = "mande la peticion de mi esposo y ya lleva un año es normal"
    assert read_topic(flow, scripts, said, "es") == "processing-times"


def test_a_card_that_never_turned_up_beside_mail_going_elsewhere_is_the_card(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/card-not-received: mail forwarded elsewhere is why, the card that never turned up the question; mail
    wanted elsewhere instead stays the change of address."""
    said = "our mail has been going to the wrong building all month and my green card never turned up"
    assert read_topic(flow, scripts, said, "en") == "card-not-received"
    said = "i want my immigration letters sent to my sister's house instead"
    assert read_topic(flow, scripts, said, "en") == "change-of-address"


def test_the_one_that_never_came_is_the_thing_named_before_it(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/notice-not-received: of receipts told and a card, "the one for ..." that never came is a receipt."""
    said = ("i filed for my green card and my work permit together and i got the receipts but the one for the work "
            "permit never came")
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_which_form_asked_with_even_is_forms_and_fees() -> None:
    """scripts/forms-and-fees: which form asked in so many words, "even" or "really" between, is the situation of forms
    and fees whatever the lines would read; a form named without the question is not."""
    said = "my daughter is turning twenty one and i'm a citizen now which form do i really use to petition her"
    assert fees_meant(normalize(said), "en", None)
    said = "i have a green card and i want to bring my wife from peru which form do i even use"
    assert fees_meant(normalize(said), "en", None)
    said = "i even used the form they sent me"
    assert not fees_meant(normalize(said), "en", None)


def test_which_way_costs_less_or_what_is_paid_apart_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: a fee of one of our matters compared or paid apart."""
    said = "es mas barato pedir la ciudadania en linea o por correo"
    assert read_topic(flow, scripts, said, "es") == "forms-and-fees"
    said = "las huellas de la residencia se pagan aparte o vienen en la cuota"
    assert read_topic(flow, scripts, said, "es") == "forms-and-fees"


def test_en_que_va_mi_caso_is_the_case_status(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """scripts/case-status: "en qué va" or "por dónde va" a case asked, after a story of what happened at the
    interview, is the status asked in so many words."""
    said = "ya fui a la entrevista de la residencia hace un mes y me pidieron un papel que ya mande quiero saber en que va mi caso"
    assert status_meant(normalize(said), "es", None)
    said = "mi hija tuvo la entrevista de la residencia y le pidieron mas papeles que ya mandamos por donde va su caso"
    assert read_topic(flow, scripts, said, "es") == "case-status"
    said = "en que va el camion a la oficina"
    assert not status_meant(normalize(said), "es", None)


def test_a_need_told_by_the_body_at_our_appointment_is_the_accommodations(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §4, scripts/accommodations: a need at the appointment told by the body ("dwarfism", "can't reach"),
    not a word the concepts name; the appointment moved stays no need."""
    said = "my son has dwarfism and can't reach the fingerprint scanner at the biometrics appointment can someone help"
    assert read_topic(flow, scripts, said, "en") == "accommodations"
    said = "my son has dwarfism can we move his biometrics appointment to another day"
    assert read_topic(flow, scripts, said, "en") != "accommodations"
