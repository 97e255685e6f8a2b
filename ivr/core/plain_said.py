"""What the caller said, as the submenus' own rules read it: lower case, one space between words, a curly apostrophe
straight, accents dropped ("Cancélela" → "cancelela").

`ivr.core.menu_globals`, `ivr.core.appointment_moves` and `ivr.core.not_ours` match their patterns on this form, so
that a pattern written without accents reads Spanish said with them.  It is lighter than `ivr.core.wording.plain`
(which casefolds for the stemmers and keeps spacing as said): these modules import nothing heavy.  Kept per sentence:
a submenu's step reads some ten rules of one sentence.
"""

from __future__ import annotations

import unicodedata

from ivr.core.per_sentence import per_sentence


@per_sentence()
def plain_said(text: str) -> str:
    """`text` lower-cased, its words one space apart, ’ as ', accents dropped."""
    plain = " ".join(text.lower().replace("’", "'").split())
    if plain.isascii():
        return plain
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
