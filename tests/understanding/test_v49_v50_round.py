"""The v49-v50 round's mechanisms, on family sentences written for them (never the holdouts' own sentences).

Issue 16: "A matcher that generalises" over callers' own words, in both languages.  The spent holdouts v49-v50 missed
an I-94 marked D/S, lips read at an interview, an immigration judge's administrative closure, an ICE check-in after a
green card, the National Visa Center's rejected tax transcripts and a flight attendant's "bio metrics" date:
docs/understanding-log.md, "The v49-v50 round".
"""

from __future__ import annotations

import pytest

from ivr.core.concepts import about_ours, reading
from ivr.core.understanding import _understanding


def _route(model, text: str, language: str = "en", state: str = "main_menu") -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


@pytest.mark.parametrize(("text", "language"), [
    ("my i94 has the wrong date on it can i get it fixed", "en"),
    ("the i ninety four they gave me at the airport has my name spelled wrong who corrects it", "en"),
    ("mi i94 tiene un error en la fecha quién lo corrige", "es"),
])
def test_an_error_on_the_i94_is_cbps(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """CBP's arrival record (the I-94) named with an error is CBP's, other agencies, whatever looks wrong on it: no
    typographic error of ours (`concepts._FIX_ERROR`)."""
    assert "#fix_error" not in reading(text, language)[0]
    assert _route(model, text, language) == ("route", "7")


@pytest.mark.parametrize(("text", "language"), [
    ("my green card has the wrong date of birth can i get it fixed", "en"),
    ("mi green card tiene mal la fecha de nacimiento cómo la corrijo", "es"),
])
def test_an_error_on_our_card_stays_a_typo(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: an error on a card of ours is still a typographic error, a service request."""
    assert "#fix_error" in reading(text, language)[0]
    assert _route(model, text, language) == ("route", "4")


def test_an_error_beside_a_uscis_form_keeps_its_fix() -> None:
    """Guard: with a USCIS form said (the I-102, a replacement arrival record) the error is not only CBP's."""
    assert "#fix_error" in reading("i filed an i one oh two to fix the wrong date on my i ninety four", "en")[0]


@pytest.mark.parametrize(("text", "language"), [
    ("i read lips so i need the officer to look at me during my interview", "en"),
    ("tengo pérdida auditiva y leo los labios, puede el oficial mirarme de frente en la entrevista", "es"),
    ("mi papá lee los labios y necesita que el oficial lo mire de frente en la entrevista", "es"),
])
def test_lips_read_at_the_interview_are_an_accommodation(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Reading lips, the officer facing the caller, are a need (`NEED`) like a wheelchair: an accommodation at the
    interview, service requests, not the field office."""
    assert "#accommodation" in reading(text, language)[0]
    assert _route(model, text, language) == ("route", "4")


@pytest.mark.parametrize(("text", "language", "choice"), [
    ("i have hearing loss is there a tty number", "en", "5"),
    ("tengo pérdida auditiva y no oigo bien por teléfono", "es", "5"),
])
def test_a_hearing_loss_on_the_phone_stays_the_accessible_line(model, text: str, language: str, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: a hearing loss said of the call is the TTY line's (`#deaf`), no appointment's need."""
    assert "#accommodation" not in reading(text, language)[0]
    assert _route(model, text, language) == ("route", choice)


@pytest.mark.parametrize(("text", "language", "word"), [
    ("my lawyer told me the immigration judge closed my case administratively does that make me legal", "en", "case"),
    ("el juez de inmigración cerró mi caso y no sé si ya estoy legal", "es", "cas"),
])
def test_a_case_beside_an_immigration_judge_is_the_courts(text: str, language: str, word: str) -> None:
    """The case an immigration judge closed is the court's (EOIR, another agency), no USCIS case: its word says
    nothing as a word (`concepts._COURT_CASE`)."""
    assert word in reading(text, language)[1]


def test_a_case_beside_a_judge_and_a_card_stays_ours() -> None:
    """Guard: with a card named, the case is ours ("the judge granted my case, where is my green card")."""
    assert "case" not in reading("the judge granted my case where is my green card", "en")[1]


@pytest.mark.parametrize(("text", "language"), [
    ("my lawyer told me the immigration judge closed my case administratively does that make me legal", "en"),
    ("el juez de inmigración cerró mi caso y no sé si ya estoy legal", "es"),
])
def test_an_immigration_judges_closure_routes_to_other_agencies(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """The immigration court's case is another agency's."""
    assert _route(model, text, language) == ("route", "7")


def _settled(model, text: str, language: str = "en", factor: float = 0.8):  # type: ignore[no-untyped-def]
    """What the examples' classifier makes of the keywords asking between other agencies and case status, with the
    recogniser's confidence `factor` (0.8: below `LEARNT_SETTLES` whatever the examples' probability)."""
    understanding = model("main_menu", language)
    named, unsaid = reading(text, language, understanding.places)
    words = understanding.scores(text, unsaid)[1]
    asked = _understanding("ask", None, 0.6, (("7", 0.6), ("1", 0.5)), words)
    return understanding._by_examples(asked, factor, frozenset(), named, text)


@pytest.mark.parametrize(("text", "language"), [
    ("now that i have my residency do i still have to do my ice check ins", "en"),
    ("ya tengo la residencia pero ice todavía me pide que me reporte cada mes sigo yendo", "es"),
])
def test_an_agency_named_settles_a_question_toward_its_line(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """An ICE check-in after a card granted: when the keywords ask between other agencies and another choice and the
    examples lean to the line of the agency named (`AGENCIES`), below `LEARNT_SETTLES`, with no status asked, that
    line settles the question; the card is context."""
    settled = _settled(model, text, language)
    assert settled is not None and (settled.outcome, settled.choice) == ("route", "7")


def test_a_status_asked_beside_an_agency_stays_asked(model) -> None:  # type: ignore[no-untyped-def]
    """Guard: with a status asked ("did his green card get approved") the agency named does not settle the question."""
    settled = _settled(model, "ice detained my husband did his green card get approved")
    assert settled is None or settled.outcome == "ask"


@pytest.mark.parametrize(("text", "language"), [
    ("the national visa center rejected my bank statements for the affidavit who do i call", "en"),
    ("the consulate keeps asking for my tax returns for my husband's visa who do i talk to", "en"),
    ("el centro nacional de visas rechazó mis declaraciones de impuestos con quién hablo", "es"),
])
def test_another_business_beside_an_agency_is_the_agencys_business(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A word of another business (a bank, taxes) said with an agency named (the State Department's National Visa
    Center, a consulate) is the agency's business: the examples' other agencies route."""
    assert _route(model, text, language) == ("route", "7")


@pytest.mark.parametrize(("text", "language"), [
    ("did my tax refund get approved", "en"),
    ("what time does the bank close", "en"),
    ("el banco rechazó mi tarjeta", "es"),
    ("se me perdió la maleta en el aeropuerto", "es"),
])
def test_another_business_alone_stays_out_of_scope(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: another business with no agency named (the airport is no agency here: a suitcase lost there is the
    airline's) is not routed."""
    assert _route(model, text, language)[0] == "not_understood"


@pytest.mark.parametrize(("text", "language"), [
    ("i work for an airline and i'm flying the day of my bio metrics can i get another date", "en"),
    ("i'm a bus driver and my route changed so the day of my finger prints won't work can i move it", "en"),
    ("soy azafata y tengo vuelo el día de mis bio métricos puedo cambiar la fecha", "es"),
])
def test_our_biometrics_split_by_the_recogniser_are_ours(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """"my bio metrics", "my finger prints", "mis bio métricos" (the recogniser's splits) are the caller's own
    biometrics (`concepts.about_ours`): the job's airline or route is context, the biometrics branch routes."""
    assert about_ours(text, language)
    assert _route(model, text, language) == ("route", "2")


@pytest.mark.parametrize(("text", "language"), [
    ("does the bank take fingerprints for a loan", "en"),
    ("qué día toma huellas el banco para un préstamo", "es"),
])
def test_fingerprints_at_another_business_stay_out_of_scope(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: fingerprints taken by a bank are not ours."""
    assert _route(model, text, language)[0] == "not_understood"
