"""Round 20 of issue 16 at the Tier 1 topic question: t22-t29's confident wrong readings, by kind.

t22 to t29 (284/320 on main, 18 confident wrong) read a U.S. passport's renewal as a court hearing, tickets for a
fair as a move, a form and fee asked for a relative abroad and a hurry or a wait told around a hospital or a
consulate abroad as calls from abroad, a field office's letter to come in as a notice not received, a need at an
interview as a card, a receipt that never came as the card, mail forwarding that brought all but the card and a case
to get moving as a move, a move out on the day of the biometrics as a move, a case "still active" as the military
line, and the caller's own lawyer told of again as legal advice asked; and left a fee or a decision asked in so many
words unread.  Round 20 reads those by kind (`script_reading._OTHER_AGENCY_DOCUMENT`, `_ERRAND_ELSEWHERE`,
`_THEIRS_ABROAD`; `topic_situations.need_at_appointment`, `at_field_office`, `notice_came`, `_NOTICE_MISSED`,
`_CARD_MISSED`, `_STATUS_MEANT`, `_FORM_ASKED`, `_HURRY_ASKED`, `_TRAVEL_DOCUMENT`, `_ON_THE_DAY`, `_MOVE_WORDS`;
`tier1_scripts._THE_LAWYER`).  The sentences are the round's own, never t22-t29's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_a_us_passport_is_the_state_departments(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """Seed 001 redirects other agencies' inquiries: a U.S. passport is the State Department's, whose fee or renewal no
    script of ours answers (scripts/forms-and-fees is USCIS's forms and fees)."""
    assert read_topic(flow, scripts, "how much does it cost to renew a u s passport for my son", "en") is None
    assert read_topic(flow, scripts, "cuánto cuesta sacar el pasaporte americano para mi hija", "es") is None


def test_tickets_for_an_event_are_another_business(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """Seed 003: Tier 1 reads only USCIS's scripts; tickets for a fair are another business's errand, no move of a
    home to another state (scripts/change-of-address)."""
    said = "hey so how would i get tickets for the state fair next weekend for the whole family"
    assert read_topic(flow, scripts, said, "en") is None


def test_a_form_and_fee_asked_for_a_relative_abroad_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/outside-us is for callers who live outside the United States; a relative's country said with them
    ("my fiance in vietnam") is theirs, and which form and what fee is scripts/forms-and-fees."""
    said = "i'd like to bring my fiance in vietnam over here which form is that and what's the fee"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_a_hurry_asked_of_a_travel_document_around_a_clinic_abroad_is_the_expedite(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: an expedite request for any benefit, advance parole among them (scripts/expedite); a clinic abroad
    is where a treatment is, not where the caller lives (scripts/outside-us)."""
    said = "my father is getting treatment at a clinic in lima and my advance parole is still pending can you hurry it"
    assert read_topic(flow, scripts, said, "en") == "expedite"


def test_getting_a_case_moving_is_a_hurry_not_a_move(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """DOMAIN.md §5: an expedite request (scripts/expedite); "get it moving" moves no home (scripts/change-of-address)."""
    said = ("the lady at the shelter says i need a job soon and my work permit's been pending forever "
            "can you get it moving")
    assert read_topic(flow, scripts, said, "en") == "expedite"


def test_a_field_office_letter_to_come_in_whose_date_must_move_is_the_field_office_appointment(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §4: a field office appointment (scripts/field-office-appointment); the letter that set it came, so no
    notice is missing (scripts/notice-not-received), and no biometrics is named."""
    said = "the field office sent me a letter to come in but that's the week of my surgery can i switch it"
    assert read_topic(flow, scripts, said, "en") == "field-office-appointment"


def test_a_letter_the_caller_reads_from_is_no_notice_missing(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the notice-not-received request is for a notice that never came; a letter whose words the caller
    reads, or one mailed to tell them to come in, came (scripts/notice-not-received is not read)."""
    said = "la carta de la cita de huellas dice que la traiga pero se me mojó y ya no se lee la llevo así"
    assert read_topic(flow, scripts, said, "es") != "notice-not-received"
    said = "uscis mailed me a letter telling me to come in for my interview but that's my wedding week can i switch it"
    assert read_topic(flow, scripts, said, "en") != "notice-not-received"


def test_a_receipt_that_never_came_after_a_renewal_is_the_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: a notice not received (scripts/notice-not-received); "nunca me llegó el recibo" is the receipt
    notice, whatever renewal it was for."""
    said = "pagué la renovación de la residencia en marzo y nunca me llegó el recibo de ustedes"
    assert read_topic(flow, scripts, said, "es") == "notice-not-received"


def test_mail_forwarding_that_brought_all_but_the_card_is_the_card_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: a card not received (scripts/card-not-received); the move told is its context, the forwarding
    already set up (scripts/change-of-address is not read)."""
    said = ("i had my mail forwarded after the move and everything else showed up except my new work permit "
            "which you mailed last month")
    assert read_topic(flow, scripts, said, "en") == "card-not-received"


def test_a_need_at_a_green_card_interview_is_the_accommodations(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §4: disability accommodations at an appointment (scripts/accommodations); the green card named is the
    interview's kind, no card missing."""
    said = "my husband has down syndrome and his green card interview is next week can i sit with him to help him understand"
    assert read_topic(flow, scripts, said, "en") == "accommodations"
    said = "my daughter needs her feeding tube every two hours is there a private room at her green card interview"
    assert read_topic(flow, scripts, said, "en") == "accommodations"


def test_an_appointment_set_on_the_day_of_a_move_out_is_its_rescheduling(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 000: a biometrics appointment rescheduled (scripts/biometrics-reschedule); the move out is why its day does
    not suit, no change of address."""
    said = "so my biometrics are set on the same day we're moving out of our apartment can i come in a different day"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"


def test_a_petition_still_active_or_closed_asks_its_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3: Tier 1 reads the case status (scripts/case-status); "still active" is the case's, no active
    duty (scripts/military-help-line)."""
    said = "my uncle filed for me years ago and i just want to know is it still active or did it get closed"
    assert read_topic(flow, scripts, said, "en") == "case-status"


def test_a_move_said_in_the_infinitive_is_the_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: a change of address (scripts/change-of-address); "nos tuvimos que mudar" is a move, and the
    pending case beside it its context."""
    said = ("se nos quemó la casa y nos tuvimos que mudar con mi suegra y mi solicitud sigue en trámite "
            "a dónde mando la dirección nueva")
    assert read_topic(flow, scripts, said, "es") == "change-of-address"


def test_the_callers_lawyer_told_of_again_asks_no_legal_advice(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3 refuses legal advice, not a lawyer told of: "el abogado" after "mi abogado" is the same one, and
    the card that never came is read (scripts/card-not-received)."""
    from ivr.behaviours.tier1_scripts import refusal_in
    from ivr.core.matching import normalize

    said = "mi green card la mandaron a la oficina de mi abogado y el abogado se jubiló y la tarjeta nunca me llegó"
    assert refusal_in(normalize(said), "es") is None
    assert read_topic(flow, scripts, said, "es") == "card-not-received"


def test_a_fee_asked_in_so_many_words_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3: Tier 1 answers general questions, a form's fee among them (scripts/forms-and-fees); "what's the
    fee to replace" asks the fee, not how long a replacement takes (scripts/processing-times)."""
    said = "hey what's the fee to replace a green card that went through the wash"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_whether_an_application_has_been_decided_asks_its_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3: Tier 1 reads the case status (scripts/case-status); "whether my son's application's been
    decided" asks it, the applicant's age told beside it."""
    said = "calling to find out whether my son's citizenship application's been decided he's eighteen now and applied in the fall"
    assert read_topic(flow, scripts, said, "en") == "case-status"
