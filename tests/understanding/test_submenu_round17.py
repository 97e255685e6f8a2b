"""Round 17 of the submenus (s22 and s23 as the development set): the eleven confident wrong routes the pair read at
the freeze, each a family of callers' sentences: a cancel taken back (a rule, `appointment_moves.cancel_taken_back`),
and the others taught by the flow's examples (note "submenus (round 17, session 22)"): the A-number kept written down
while the letters are gone, an appointment scrapped for a wrong filing, what the visits are for and how their dates
are given, an old green card handed in, an I-94 approved but never mailed, a business closing without the permit, the
big menu where everything starts, volunteering as an interpreter, an employer reported for wages; then one kind of
the not understood, back to where one started in Spanish (`menu_globals._START`).  Each case is one
of s22's or s23's own sentences (docs/understanding-log.md, "Round 17 of the submenus"), with a guard sentence beside
it where a rule or the examples could reach too far; each test fails on the code before the round.
"""

from __future__ import annotations


def _routed(model, state: str, language: str, text: str) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


def test_the_a_number_kept_written_down_is_the_a_number(model) -> None:  # type: ignore[no-untyped-def]
    """The letters kept by a former lawyer but the A-number noted on the phone: verify.no_receipt's 2 (the A-number),
    not 1 (giving the receipt number). Guard: a receipt number at hand stays 1."""
    assert _routed(model, "verify.no_receipt", "es",
                   "el abogado anterior se quedo con las cartas pero tengo mi numero a anotado en el celular") == (
        "route", "2")
    assert _routed(model, "verify.no_receipt", "es", "ya tengo el numero de recibo aqui") == ("route", "1")


def test_an_appointment_scrapped_for_a_wrong_filing_is_a_cancel(model) -> None:  # type: ignore[no-untyped-def]
    """A lawyer's word to scrap the biometrics appointment: biometrics.menu's 4 (cancelling), not 2 (hearing it
    again). Guard: the appointment read again stays 2."""
    assert _routed(model, "biometrics.menu", "en",
                   "turns out i filed the wrong form entirely so my lawyer says to scrap this appointment") == (
        "route", "4")
    assert _routed(model, "biometrics.menu", "en", "can you read me the appointment details again") == ("route", "2")


def test_what_the_visits_are_for_and_how_dates_are_given_is_how_appointments_work(  # type: ignore[no-untyped-def]
        model) -> None:
    """What an in-person appointment is for, a wait list or the first open date: field_office.menu's 1 (how
    appointments work), not 2 (requesting one) nor the hours by "open". Guard: the office's opening time stays the
    hours."""
    assert _routed(model, "field_office.menu", "en",
                   "what kinds of things do you even need an in person appointment for") == ("route", "1")
    assert _routed(model, "field_office.menu", "en",
                   "is there a wait list for these or do they give you the first open date") == ("route", "1")
    assert _routed(model, "field_office.menu", "en", "what time do you open in the morning") == ("route", "hours")


def test_an_old_green_card_handed_in_is_another_reason(model) -> None:  # type: ignore[no-untyped-def]
    """An old green card to turn in, "not on that list": field_office.reasons' 4 (another reason), not 1 (a stamp as
    evidence of residence). Guard: the stamp as proof of residence stays 1."""
    assert _routed(model, "field_office.reasons", "en",
                   "it's not on that list i need to turn in my old green card") == ("route", "4")
    assert _routed(model, "field_office.reasons", "en",
                   "i need a stamp in my passport as proof of my residence") == ("route", "1")


def test_an_i94_approved_but_never_mailed_is_another_document(model) -> None:  # type: ignore[no-untyped-def]
    """The replacement I-94 approved and never mailed: service_requests.types' 4 (another document), not 3 (a card).
    Guard: a green card never received stays 3."""
    assert _routed(model, "service_requests.types", "en",
                   "the replacement i ninety four you approved for me never got mailed") == ("route", "4")
    assert _routed(model, "service_requests.types", "en", "my green card never came in the mail") == ("route", "3")


def test_a_business_closing_without_the_permit_is_an_expedite(model) -> None:  # type: ignore[no-untyped-def]
    """"Mi negocio va a cerrar" without the permit, asked to be moved ahead: service_requests.types' 8 (expedite),
    not the hours by "cerrar". Guard: when the line closes stays the hours."""
    assert _routed(model, "service_requests.types", "es",
                   "mi negocio va a cerrar si no me dan el permiso pronto hay forma de que lo adelanten") == (
        "route", "8")
    assert _routed(model, "service_requests.types", "es", "a que hora cierran hoy") == ("route", "hours")


def test_the_big_menu_where_everything_starts_is_the_main_menu(model) -> None:  # type: ignore[no-untyped-def]
    """"El menú grande donde empieza todo": service_requests.after's 9 (the main menu), not the menu before. Guard:
    the menu before stays previous."""
    assert _routed(model, "service_requests.after", "es", "mandeme al menu grande donde empieza todo") == (
        "route", "9")
    assert _routed(model, "service_requests.after", "es", "regreseme al menu anterior") == ("route", "previous")


def test_a_cancel_taken_back_is_no_cancel(model) -> None:  # type: ignore[no-untyped-def]
    """A cancel taken back (`appointment_moves.cancel_taken_back`, a word-set test first): at a menu that cancels, not
    that option, so another office visit wanted is field_office.appointment_menu's 2, not 1 (cancelling). Guards: a
    cancel said stays 1, a booking made by mistake among them."""
    assert _routed(model, "field_office.appointment_menu", "en",
                   "i changed my mind about cancelling i'd rather set up another office visit") == ("route", "2")
    assert _routed(model, "field_office.appointment_menu", "en", "i want to cancel this appointment") == (
        "route", "1")
    assert _routed(model, "field_office.appointment_menu", "en", "cancel that one please i booked it by mistake") == (
        "route", "1")


def test_volunteering_as_an_interpreter_is_no_line_offered(model) -> None:  # type: ignore[no-untyped-def]
    """A line for volunteering as an interpreter: none of special_lines.menu's lines, not 1 (the TDD line). Guard:
    a deaf caller's TDD line stays 1."""
    assert _routed(model, "special_lines.menu", "en",
                   "do you have a line for people who want to volunteer as interpreters")[1] is None
    assert _routed(model, "special_lines.menu", "en", "i'm deaf and i need the tdd line") == ("route", "1")


def test_an_employer_reported_for_wages_is_no_agency_offered(model) -> None:  # type: ignore[no-untyped-def]
    """An employer reported for overtime not paid: none of other_agencies.menu's agencies, not 1 (ICE check-ins) by
    "report". Guard: reporting to ICE for a check-in stays 1."""
    assert _routed(model, "other_agencies.menu", "en", "i want to report my employer for not paying me overtime")[
        1] is None
    assert _routed(model, "other_agencies.menu", "en", "i have to report to ice for my check in") == ("route", "1")


def test_back_to_where_one_started_or_the_options_of_the_start_is_the_main_menu(  # type: ignore[no-untyped-def]
        model) -> None:
    """Issue 16's start global in Spanish (`menu_globals._START`): back to where the caller started, the options of
    the start: the menus' 9 (the main menu), not nothing understood. Guard: the menu before stays previous."""
    assert _routed(model, "case_status.menu", "es", "ya con eso pero quiero ver las otras opciones del inicio") == (
        "route", "9")
    assert _routed(model, "field_office.appointment_menu", "es",
                   "mejor regreseme hasta donde empece con todas las opciones") == ("route", "9")
    assert _routed(model, "case_status.menu", "es", "regreseme al menu anterior") == ("route", "previous")
