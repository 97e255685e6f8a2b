"""In a submenu of a line, the training examples' classifier puts a caller through to a person (a representative, a
supervisor) only when the words name someone (`concepts.names_someone`).  Seed 003_29c9fde61bf22c66.txt: customers
may request a supervisor at any time, and the supervisor is for callers who ask or whose matter calls for one; a
sentence that names no one and asks for no one ("so we can end it here") is not that request.  s21's two confident
wrong routes to the supervisor (docs/understanding-log.md, "Holdouts s20 and s21") are the cases; the main menu, where the
examples teach the matters only a representative handles ("my permanent resident card was stolen"), keeps its routes.
"""

from __future__ import annotations


PEOPLE = ("representative", "supervisor")


def test_the_examples_put_no_one_through_in_a_submenu_when_no_one_is_named(model) -> None:  # type: ignore[no-untyped-def]
    """The examples read the supervisor at 0.93 for words that name no one: now no person is chosen, and the
    classifier's guess is kept, undecided."""
    understood = model("service_requests.after", "en").understand(
        "does making one of these requests cost anything or do i get charged for it")
    assert understood.choice not in PEOPLE
    assert understood.learnt and understood.learnt[0][0] == "supervisor"


def test_a_call_ended_in_a_callers_words_is_no_person_asked(model) -> None:  # type: ignore[no-untyped-def]
    """"… so we can end it here" (the examples' supervisor at 0.91) is ending the call, biometrics.after's 2: the
    corpus's route for it, which the submenu's settled classifier learnt (session 23)."""
    understood = model("biometrics.after", "en").understand(
        "thanks i'm gonna text my lawyer the new date so we can end it here")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "settled")


def test_someone_named_in_a_submenu_is_still_put_through_by_the_examples(model) -> None:  # type: ignore[no-untyped-def]
    """Someone asked for in the caller's words ("can i ask someone live") still reaches a representative."""
    understood = model("biometrics.after", "en").understand(
        "uh can i ask someone live whether my wife is allowed to come in with me that day")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "representative", "examples")


def test_the_main_menu_keeps_the_examples_routes_to_a_representative(model) -> None:  # type: ignore[no-untyped-def]
    """At the main menu a stolen card, which only a representative handles, is taught by the examples with no one
    named: it stays the representative's."""
    understood = model("main_menu", "en").understand("my permanent resident card was stolen")
    assert (understood.outcome, understood.choice) == ("route", "representative")
