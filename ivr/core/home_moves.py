"""A home moved or mail wanted at another place, said in so many words: one rule for every reader.

The concepts read a move from its verbs (`#address`: "i moved", "we are relocating"); callers also say it without
them: "we closed on a townhouse", "i'm no longer at the apartment", "i want my immigration letters going to a p o box",
"compramos casa y ya no vivimos donde dice", "ahora vivo con mi prima ... las cartas me las tienen que mandar allá".
`home_moved` reads those, for the Tier 1 topic question (`ivr.definitions.topic_situations.moved_home`: the change of
address script) and the self-service submenus (`ivr.core.understanding`: the option taught for a change of address).
Issue 16, rounds 12 (Tier 1) and the s12/s13 round (submenus).  Pure computation; no I/O.
"""

from __future__ import annotations

import re

from ivr.core.plain_said import plain_said

__all__ = ["home_moved"]

_HOME_MOVED = {
    "en": re.compile(
        r"\b(?:closed on|bought|moved into|moving into) (?:a|the|our|my) (?:new )?(?:house|home|townhouse|condo)\b"
        r"|\bno longer (?:at|living at|live at|living in|live in) (?:the|my|our) (?:old )?(?:apartment|house|place)\b"
        r"|\bout of (?:the|my|our) old (?:apartment|house|place)\b"
        r"|\b(?:mail|letters?|correspondence|paperwork)(?: \w+){0,2}? (?:sent|going|to go|come|coming|delivered|"
        r"forwarded) (?:to|here|there|at)\b"
    ),
    "es": re.compile(
        r"\b(?:compramos|compre|compro) (?:una )?casa\b|\bya no (?:vivimos|vivo|vive|viven) (?:ahi|alli|donde|en)\b"
        r"|\bme (?:regrese|fui|cambie) a vivir\b|\bahora (?:vivo|vivimos) (?:con|en)\b"
        r"|\bahora (?:rento|rentamos|alquilo|alquilamos) (?:un|una|en|con)\b"
        r"|\bactualic\w* (?:donde (?:vivo|vivimos)|mi domicilio|el domicilio)\b"
        r"|\b(?:correo|cartas?|correspondencia)(?: \w+){0,3}? (?:me |nos )?(?:llegue|lleguen|manden|envien) "
        r"(?:a|aqui|alla|aca)\b"
        r"|\b(?:correo|cartas?|correspondencia)(?: \w+){0,4}? (?:mandar|enviar|mandarme|enviarme) (?:a|aqui|alla|aca)\b"
    ),
}
"""A home moved or mail wanted at another place, in words the concepts do not read as a move (`#address`): "we closed
on a townhouse", "i'm no longer at the apartment", "i want my immigration letters going to a p o box", "compramos casa
y ya no vivimos donde dice", "que mi correo de inmigración llegue a la casa de mi tía" (issue 16, round 12); "ahora
rento un cuarto en otra ciudad", "que me actualicen donde vivo" (the submenus' round 16).  Read
as words are said (`plain_said`: lower case, no accents)."""


def home_moved(said: str, language: str) -> bool:
    """Whether `said` moves a home or wants mail at another place in so many words (`_HOME_MOVED`)."""
    pattern = _HOME_MOVED.get(language)
    return pattern is not None and pattern.search(plain_said(said)) is not None
