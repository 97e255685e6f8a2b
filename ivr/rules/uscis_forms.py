"""USCIS forms a caller may name by number, and which Tier 1 script a question about one belongs to.

Owns two tables (data, not code paths):

* `FORMS`: the USCIS forms a caller may name at the Tier 1 topic question, by the token
  `ivr.core.wording.tokens` joins them to ("n600" for "N-600", "n six hundred", "ene seiscientos"), with the
  form's title (uscis.gov/forms).  A number a recogniser writes as words is joined before this table is read
  (`ivr.definitions.script_reading.spoken_forms`).
* `QUESTION_KINDS`: per language, what a question about a form asks, by its verb, and the script that answers it
  (issue 16, round 6): a status or stage asked -> `case-status`; how long -> `processing-times`; a cost, which form,
  or how to pay -> `forms-and-fees`.

`form_question` reads one utterance: the script its question about a named form belongs to, or None when no form
of the table is named, or the question asks none or several of the kinds ("how much and how long for the I-765":
Tier 1 does not guess).  Pure computation; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = ["FORMS", "QUESTION_KINDS", "form_question", "forms_in"]

FORMS: Mapping[str, str] = MappingProxyType({
    "ar11": "Alien's Change of Address Card",
    "g28": "Notice of Entry of Appearance as Attorney or Accredited Representative",
    "g639": "Freedom of Information/Privacy Act Request",
    "g1145": "E-Notification of Application/Petition Acceptance",
    "g1450": "Authorization for Credit Card Transactions",
    "g1650": "Authorization for ACH Transactions",
    "i90": "Application to Replace Permanent Resident Card",
    "i102": "Application for Replacement/Initial Nonimmigrant Arrival-Departure Document",
    "i129": "Petition for a Nonimmigrant Worker",
    "i129f": "Petition for Alien Fiance(e)",
    "i130": "Petition for Alien Relative",
    "i131": "Application for Travel Document",
    "i134": "Declaration of Financial Support",
    "i140": "Immigrant Petition for Alien Workers",
    "i191": "Application for Relief Under Former Section 212(c)",
    "i192": "Application for Advance Permission to Enter as a Nonimmigrant",
    "i212": "Application for Permission to Reapply for Admission",
    "i290b": "Notice of Appeal or Motion",
    "i360": "Petition for Amerasian, Widow(er), or Special Immigrant",
    "i407": "Record of Abandonment of Lawful Permanent Resident Status",
    "i485": "Application to Register Permanent Residence or Adjust Status",
    "i526": "Immigrant Petition by Standalone Investor",
    "i539": "Application to Extend/Change Nonimmigrant Status",
    "i589": "Application for Asylum and for Withholding of Removal",
    "i600": "Petition to Classify Orphan as an Immediate Relative",
    "i601": "Application for Waiver of Grounds of Inadmissibility",
    "i601a": "Application for Provisional Unlawful Presence Waiver",
    "i730": "Refugee/Asylee Relative Petition",
    "i751": "Petition to Remove Conditions on Residence",
    "i765": "Application for Employment Authorization",
    "i800": "Petition to Classify Convention Adoptee as an Immediate Relative",
    "i817": "Application for Family Unity Benefits",
    "i821": "Application for Temporary Protected Status",
    "i821d": "Consideration of Deferred Action for Childhood Arrivals",
    "i829": "Petition by Investor to Remove Conditions on Permanent Resident Status",
    "i864": "Affidavit of Support",
    "i907": "Request for Premium Processing Service",
    "i912": "Request for Fee Waiver",
    "i918": "Petition for U Nonimmigrant Status",
    "i942": "Request for Reduced Fee",
    "n336": "Request for a Hearing on a Decision in Naturalization Proceedings",
    "n400": "Application for Naturalization",
    "n470": "Application to Preserve Residence for Naturalization Purposes",
    "n565": "Application for Replacement Naturalization/Citizenship Document",
    "n600": "Application for Certificate of Citizenship",
    "n600k": "Application for Citizenship and Issuance of Certificate Under Section 322",
})
"""USCIS forms by number, as `ivr.core.wording.tokens` joins them, with their titles."""

QUESTION_KINDS: Mapping[str, tuple[tuple[str, re.Pattern[str]], ...]] = MappingProxyType({
    "en": (
        ("processing-times", re.compile(
            r"\bhow (?:long|much longer)\b|\bprocessing times?\b|\bwait(?:ing)? times?\b"
            r"|\btaking (?:so|this|that) long\b")),
        ("case-status", re.compile(
            r"\bstatus\b|\bstage\b|\bstep\b|\bapproved\b|\bapproval\b|\bpending\b|\bdenied\b|\bupdates?\b"
            r"|\bany news\b|\bwhere (?:is|s|are)\b|\bwhat s happening\b|\bwhat is happening\b|\bdecided\b"
            r"|\bwhere (?:\w+ ){1,12}?(?:is|s|are) at\b")),
        ("forms-and-fees", re.compile(
            r"\bfees?\b|\bcosts?\b|\bhow much\b(?! longer| time)|\bpay\b|\bpaying\b|\bpayment\b"
            r"|\b(?:a|the|personal|cashier s|cashiers|certified|bank|by|with) checks?\b|\bchecks? (?:or|and|payable)\b"
            r"|\bmoney order\b"
            r"|\b(?:which|what) form\b|\bwaiv(?:e|er|ed)\b|\bprice\b|\bcharge\b|\bmake (?:it|the check) out\b")),
    ),
    "es": (
        ("processing-times", re.compile(
            r"\bcuanto (?:tarda|tardan|tiempo|se tarda|demora|demoran|falta)\b"
            r"|\btiempos? de (?:proceso|procesamiento)\b")),
        ("case-status", re.compile(
            r"\bestado\b|\betapa\b|\bestatus\b|\baprobad[oa]s?\b|\baprobaron\b|\bpendiente\b|\bnegad[oa]\b"
            r"|\ben que va\b|\bcomo va\b|\bnovedad(?:es)?\b|\bque paso con\b")),
        ("forms-and-fees", re.compile(
            r"\btarifas?\b|\bcuotas?\b|\bcuesta\b|\bcuestan\b|\bcuanto (?:sale|es|cobran|vale|hay que pagar)\b"
            r"|\bpag(?:ar|o|a|ue)\b|\bcheque\b|\bgiro\b|\bmoney order\b|\bque formulario\b|\bcual formulario\b"
            r"|\bexencion\b|\ba nombre de quien\b|\bprecio\b|\bcosto\b")),
    ),
})
"""Per language, the script a question about a form belongs to, by what it asks (its verb, as
`ivr.core.matching.normalize` leaves the words: folded, no accents): a status or stage, how long, a cost or which
form or how to pay."""


def forms_in(words: Iterable[str]) -> tuple[str, ...]:
    """The forms of `FORMS` among `words` (tokens as `ivr.core.wording.tokens` joins them), in order."""
    return tuple(dict.fromkeys(word for word in words if word in FORMS))


def form_question(said: str, words: Iterable[str], language: str) -> str | None:
    """The script a question about a form of `FORMS` belongs to (`QUESTION_KINDS`): `said` the caller's normalised
    words, `words` their tokens.  None when no form of the table is among `words`, or the question asks none or
    several of the kinds ("what stage is my n six hundred in" -> case-status; "how much is the i ninety" ->
    forms-and-fees; "how much and how long for the i765" -> None)."""
    if not forms_in(words):
        return None
    kinds = {script for script, pattern in QUESTION_KINDS.get(language, ()) if pattern.search(said)}
    return next(iter(kinds)) if len(kinds) == 1 else None
