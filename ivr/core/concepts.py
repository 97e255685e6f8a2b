"""Domain concepts: the many words callers use for one thing, ~40 concepts the classifier learns like words.

Callers say the same thing in words the training examples hold once or never: a case that
was "ruled on", "went through", "came back" or "salió" was decided; a wait that is "stuck",
"forever", "nineteen months" or "se tarda tanto" is long.  After normalisation such a sentence
keeps one or two content words the classifier barely knows, and they decide nothing.  This
module gives each utterance, besides its words, the concepts it names (`#decided`,
`#waiting_long`, `#hurry`, `#office_place`, `#farewell`…): features of the naive Bayes
classifier (`ivr.core.bayes`) learnt from the examples like any word, so a phrasing seen once
in training generalises through its concept to the others.

`CONCEPTS` is hand-made data per language: concept -> phrases as a caller says them.  They are
normalised as the caller's words are (`ivr.core.wording.tokens`: synonyms, stems, numbers; stop
words kept, so "we're done" and "went through" can name a concept though "done" and "went"
carry no topic alone) and looked up as runs of tokens.  Two rules need no list: a number said
with months or years (`#months`: "nineteen months", "como veinte meses") or with weeks or days
(`#days`: "runs out in two weeks"), a country said as where one is (`@country`) is
`#abroad`, and "in the US" after a negation ("I'm not in the US") is not `#in_us`.  A farewell
carried on by "to" is none ("my notices have to go to my cousin's"), a need (`#accommodation`) leaves
out where it arises (`_WHERE_NEEDED`: "oxygen at my interview"), and a kind of case or a step of it
gives way to a status asked (`_KINDS`: "we had the interview, when will we hear"); a card lost or stolen
with nothing said of where is `#lost_card` (`LOST_CARD`: "i lost my green card" is no call from abroad), unless a
status is asked (the replacement's); a step missed or skipped (`_MISSED`) stays the topic though a decision is asked;
a website's error message is no `#fix_error`; an office said beside a school is the school's, another place
(`_SCHOOLS`: "is this the high school office"), and a concept word the recogniser split is joined (`_unsplit`: "pre
mium"); deafness with no appointment said is no need; a priority date is the
visa bulletin's (`#consulate`) unless a status of the caller's own case is asked (`_OWN_CASE`); a card or a document
approved that never arrived is no decision (`#decided` dropped beside `#not_arrived`); a year is no number of months
waited; a USCIS form said with "where" or "look up" is `#pending` (`_form_sought`), and so is "open" or "closed"
said of a case (`_CASE_NOUNS`), not `#hours`; a time of day after "after", "before", "until" or "las" is `#hours`
(`_CLOCK_CUES`: "still there after four thirty"); a family court said ("a custody case") takes its judge from
`#court` and its custody from `#ice` (`_FAMILY_COURT`); a decision or a status asked with an immigration judge or
court said is the court's, no status (`_COURT`); a hurry beside a special line asked for ("quick, is there a number
for troops") is no expedite (`_LINE_ASKED`); a form or a waiver named with a status asked is no question of general
information ("my i six twelve waiver for the two year home requirement": `_form_named`); a place that is not ours
asked open or closed ("is the community pool on main street open today", "is my kid's school closed", "a qué hora
abre la lavandería") is `#errand` and `#other_place`, another place's hours (`_another_place`), as a school's snow
day or bus route is `#other_place` (`OTHER_PLACE`: taught for no choice, so the examples route none of them).  A card expiring
beside a status asked as a question is why it is asked, no hurry (`_EXPIRY`); a trip ahead to someone abroad with a
hurry makes the place where the caller goes, and its words unsaid (`unsaid`); sign language asked on a line or a
video is the accessible line (`_SIGNING`); what fingerprints are taken with is no purchase (`_PRINT_TOOLS`).  Gladness at
what one heard inside a farewell ("that's what i needed to hear") is no court hearing (`_hearing_words` unsaid); a
Social Security number sought (`_SOUGHT`) beside our card that came is Social Security's, the card why it is sought
(`_card_words` unsaid, the card concepts dropped).  Printing beside a record of entry ("print my i ninety four")
prints the record, no fingerprints (`_printing_words` unsaid); a time of day beside an appointment ("tomorrow
morning": `_DAY_TIMES`, `_BOOKED`) is when it is set, not our hours.  A need said with "go through" ("a pacemaker,
he can't go through the metal detector": `_PASSED_THROUGH`) is a door, no decision; the hours asked beside a person
("what hours can i get a live person": `_HOURS_ASKED`) are our hours, the person's words unsaid; inside a farewell
the words of a repeat and of when one calls back ("i'll try again tomorrow") are unsaid, and a time of day is no
hours; two appointments combined in one trip (`#combined`, read only) keep the prints a status would drop.  "Premium
processing" is the service (`#premium`), a kind of case beside a status asked (`_KINDS`); a person sent back beside the
border is no mail returned (`_TURNED_BACK`); an arrival record beside a USCIS form's status is the form's (`_CBP_FORMS`);
a lottery beside an H-1B or H-2B is the cap lottery, its word unsaid (`_CAPPED`); an error beside the I-94 with no
USCIS form is CBP's, no typo (`_FIX_ERROR`); the case beside an immigration judge or court with no card is the
court's, its word unsaid (`_COURT_CASE`).  A phrase of moving said of a thing moved ("can i move it", "i move my
appointment": `_thing_moved`) is no change of address, and a break after a holiday ("spring break": `_HOLIDAYS`) no
rest asked; a need asked for (`_NEED_ASKED`: "pedí una silla de ruedas") with a decision or a wait and no case nor
card is the request's, its status words unsaid; a vet's or a pharmacy's office is another business's
(`_BUSINESS_OFFICES`); a negation of a link opening is no mail missing (`_negated`); the business where the caller
works or that they run (`at_work`) is context, read only where another business would hold a route back.  Add a
phrase when callers use it for a concept the list already has; never to fix one utterance.  Pure computation; no I/O.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from ivr.core import gazetteers, territories
from ivr.core.wording import fold, is_year, marked, tokens
from ivr.core.per_sentence import per_sentence
from ivr.core.plain_said import plain_said
from ivr.core.prefilter import Prefiltered, prefiltered

MARK: Final = "#"
"""Concept features start with it (a word never does), so the classifier does not pair them with words."""

CONCEPTS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "decided": (
            "ruled on", "rule on", "ruling on", "ruled in", "ruled that", "they ruled", "has ruled",
            "have ruled", "made a ruling", "got a ruling", "gave a ruling", "any ruling",
            "decided", "decision", "made a decision", "approved", "approval",
            "denied", "denial", "rejected", "went through", "gone through", "go through", "goes through",
            "came through", "come through", "verdict", "granted", "accepted", "outcome", "gave me an answer",
            "got an answer", "made up their minds", "signed off", "green light", "finalized", "any answer",
            "got back to me", "kicked it back", "turned down", "said yes", "said no",
            "make a call on", "made a call on", "makes a call on", "made the call on", "make the call on",
            "gave it the okay", "yes or no", "a yes or a no", "yes or a no", "the yes or the no",
        ),
        "pending": (
            "pending", "processing", "still processing", "being processed", "under review", "in review",
            "reviewing", "working on it", "movement", "progress", "any news", "any update", "update",
            "how is it going", "how is it coming", "how it is going", "how is that going", "how far along",
            "coming along",
            "what about mine", "how about mine", "and what about mine", "what about ours", "what about my case",
            "what happened with mine", "what happened to mine",
            "status", "heard anything", "not heard anything", "where my case is", "what is happening with",
            "what is going on with", "sitting there", "nothing yet", "no answer", "still alive",
            "where it stands", "where things stand", "where is it at", "any word", "heard a peep",
            "not heard", "nobody has said", "looked at it", "got looked at", "been looked at", "gets looked at",
            "looked at yet", "anyone looked at", "anybody looked at", "someone looked at", "hold up", "holdup", "moving along", "budged",
            "finish looking", "finished looking", "done looking", "finish reviewing", "finished reviewing",
            "done reviewing", "still being looked at", "get around to", "got around to", "case still open",
            "case is still open", "case open", "close my case", "closed my case", "case closed", "case is closed",
            "touched it", "touched my case", "anybody touched", "anyone touched", "somebody touched",
            "when will we hear", "when will i hear", "when will we know", "when will i know", "when do i find out",
            "when will i find out", "when will we find out",
            "working on my case", "working on our case", "working on the case", "anybody working on",
            "somebody working on", "someone working on", "anyone working on",
            "opened my file", "opened our file", "opened the file", "opened my case", "even opened", "anybody opened",
            "anyone opened", "somebody opened", "someone opened", "looked at my file", "touched my file",
            "pulled my file", "picked up my file",
            "still active", "is it active", "still open or", "get closed", "got closed",
            "closed out", "where it is at", "where they are at", "where that is at",
            "waiting to hear", "waiting to find out", "waiting for news", "pins and needles", "waiting on a decision",
            "waiting for a decision", "waiting for an answer", "waiting on an answer",
            # a case sent on to another office, how near its end it is, and what it says
            "almost done", "nearly done", "almost finished", "nearly finished", "close to done", "close to being done",
            "close to finished", "transferred my case", "transferred my file", "case was transferred",
            "case got transferred", "case has been transferred", "case transferred", "file was transferred",
            "file got transferred", "file transferred", "file got moved", "file was moved", "case was moved",
            "case got moved", "moved my case", "moved my file", "sent my case to", "sent my file to",
            "what my case says", "what does my case say", "what my status means", "what does my status mean",
        ),
        "waiting_long": (
            "stuck", "forever", "so long", "too long", "long time", "taking long", "taking so long",
            "for ages", "still waiting", "been waiting", "waiting", "delayed", "delay", "overdue", "behind",
            "same step", "nothing for months", "over a year", "more than a year", "for months", "for years",
            "months now", "years now", "sitting at",
        ),
        "published_time": (
            "outside processing time", "outside the processing time", "past the processing time",
            "processing time", "normal processing", "posted time", "posted times", "posted processing time",
            "supposed to take", "should take", "normal time frame",
            "normal time", "way past", "way outside", "longer than the website", "longer than it should",
            "processing chart", "the chart", "processing times chart", "compared to the", "past due",
            "way beyond", "beyond what", "longer than what", "more than what", "site lists", "website lists",
            "site shows", "website shows", "listed time", "listed processing", "posted online",
            "twice as long", "double the time", "double what", "three times as long", "triple the time",
            "as long as they say", "longer than they say", "longer than they said", "than they say", "than they said",
            "they say it takes", "they said it takes", "said it would take", "it says it takes", "than it says",
            "than the website says", "than the site says", "than you say", "than you said",
            "estimate", "estimated", "the estimate", "online estimate", "estimated time", "most cases",
            "cases like mine", "case like mine", "most applications", "usually done in", "are done in",
            "typically takes", "usually takes",
        ),
        "website": (
            "website says", "site says", "the website", "online it says", "the app says", "your site", "your website",
        ),
        "others_faster": (
            "everybody got", "everyone got", "everybody i know", "everyone i know", "everyone else",
            "everybody else", "other people", "others got", "got theirs", "filed after me",
            "applied after me", "after me", "my friend got", "my friends got", "same time as me",
            "people who filed",
        ),
        "hurry": (
            "expedite", "rush", "priority", "prioritize", "urgent", "emergency", "asap",
            "as soon as possible", "hurry", "speed up", "faster", "quicker", "flag", "deadline", "runs out",
            "run out", "running out", "expires", "expiring", "expire", "expiration", "about to expire",
            "lose my job", "start date", "fast track", "sped up", "move it up", "moved up", "right away",
            "fast", "quickly", "job offer", "lose my license",
            "escalate", "escalated", "escalation", "push it through", "age out", "ages out", "aging out", "aged out",
            "turns 21", "turn 21", "turning 21",
            "hardship", "financial hardship", "humanitarian", "time sensitive", "need it by", "lose my status",
            "now not in", "now not later", "need it now", "need them now", "need it sooner", "need them sooner",
            # a case moved up the line ("is there a way to move my case up"): speed asked, whatever the reason
            "move my case up", "move up my case", "move the case up", "move his case up", "move her case up",
            "move our case up", "move my application up", "bump my case up", "bump up my case", "bump it up",
            "move me up", "move us up",
            # decided before an operation the caller names (round 16)
            "before the surgery", "before his surgery", "before her surgery", "before my surgery",
            "before the operation", "before his operation", "before her operation", "before my operation",
            "transplant list",
        ),
        "not_arrived": (
            "never came", "never arrived", "never received", "never got", "did not get", "did not receive",
            "post office lost", "postal service lost", "mail carrier lost", "mailman lost",
            "have not received", "has not arrived", "not arrived", "lost in the mail", "in the mail",
            "mailbox", "returned to sender", "tracking", "usps", "wrong address", "never showed up",
            "never got here", "undeliverable", "bounced back", "sent back", "old address", "old apartment",
            "wrong apartment", "mail carrier", "mailman", "postman", "never came in the mail",
            "still have not gotten", "has not come", "tracking number", "stolen from my mailbox", "lost in the post",
            "certified mail", "certified letter", "sign for it", "sent it back", "got sent back",
            "was returned", "got returned", "returned it", "had returned",
            "post office has no", "post office can not find", "no record of delivery", "no record of delivering",
            "post office does not have", "never delivered", "not delivered", "was not delivered",
            "never been delivered", "never got delivered", "delivered to the wrong", "still no card", "no card yet",
            "still do not have my card", "still do not have the card", "card never came",
            "not shown up", "never shown up", "not showed up", "not turned up", "never turned up",
            "nothing has shown up", "nothing has come", "not come yet", "nothing ever arrived", "nothing arrived", "nothing ever came",
            "nothing came",
        ),
        "address": (
            "i moved", "we moved", "just moved", "moved out", "moved to", "new address", "address",
            "relocated", "new apartment", "different house", "new place", "changed houses",
            "letters to go to", "mail to go to", "send my mail", "send my letters", "send my notices",
            "mail sent to", "letters sent to", "in care of", "po box",
            "shelter",
            "evicted", "eviction", "moved in with",
            "notices to go to", "notices have to go to", "mail has to go to", "mail have to go to",
            "somewhere else", "different address",
            "forward my mail", "mail forwarding", "mailing address", "where i get my mail", "where i live now",
            "relocating", "relocate", "relocation", "moving to", "i am moving", "we are moving", "new street",
            "street address", "new street address", "my new street",
        ),
        "fix_error": (
            "error", "mistake", "typo", "wrong", "misspelled", "correct", "correction", "fix", "incorrect",
            "mixed up", "missing my middle name", "wrong date", "spelled wrong", "spelling", "says i am",
            # a letter of a name, not a letter in the mail (the s3 round)
            "missing a letter", "a letter missing", "letter missing", "missing one letter", "one letter missing",
            "extra letter", "an extra letter", "letter too many", "left out a letter", "left a letter out",
            "one letter wrong", "a letter wrong", "wrong letter",
            "not mine",
            "hyphen", "hyphenated", "dash in my name", "accent", "accent mark", "apostrophe", "does not match",
            "do not match", "not match", "mismatch", "left off my", "dropped my", "name got cut",
            "name is cut", "name cut off", "truncated", "spelled different", "spelled differently",
            "middle initial", "second last name", "maiden name", "wrong order",
            # someone else's number or name on one's own card
            "instead of my own", "instead of mine", "instead of me", "not my own", "rather than mine",
            "rather than my own",
            # one date printed for another
            "instead of the day", "instead of the date", "and not the day", "and not the date",
        ),
        "accommodation": (
            "wheelchair", "disability", "accommodation", "blind", "pregnant", "walker", "cane",
            "special help", "dementia", "alzheimers", "interpreter", "sign language", "asl", "extra time",
            "service dog", "medical condition", "can not walk", "can not stand", "can not sit",
            "stairs", "staircase", "arrangements", "make arrangements", "special arrangements", "special needs",
            "crutches", "elevator", "handicap", "handicapped", "mobility", "oxygen tank", "recovering from",
            "bad back", "bad knees", "can not do stairs", "limited mobility", "disabled",
            "breastfeed", "breastfeeding", "breast feed", "nursing mother", "lactation", "pump breast milk",
            "weak immune system", "immunocompromised",
            # hearing at an appointment: lips read, a face turned to the caller (a hearing loss alone is the TTY line's)
            "read lips", "reading lips", "lip read", "lip reading", "lip reader", "lipread",
            "face me", "facing me",
            "pacemaker", "pace maker", "defibrillator", "metal detector", "metal detectors", "insulin pump",
            "metal implant", "metal plate", "metal rod", "prosthetic", "prosthesis",
            "artificial leg", "artificial hip", "hip replacement", "knee replacement",
            "oxygen", "medical equipment", "medical device", "need to sit", "have to sit", "need a chair",
            "need a seat", "somewhere to sit", "place to sit", "lie down", "take breaks", "breaks", "a break",
            "take a break", "to rest", "near a bathroom", "near the bathroom", "close to a bathroom", "restroom", "inhaler", "dialysis",
            "insulin", "seizures", "nursing room", "lactation room", "room to nurse", "place to nurse", "room to pump",
            "epilepsy", "diabetic", "heart condition", "arthritis", "chronic pain", "ptsd", "panic attacks",
            "claustrophobic", "amputee", "prosthetic", "paralyzed", "scooter",
            "feeding tube", "medical supplies", "catheter", "colostomy", "memory problems", "third trimester",
            "a quiet room", "a private room", "a private space", "sign language interpreter",
            "parkinson", "parkinsons", "multiple sclerosis", "lou gehrig", "cerebral palsy", "stroke", "tremor",
            "tremors", "hands shake", "shaky hands", "low vision", "visually impaired", "legally blind", "autism",
            "autistic", "anxiety", "down syndrome", "memory loss", "broken leg", "broken hip", "in a cast",
            "help signing", "help him sign", "help her sign", "help me sign", "can not sign", "can not write",
            "can not hold a pen", "can not stand for long", "can not stand long", "can not walk far",
            "can not walk long", "someone to help him", "someone to help her", "help him at", "help her at",
            "bring someone to help", "wheelchair bound", "hard to walk", "hard to stand",
            "needs help at", "need help at", "help at her", "help at his", "help at my", "someone to sign for",
            "sign for him", "sign for her", "sign for me",
            "tourettes", "tourette", "tourette syndrome", "tics", "my tics", "stutter", "stuttering",
            "therapist", "my therapist", "support person", "emotional support",
            "service animal", "caregiver with me", "bring my caregiver", "bring my aide", "home health aide",
        ),
        "illness": ("sick", "hospital", "hospitalized", "surgery", "dying", "cancer", "very ill", "chemo"),
        "prints": (
            "fingerprints", "fingerprint", "prints", "biometrics", "biometric", "fingers", "photo", "picture",
            "signature", "asc", "application support center", "fingerprint place",
        ),
        "office_place": (
            "office", "field office", "location", "building", "downtown", "local office", "district office",
            "branch", "facility", "the place in", "federal building", "uscis office", "immigration office",
            "front desk", "reception desk", "receptionist", "security guard",
        ),
        "us_city": (
            "tampa", "houston", "miami", "chicago", "seattle", "new york", "los angeles", "dallas", "atlanta",
            "phoenix", "denver", "boston", "newark", "san francisco", "orlando", "san diego", "detroit",
            "philadelphia", "baltimore", "charlotte", "las vegas", "portland", "sacramento", "el paso",
            "san antonio", "austin", "memphis", "nashville", "minneapolis", "kansas city", "salt lake city",
            "st louis", "saint louis", "cleveland", "columbus", "indianapolis", "jacksonville", "raleigh",
            "hartford", "buffalo", "omaha", "albuquerque", "tucson", "honolulu", "anchorage", "fresno",
            "oklahoma city", "louisville", "new orleans", "pittsburgh", "milwaukee", "st paul", "spokane",
            "boise", "norfolk", "fort myers", "hialeah", "san bernardino", "santa ana", "los angeles county",
            "brooklyn", "queens", "the bronx", "long island", "fort worth", "mcallen", "harlingen",
        ),
        "interview": (
            "interview", "oath", "ceremony", "oath ceremony", "citizenship test", "civics test",
            "naturalization test",
        ),
        "in_person": (
            "in person", "face to face", "walk in", "walk-in", "see someone", "meeting", "meet with", "visit",
            "show up",
        ),
        "in_us": (
            "in the us", "in the states", "here in the us", "here in the states", "here in us", "inside the us",
            "in this country", "here in this country", "stateside",
            # the territories whose callers are inside the United States (`territories.EXCLUDED_CODES`)
            "puerto rico", "guam", "virgin islands", "us virgin islands", "american samoa", "northern mariana islands",
            "saipan",
            # a state of the union named like a country (the settled classifier reads "mexico" as a call from there)
            "new mexico",
        ),
        "abroad": (
            "abroad", "overseas", "outside the country", "outside the us", "another country", "international",
            "foreign", "out of the country", "time difference",
            "outside the states", "out of the states", "not in the country", "living outside",
            "docked in", "docked at", "on a ship", "on my ship", "from my ship", "from the ship", "on the ship",
            "at sea", "aboard", "on board", "cruise ship", "container ship", "overseas base", "off the coast",
            "in port in", "north sea", "mediterranean", "persian gulf", "satellite phone", "middle of the ocean",
            "middle of the atlantic", "middle of the pacific",
        ),
        "consulate": (
            "consulate", "embassy", "consular", "state department", "nvc", "national visa center",
            "visa interview", "ds260", "ds 260", "ds160", "ds 160", "need a passport", "get a passport",
            "apply for a passport", "passport application", "ciudad juarez", "juarez", "american passport",
            "us passport",
            "passport renewal", "renew my passport", "visa bulletin", "visa stamp",
            "stamp my visa", "visa stamping", "f1 stamp", "h1b stamp", "j1 stamp",
            "b2 stamp", "renew my visa", "renew the visa", "visa renewal", "new visa", "visa appointment",
            "diversity visa lottery", "green card lottery", "visa lottery", "dv lottery", "passport office",
            "passport agency", "passport acceptance",
        ),
        "ice": (
            "ice", "deportation", "deported", "detention", "ankle monitor", "check in officer",
            "deportation officer", "removal proceedings", "removal order", "ero", "check in with", "raid",
            "bond", "taken by", "picked up", "took my", "gps", "tracker", "my release", "supervised release",
            "order of supervision", "isap", "i sap", "processing center", "detention center", "in custody",
            "locked up", "detained",
            "illegally", "illegal immigrant", "illegal immigrants", "illegal alien", "illegal aliens",
            "undocumented worker", "undocumented workers",
        ),
        "court": (
            "court", "judge", "court hearing", "my hearing", "eoir", "immigration court", "master hearing",
            "court date",
        ),
        "border": (
            "border", "customs", "cbp", "airport", "port of entry", "i94", "global entry", "tsa", "landed",
            "arrival departure record", "arrival record", "arrival records", "entry record", "entry records",
            "record of entry", "record of my entry", "record of arrival",
            # CBP's travel history: the entries and exits it records
            "travel history", "travel record", "travel records", "entries and exits", "exits and entries",
            "entry and exit", "entry and exit records", "exit record", "exit records",
            # inspection at the border, and a traveller turned back there
            "secondary", "secondary inspection", "inspection", "border officer", "border officers",
            "customs officer", "customs officers", "turned back", "turned away", "denied entry", "refused entry",
            "not let in", "did not let me in", "did not let him in", "did not let her in", "did not let them in",
            "would not let me in", "would not let him in", "would not let her in", "sent back home",
            # CBP's trusted-traveler cards, and the proof of an entry it stamps or records
            "sentri", "sentri card", "sentri pass", "nexus card", "nexus pass", "trusted traveler",
            "trusted traveller", "proof of entry", "proof of my entry", "date of entry", "date of my entry",
            "date i entered", "date i came in", "day i entered", "day i came in", "entry stamp", "admission stamp",
        ),
        "social_security": ("social security", "ssn", "social security card", "social security office"),
        "military": (
            "military", "army", "navy", "marine", "marines", "air force", "veteran", "soldier", "deployed",
            "service member", "coast guard", "national guard", "active duty", "military base", "on base",
            "army reserve", "military reserve", "served in", "enlisted", "deployment", "my service in",
            "reservist", "reservists", "the reserves", "mobilized", "mobilizing", "mobilization", "troops",
            "service members", "servicemember", "servicemembers", "guardsman", "called up to", "getting deployed",
            "being deployed", "shipping out", "ship out",
        ),
        "deaf": (
            "deaf", "tty", "hard of hearing", "hearing impaired", "relay", "to type", "teletypewriter",
            "barely hear", "can not hear", "hearing problems", "cochlear implant", "hearing aid", "hearing aids",
            "accessible line", "accessible number", "accessibility line", "make out voices", "can not make out",
            "hear on the phone", "hear people on the phone", "understand people on the phone", "phone calls are hard",
        ),
        "adoption": ("adopt", "adoption", "orphan", "adopted", "adopting"),
        "victim": (
            "abuse", "abused", "victim", "violence", "domestic violence", "trafficking", "vawa", "u visa",
            "t visa",
        ),
        "hours": (
            "hours", "open", "close", "what time", "opening hours", "weekend", "saturday", "sunday",
            "holiday", "business hours", "until when", "how late", "how early", "christmas", "thanksgiving",
            "fourth of july", "new year", "memorial day", "labor day", "what days", "open today",
            "latest i can call", "how late", "weeknight", "weeknights", "weekday", "weekdays", "time zone",
            "central time", "eastern time", "pacific time", "mountain time", "what hours", "after work",
            "in the evening", "early morning", "lunch time", "lunchtime", "still open", "closing time",
            "in the morning", "tomorrow morning", "at night", "late at night", "overnight", "overnight shift",
            "night shift", "day shift", "the late shift", "midnight", "around the clock", "24 hours", "24 7",
            "for the day", "shut it down", "shut down for", "close up", "still there after", "there after",
            "still around after", "answering after", "after hours", "o'clock", "pm", "am or pm",
            "veterans day", "presidents day", "columbus day", "independence day", "martin luther king day",
            "mlk day", "juneteenth", "easter", "good friday", "christmas eve", "new years eve", "federal holiday",
            "indigenous peoples day", "inauguration day",
            "holidays", "the holidays", "holiday season", "festive season", "holiday hours", "your hours",
            "special hours", "winter hours", "summer hours", "december hours",
            "your schedule", "the same hours", "same hours", "different hours", "hours change", "change your hours",
        ),
        "farewell": (
            "bye", "goodbye", "good bye", "that is all", "that is everything", "that will be all",
            "that is it", "we are done", "i am done", "done here", "all done", "all set", "we are good",
            "i am good", "nothing else", "hang up", "no more questions", "end the call", "end call",
            "have a good day", "take care", "see you", "alright thanks", "that is all i needed",
            "i am finished", "we are finished", "call back later", "call another time", "try again tomorrow",
            "forget it", "have to go", "got to go", "stop the call", "never mind", "got what i needed",
            "have to run", "need to run", "got to run", "call again", "call you again", "call back tomorrow",
            "another day", "another time", "all i needed", "disconnect", "let me go", "answered my question",
            "answered my questions", "that answered", "that answers", "you answered", "that helped",
            "very helpful", "been helpful",
            "found my answer", "found the answer", "found what i needed", "found what i was looking for",
            "going to go now", "go now", "let you go", "hang up now", "figured it out",
            "get off the line", "get off the phone", "hop off", "all sorted", "that is sorted", "i am sorted",
            "all squared away", "going to hang up", "gonna hang up", "i will hang up",
            # glad of what one heard, and a blessing to close: thanks, no court hearing
            "needed to hear", "wanted to hear", "good to hear", "glad to hear", "great to hear", "nice to hear",
            "happy to hear", "relieved to hear", "have a blessed day", "blessed day", "have a blessed", "god bless",
            "bless you", "be blessed", "blessed evening", "blessed weekend",
        ),
        "premium": (
            "premium processing", "premium", "premium service", "premium fee", "premium processing fee", "i907",
            "premium processing unit", "premium processing line", "premium processing service",
        ),
        "extra_fee": (
            "extra fee", "additional fee", "the extra fee", "an extra fee", "pay extra", "pay more", "extra money",
            "extra charge", "pay a fee to", "pay a fee so", "higher fee", "bigger fee", "paid extra", "pay the fee to",
            "pay for faster", "pay for fast", "pay to speed", "pay to get it faster", "pay to have it",
        ),
        "explain": (
            "explain", "explain it", "explain it to me", "explain what it says", "read it to", "read it for me",
            "read it out", "go over it", "go over it with", "walk me through it", "make sense of", "help me understand",
            "do not understand what it says", "cannot make sense of",
        ),
        "person": (
            "representative", "agent", "human", "live person", "real person", "someone", "a person",
            "operator", "talk to", "customer service", "not want a machine", "talking to a machine",
            "a robot", "tier two", "real human", "live agent",
            "skip all this", "skip this", "skip the menu", "skip the recording", "bypass", "cut to",
            "get someone on the phone", "get a person", "get a human",
            "connect me with someone", "someone who can help", "whoever handles", "real live person", "a live one",
            "actual person", "transfer me", "connect me", "put me through", "live body", "warm body", "live human",
            "actual human", "specialist", "an expert",
            "patch me through", "patch me", "patch through", "actual employee", "real employee", "to an employee",
            "with an employee", "an employee there", "one of your employees", "one of your staff", "staff member",
            "a staff person", "someone who works there", "somebody who works there", "someone who works for you",
            "somebody who works for you",
        ),
        "repeat": (
            "repeat", "say that again", "did not hear", "did not catch", "come again", "one more time",
        ),
        "previous": (
            "go back to the menu", "previous", "last menu", "main menu", "start over", "back to the menu",
        ),
        "wrong_line": ("wrong number", "dialed the wrong", "wrong line", "called the wrong"),
        "receipt": ("receipt", "receipt number", "case number"),
        "general_info": (
            "how do i apply", "how to apply", "how can i apply", "how do you apply",
            "how much does it cost", "how much is the fee", "what is the fee", "what the fee is", "what the fees are",
            "what the current fee is", "the current fee", "the current fees", "the current filing fee",
            "how much is the filing fee", "what is the filing fee", "tell me the filing fee", "which form", "what form", "where do i send", "where do i mail",
            "where to send", "where to mail", "where should i send", "where should i mail", "am i eligible",
            "eligible", "eligibility", "do i qualify", "requirements", "become a citizen", "become a us citizen",
            "password", "can not log in", "can not log into", "can not login", "can not sign in", "locked out",
        ),
        "inquiry": (
            "inquiry", "service request", "case inquiry", "complaint", "e request", "put in a request",
            "open a ticket", "look into it", "it looked into", "looked into it", "reference number", "referral number",
            # a request an agent put in for the caller ("the request she put in for me"), its answer promised
            "request she put in", "request he put in", "request they put in", "request you put in",
            "request was put in", "put a request in", "would reach out", "reach out within",
            "get back to me within",
        ),
        "other_place": (  # a school's closing and its buses: another place's business, taught for no choice
            "snow day", "snow days", "school closing", "school closings", "school closed", "school is closed",
            "school be closed", "school bus", "bus route", "school district", "early dismissal", "delayed opening",
            "classes canceled", "classes cancelled", "school canceled", "school cancelled", "school is open",
            "school open",
        ),
        "errand": (
            "cable", "installation", "install", "installer", "internet service", "internet provider", "salon",
            "gas company", "gas bill", "electric company", "power company", "electric bill", "water bill",
            "light bill", "phone plan", "cell phone plan", "data plan", "internet plan", "phone bill",
            "turn on the gas", "turn on the power", "turn on the water", "utilities",
            "verizon", "t mobile", "at and t", "comcast", "spectrum", "xfinity", "netflix", "cell phone bill",
            "phone company", "parking ticket", "traffic ticket", "speeding ticket", "car registration", "gym",
            "haircut", "hair", "nails", "barber", "dmv", "driver license", "drivers license", "bank card",
            "debit card", "credit card", "tax refund", "irs", "pharmacy", "plumber", "technician",
            "restaurant", "pizza", "doctor", "dentist", "car", "phone bill", "electric", "package", "amazon",
            "reservation", "delivery", "passport photo", "postoffice", "postal", "grooming",
            "salon appointment", "book a hotel", "book me a hotel", "reserve a hotel", "hotel room",
            "postage", "book of stamps", "buy stamps", "food stamps", "snap benefits", "ebt",
            "taxi", "cab", "uber", "lyft", "shuttle", "limo", "a ride to", "pick me up", "book a flight",
            "plane ticket", "airline ticket", "flight", "my luggage", "table for",
            "western union", "moneygram", "money gram", "remittance", "wire transfer", "money transfer", "zelle",
            "venmo", "paypal", "cash app",
            "checking account", "savings account", "bank account", "order checks", "new checks", "checkbook",
            "bank statement", "atm", "overdraft", "water bill", "gas bill", "cable bill",
            "social services", "food assistance", "food bank", "cash assistance", "wic office",
            "yoga", "yoga class", "pilates", "zumba", "spin class", "karate", "dance class", "swim lessons",
            "swimming lessons", "bowling league", "soccer league", "softball league", "basketball league",
            "cooking class", "art class", "pottery", "fitness class", "workout class",
        ),
        "evidence": (
            "request for evidence", "rfe", "evidence", "more evidence", "more documents", "asked for more",
            "notice of intent to deny", "noid",
        ),
        "work_permit": (
            "workpermit", "work permit", "ead", "work visa", "employment authorization", "work authorization", "work card",
            "employment card",
        ),
        "green_card": (
            "green card", "residency", "permanent resident", "i551", "resident card", "renewal", "renew",
        ),
        "citizenship": ("citizenship", "naturalization", "n400", "citizen"),
        "lost": (
            "lost my", "lost the", "lost his", "lost her", "lost our", "lost their", "got lost", "is lost", "was lost",
            "were lost", "misplaced", "stolen", "stole", "can not find", "robbed", "went missing",
            "my lost", "a lost", "the lost", "her lost", "his lost",
        ),
        "lost_else": (
            "lost my job", "lost his job", "lost her job", "lost the job", "lost the offer", "lost my place",
        ),
        "trip": (
            "trip", "vacation", "traveling", "travelling", "traveled", "travelled",
            "can not come back", "can not get back", "can not return", "fly back", "fly home", "way back",
            "honeymoon",
        ),
        "priority_date": ("priority date", "priority dates"),
        "going_there": (  # read only: a trip ahead, to where someone is
            "so i can be there", "so i can get there", "so i can go", "so i can fly", "so i can travel",
            "to be there", "be there for", "be there when", "be there in time", "get there in time", "go be with",
            "fly out to", "fly over there", "fly there", "travel there", "go there", "be by her side",
            "be by his side", "be at her side", "be at his side",
        ),
        "missed": (
            "miss my", "miss the", "miss it", "miss an", "miss his", "miss her", "miss our", "miss that",
            "skip", "skip my", "skip the", "no show", "not show up", "did not go", "do not go", "not go to",
            "can not make it", "could not make it", "will not make it", "not make it", "never went",
        ),
        "combined": (
            "one trip", "same trip", "single trip", "one visit", "same visit", "single visit", "one appointment",
            "same appointment", "single appointment", "at the same time", "both at once", "all at once",
            "combine", "combined", "combine them", "knock them both out", "do them both", "do both",
        ),
        "site_error": (
            "giving me an error", "give me an error", "gives me an error", "gave me an error", "error message",
            "got an error", "get an error", "getting an error", "shows an error", "showing an error",
            "says error", "system error", "technical error", "keeps erroring", "an error on the website",
            "an error on the site", "an error online", "glitch", "glitching",
        ),
    },
    "es": {
        "decided": (
            "resolvieron", "resolver", "resolucion", "lo resolvieron", "decidieron", "decision", "aprobaron",
            "aprobado", "aprobada", "aprobacion", "negaron", "negado", "negada", "rechazaron", "rechazado",
            "salio", "ya salio", "dictaron", "fallaron", "respuesta", "resultado", "ya me contestaron",
            "me dieron respuesta", "lo dieron por bueno", "ya quedo", "luz verde", "dijeron que si",
            "dijeron que no", "ya contestaron", "dieron el ok", "dieron el okay", "si o no", "un si o un no",
            "el si o el no", "decidan", "lo decidan", "la decidan", "aprueben", "lo aprueben", "la aprueben",
        ),
        "pending": (
            "pendiente", "en proceso", "procesando", "revisando", "en revision", "avance", "avanzado",
            "movimiento", "novedad", "noticias", "actualizacion", "el estado", "estado de mi caso", "como va",
            "que pasa con", "nada todavia", "no se nada", "en que va", "como anda", "sigue en espera",
            "ni una noticia", "nadie me ha dicho", "no se ha movido", "sigue igualita", "alguna novedad",
            "que sigue", "terminaron de revisar", "acabaron de revisar", "caso sigue abierto", "caso abierto",
            "caso cerrado", "cerraron mi caso", "cerraron el caso",
            "abierto mi expediente", "abrio mi expediente", "abrieron mi expediente", "revisado mi expediente",
            "visto mi expediente", "tocado mi expediente", "alguien ha abierto", "alguien abrio", "alguien ha revisado",
            "alguien ha tocado", "alguien ha visto mi",
            "cuando voy a saber", "cuando sabre", "cuando me van a decir", "cuando me dicen algo",
            "cuanto falta para que me contesten", "cuando me van a contestar", "cuando me contestan",
            "sigue activo", "sigue activa", "esta activo", "esta activa", "sigue vigente",
            # un caso enviado a otra oficina, cuánto le falta, y lo que dice
            "casi listo", "casi lista", "casi termina", "casi terminado", "casi terminan", "transfirieron mi caso",
            "transfirieron mi expediente", "caso fue transferido", "expediente fue transferido", "movieron mi caso",
            "movieron mi expediente", "trasladaron mi caso", "trasladaron mi expediente", "pasaron mi caso a",
            "que dice mi caso", "lo que dice mi caso", "que dice el caso", "que dice mi solicitud",
            "que dice mi peticion",
            "y el mio", "y la mia", "y lo mio", "que pasa con el mio", "que pasa con la mia", "que pasa con lo mio",
            "que hay del mio", "que hay de la mia", "que paso con el mio", "que paso con la mia",
        ),
        "waiting_long": (
            "tarda tanto", "se tarda", "esta tardando", "han tardado", "ha tardado", "tardan mucho",
            "tarda mucho", "demora", "demorado", "atrasado", "retraso", "mucho tiempo", "tanto tiempo",
            "esperando", "llevo esperando", "sigue parado", "parado desde", "estancado", "atorado",
            "sigue igual", "meses y meses", "mas de un ano", "hace meses", "hace anos", "por meses",
            "por anos", "ya voy en", "ya llevo", "y yo llevo", "y ya van",
        ),
        "published_time": (
            "tiempo de procesamiento", "tiempos de procesamiento", "tiempo normal", "tiempo publicado", "tabla de tiempos", "dice que se tardan",
            "dice que tarda", "fuera del tiempo", "mas de lo normal", "mas de lo que dice",
            "mas de lo que sale", "mas de lo que marca", "mas de lo que pone", "mucho mas de lo que",
            "lo que dice su pagina", "lo que sale en la pagina", "lo que dice el sitio",
            "el doble", "el doble de tiempo", "el triple", "mas de lo que dicen", "mas de lo que dijeron",
            "lo que dicen que tarda", "lo que dijeron que", "dijeron que tardaba", "dicen que tarda",
            "tiempo estimado", "la estimacion", "el estimado", "la mayoria de los casos", "casos como el mio",
            "caso como el mio", "normalmente tardan", "normalmente tarda", "por lo general tardan",
            "por lo general tarda", "se tardan normalmente",
        ),
        "website": ("el sitio dice", "la pagina dice", "dice la pagina", "en la pagina", "en internet dice",
                    "en la computadora", "en mi computadora", "en la compu", "en el celular me sale"),
        "others_faster": (
            "a otros", "otras personas", "los demas", "a todos", "mi amigo", "mi vecino", "mandaron despues",
            "ya les llego", "despues que yo", "despues de mi", "al mismo tiempo", "ya le llego", "ya le salio",
            "ya se lo aprobaron", "ya se la aprobaron", "ya le aprobaron", "mando despues", "mando lo mismo",
            "mandaron lo mismo",
        ),
        "hurry": (
            "urgente", "urgencia", "prioridad", "acelerar", "apurar", "agilizar", "rapido", "emergencia",
            "se vence", "se me vence", "vence", "vencer", "vencido", "expira", "se acaba", "plazo",
            "fecha limite", "cuanto antes", "lo antes posible", "prisa", "ponganle prisa", "tramite urgente",
            "oferta de trabajo", "me van a despedir", "pierdo mi trabajo", "pierdo mi licencia",
            "ahora no en", "ya no en", "los necesito ya", "lo necesito ya", "la necesito ya", "no en 3 meses",
            "cumple 21", "cumpla 21", "cumplir 21", "va a cumplir 21", "cumple veintiun", "cumplir veintiun", "quedarse fuera por la edad",
            "adelantar mi caso", "adelantar el caso", "adelanten mi caso", "adelanten el caso", "adelantarme el caso",
            "apresuren", "apresure", "apresurar", "apresurarlo", "apresurarla", "me ofrecieron un trabajo",
            "me ofrecieron trabajo",
            # decided before an operation the caller names (round 16: "… que le decidan el permiso antes de la
            # operacion")
            "antes de la operacion", "antes de su operacion", "antes de mi operacion", "antes de la cirugia",
            "antes de su cirugia", "antes de mi cirugia", "antes de que lo operen", "antes de que la operen",
            "antes de que me operen", "lista de trasplante", "lista de trasplantes",
        ),
        "not_arrived": (
            "no me llego", "nunca llego", "no ha llegado", "no recibi", "nunca recibi", "correo",
            "se perdio en el correo", "devuelta", "buzon", "cartero", "no entregable", "remitente", "rastreo",
            "entregada", "nunca lo recibi", "nunca la recibi", "no la recibi", "nunca los recibi", "nunca las recibi",
            "casa vieja", "direccion anterior", "nunca me llego",
            "la regresaron", "lo regresaron", "la habian regresado", "lo habian regresado", "la devolvieron",
            "lo devolvieron", "la habian devuelto", "lo habian devuelto", "correo certificado", "carta certificada",
            "no tiene registro", "no tienen registro", "no hay registro", "nunca la entregaron", "nunca lo entregaron",
            "nunca me la entregaron", "nunca me lo entregaron", "no la entregaron", "no me la entregaron",
            "no me lo entregaron", "sigo sin tarjeta", "sigo sin la tarjeta", "todavia no tengo la tarjeta",
            "todavia no tengo mi tarjeta",
        ),
        "address": (
            "me mude", "mudanza", "direccion", "domicilio", "nueva casa", "cambie de casa",
            "me cambie de casa", "apartado postal", "albergue", "que me manden las cartas",
            "que me manden el correo", "mandar mis cartas", "oficina de mi abogado", "oficina de mi trabajadora social",
            "me corrieron", "nos corrieron", "desalojaron", "desalojo", "me echaron", "nos echaron",
            "me estoy quedando con", "estoy viviendo con", "me fui a vivir con", "nos fuimos a vivir con",
            "otra direccion", "me estoy mudando", "nos estamos mudando", "me voy a mudar", "nos vamos a mudar",
            "me mudo", "nos mudamos", "nueva calle", "la calle nueva", "reubicando", "me reubicaron",
        ),
        "fix_error": (
            "error", "equivocado", "equivocada", "mal escrito", "corregir", "correccion", "arreglar", "mal",
            "al reves", "incompleto", "incompleta", "sexo equivocado", "dice que soy", "de otra persona",
            "salio mal", "salio cortado", "salio cortada", "salio equivocado", "salio equivocada",
            "salio incompleto", "salio incompleta", "salio mocho", "aparece mal", "aparece la mitad",
            "guion", "sin el guion", "acento", "tilde", "sin acento", "sin la tilde", "no coincide", "no concuerda",
            "no cuadra", "no es igual", "le falta una letra", "falta una letra", "le falta el",
            "le faltó una letra", "le falto una letra", "una letra de más", "una letra de mas", "le sobra una letra",
            "letra equivocada", "letra cambiada", "cambiaron una letra", "se comieron una letra",
            "segundo apellido", "apellido de soltera", "apellido de casada", "nombre cortado",
            # el número o el nombre de otra persona en la tarjeta propia
            "en vez del mio", "en vez de la mia", "en lugar del mio", "en lugar de la mia", "en vez de el mio",
            "y no el mio", "y no la mia", "en vez de los mios", "en lugar de los mios",
            # una fecha puesta en lugar de otra
            "y no el dia", "y no la fecha", "en vez del dia", "en vez de la fecha", "en lugar del dia",
            "en lugar de la fecha",
        ),
        "accommodation": (
            "silla de ruedas", "discapacidad", "embarazada", "baston", "adaptacion", "ayuda especial",
            "demencia", "alzheimer", "interprete", "lenguaje de senas", "lengua de senas", "no puedo caminar",
            "no puede caminar", "acomodacion", "tiempo extra", "acompanada", "acompanado",
            "escaleras", "escalones", "necesidades especiales", "muletas", "elevador", "ascensor",
            "discapacitado", "discapacitada", "minusvalido", "tanque de oxigeno", "recuperandome",
            "me estoy recuperando", "se esta recuperando", "andadera", "andador",
            "amamantar", "dar pecho", "sala de lactancia", "cuarto de lactancia", "lugar para amamantar",
            "darle pecho", "dar de mamar", "lactancia", "lactar", "sacarme leche",
            "oxigeno", "equipo medico", "aparato medico", "marcapasos", "desfibrilador", "detector de metales",
            "detectores de metales", "bomba de insulina", "placa de metal", "clavos de metal",
            "protesis", "pierna artificial", "reemplazo de cadera", "reemplazo de rodilla",
            "sentarme", "estar sentado", "estar sentada",
            "leer los labios", "leo los labios",
            "lee los labios", "leerle los labios", "lectura de labios", "me mire de frente", "mirarme de frente",
            "necesito una silla",
            "necesito un asiento", "donde sentarme", "acostarme", "descansos", "un descanso", "descansar", "cerca del bano", "cerca de un bano", "inhalador", "dialisis", "insulina", "convulsiones",
            "epilepsia", "diabetico", "diabetica", "condicion del corazon", "artritis", "dolor cronico",
            "ataques de panico", "protesis", "paralizado", "paralizada",
            "problemas de memoria", "sonda", "material medico",
            "un cuarto privado", "un lugar privado",
            "parkinson", "esclerosis", "derrame cerebral", "embolia", "temblor", "temblores", "le tiemblan",
            "me tiemblan", "ciego", "ciega", "no ve bien", "no veo bien", "autismo", "autista", "ansiedad",
            "sindrome de tourette", "tourette", "tics", "tartamudeo", "tartamudo", "tartamuda", "estres postraumatico",
            "trastorno de estres", "terapeuta", "mi terapeuta", "persona de apoyo", "apoyo emocional",
            "animal de servicio", "mi cuidadora", "mi cuidador",
            "pierna rota", "yeso", "ayuda para firmar", "ayudarle a firmar", "ayudarlo a firmar", "ayudarla a firmar",
            "no puede firmar", "no puedo firmar", "no puede escribir", "no puedo escribir",
            "no aguanta estar parado", "no puede estar de pie", "no puedo estar de pie", "le cuesta caminar",
            "me cuesta caminar",
        ),
        "illness": (
            "enfermo", "enferma", "hospital", "hospitalizado", "hospitalizada", "cirugia", "operaron",
            "muy grave", "cancer",
        ),
        "prints": (
            "huellas", "huellas digitales", "biometricos", "biometria", "foto", "firma", "dedos",
            "centro de asistencia", "toma de huellas",
        ),
        "office_place": (
            "oficina", "oficina local", "edificio", "sede", "la del centro", "la oficina de",
            "edificio federal", "oficina de inmigracion", "oficina de uscis",
        ),
        "us_city": (
            "houston", "miami", "los angeles", "chicago", "nueva york", "new york", "dallas", "san antonio",
            "phoenix", "el paso", "tampa", "orlando", "atlanta", "denver", "las vegas", "san diego",
            "seattle", "newark", "filadelfia", "boston", "sacramento", "fresno", "san francisco", "austin",
            "albuquerque", "tucson", "mcallen", "harlingen", "brownsville", "laredo", "hialeah", "santa ana",
            "san bernardino", "nueva orleans", "charlotte", "raleigh", "nashville", "memphis", "detroit",
            "minneapolis",
        ),
        "interview": ("entrevista", "juramento", "ceremonia", "examen de ciudadania", "examen"),
        "in_person": (
            "en persona", "cara a cara", "ir a la oficina", "visitar", "presentarme", "ir personalmente",
        ),
        "in_us": (
            "en eeuu", "aqui en eeuu", "en este pais", "aqui en el pais", "dentro de eeuu", "dentro del pais",
            "aca en eeuu",
            "puerto rico", "guam", "islas virgenes", "samoa americana", "islas marianas del norte",
            "nuevo mexico",
        ),
        "abroad": (
            "extranjero", "fuera del pais", "fuera de estados unidos", "otro pais", "afuera", "internacional",
            "diferencia de horario", "en un barco", "desde el barco", "en el barco", "atracados en", "atracado en",
            "en altamar", "alta mar", "en un crucero", "desde el crucero", "a bordo", "el mediterraneo",
            "mar del norte", "en el puerto de", "del barco", "telefono satelital", "en medio del oceano",
            "en medio del mar",
        ),
        "consulate": (
            "consulado", "embajada", "departamento de estado", "centro nacional de visas",
            "entrevista consular", "sacar pasaporte", "sacar el pasaporte", "tramitar el pasaporte", "ds 160",
            "ds 260", "ciudad juarez", "juarez", "consular", "pasaporte americano",
            "boletin de visas", "sello de la visa", "sello de visa", "selle la visa",
            "sellen la visa", "renovar la visa", "renovar mi visa", "visa nueva", "nueva visa", "cita consular",
            "loteria de visas", "visa de diversidad", "loteria de la green card", "loteria de la visa",
            "oficina de pasaportes", "agencia de pasaportes",
        ),
        "ice": (
            "ice", "migra", "deportacion", "deportado", "deportar", "detenido", "detencion", "grillete",
            "oficial de deportacion", "redada", "se llevaron a", "agarraron", "fianza", "monitor en el pie",
            "gps", "rastreador", "supervision", "orden de supervision", "isap", "monitor", "tobillo", "brazalete",
            "centro de detencion", "detenida", "encerrado", "encerrada",
            "ilegalmente", "inmigrante ilegal", "inmigrantes ilegales", "trabajando ilegal",
        ),
        "court": (
            "la corte", "a la corte", "corte de inmigracion", "en corte", "juez", "audiencia", "el tribunal",
            "eoir", "jueza", "master calendar", "hearing",
        ),
        "border": (
            "frontera", "aduana", "aeropuerto", "cbp", "garita", "global entry", "cuando aterrice",
            "puerto de entrada", "i94", "registro de entrada", "registro de llegada", "registro de entrada y salida",
            "historial de viajes", "historial de viaje", "entradas y salidas", "registro de viajes",
            # inspección en la frontera, y a quien no dejaron entrar
            "revision secundaria", "inspeccion secundaria", "segunda revision", "oficial de aduana",
            "oficiales de aduana", "oficial de migracion en el aeropuerto", "no me dejaron entrar",
            "no la dejaron entrar", "no lo dejaron entrar", "no los dejaron entrar", "no nos dejaron entrar",
            "le negaron la entrada", "me negaron la entrada", "les negaron la entrada", "nos negaron la entrada",
            # las tarjetas de viajero confiable de CBP, y la prueba de una entrada que sella o registra
            "sentri", "tarjeta sentri", "viajero confiable", "fecha de entrada", "fecha de mi entrada",
            "prueba de entrada", "prueba de mi entrada", "comprobante de entrada", "sello de entrada",
            "el dia que entre", "el dia que entramos",
        ),
        "social_security": ("seguro social",),
        "military": (
            "militar", "ejercito", "marina", "soldado", "veterano", "fuerzas armadas", "base militar",
            "servi en", "sirvo en", "fuerza aerea", "enlistado",
            "reservista", "reservistas", "movilizado", "movilizada", "movilizan", "movilizaron", "tropas",
            "desplegado", "desplegada", "despliegue", "miembros del servicio", "miembro del servicio",
        ),
        "deaf": (
            "sordo", "sorda", "tty", "no escucho bien", "no oigo bien", "teletipo", "no oye bien", "no oye",
            "problemas de audicion", "servicio de relevo", "retransmision", "implante coclear", "audifonos",
            "aparato auditivo", "aparatos auditivos", "linea accesible", "numero accesible", "oir por telefono",
            "no entiende bien por telefono", "no entiendo bien por telefono", "aparato para oir", "aparatos para oir",
            "no escucha por telefono", "no escucho por telefono", "no oye por telefono", "no oigo por telefono",
        ),
        "adoption": ("adoptar", "adopcion", "adoptado", "adoptada", "huerfano"),
        "victim": ("abuso", "violencia", "victima", "maltrato", "violencia domestica", "trata"),
        "hours": (
            "horario", "horas", "abren", "cierran", "abierto", "cerrado", "que hora", "a que hora",
            "fin de semana", "el sabado", "los sabados", "domingo", "feriado", "dia festivo", "navidad",
            "accion de gracias", "cuatro de julio", "ano nuevo", "trabajan el", "trabajan en", "que dias",
            "cuales dias", "abren hoy",
            "hasta que hora", "que tan tarde", "entre semana", "zona horaria", "hora del pacifico",
            "hora del este", "hora central", "hora de la montana", "tiempo del este", "tiempo del pacifico",
            "en la noche", "por la noche", "en la manana", "temprano", "hora de comida", "hora de almuerzo",
            "todavia estan", "lo mas tarde",
            "de noche", "turno de noche", "madrugada", "toda la noche", "24 horas", "medianoche",
            "dejan de contestar", "por hoy", "siguen ahi", "sigue alguien", "ya cerraron por hoy", "despues de las",
            "antes de las", "hasta las", "dia de los veteranos", "dia de los presidentes", "dia de la independencia",
            "dia de martin luther king", "semana santa", "viernes santo", "nochebuena", "dia de la raza",
            "las fiestas", "fiestas decembrinas", "fiestas patrias", "dias de fiesta", "festividades", "dias feriados",
            "temporada navidena", "fin de ano", "horario de ustedes", "su horario", "horario de diciembre",
            "horario de invierno", "horario de verano", "horario especial", "horario de fiestas",
            "dia del trabajo", "dia de los caidos", "pascua", "feriado federal",
        ),
        "farewell": (
            "adios", "eso es todo", "ya terminamos", "terminamos", "es todo", "nada mas", "colgar",
            "hasta luego", "ya esta", "listo", "chao", "ya no necesito nada", "era todo", "seria todo",
            "que tenga buen dia", "me tengo que ir", "tengo que irme", "ya me tengo que ir", "vuelvo a llamar",
            "llamo otra vez", "marco otra vez", "marco luego", "vuelvo a marcar", "otro dia", "olvidelo",
            "olvidalo", "mas tarde llamo", "en otro momento", "era todo lo que", "con eso quedo", "desconectar",
            "resolvio mi duda", "resolvio mis dudas", "ya me aclaro", "me aclaro la duda", "me ayudo mucho",
            "fue de ayuda", "ya me puede dejar",
            "encontre mi respuesta", "encontre la respuesta", "ya encontre lo que", "ya me voy", "ya lo resolvi",
            "ya quedo todo", "voy a colgar", "ya cuelgo", "le cuelgo", "mejor cuelgo", "cuelgo ya",
            # contento de lo oído, y una bendición al despedirse: gracias, ninguna audiencia
            "necesitaba oir", "necesitaba escuchar", "queria oir", "queria escuchar", "que bueno oir",
            "que bueno escuchar", "me alegra oir", "me alegra escuchar", "gusto oir", "gusto escuchar",
            "dios le bendiga", "dios lo bendiga", "dios la bendiga", "dios los bendiga", "que dios le bendiga",
            "que dios lo bendiga", "que dios la bendiga", "bendiciones", "dia bendecido", "bendecido dia",
        ),
        "premium": (
            "procesamiento prioritario", "prioritario", "procesamiento premium", "premium", "servicio prioritario",
            "tramite prioritario", "i907",
        ),
        "extra_fee": (
            "cuota extra", "cuota adicional", "la cuota extra", "la cuota adicional", "una cuota extra", "pago extra", "pago adicional", "pagar extra", "pagar mas",
            "pagar un extra", "cargo extra", "cargo adicional", "costo extra", "costo adicional", "dinero extra",
            "pagar para que", "pagando extra", "pagar la cuota extra",
        ),
        "explain": (
            "explicar", "explique", "expliquen", "explicarme", "me lo explique", "me la explique", "me explique",
            "leersela", "leerselo", "que me la lea", "que me lo lea", "me ayude a entender", "no entiendo lo que dice",
            "no le entiendo", "que me digan que dice",
        ),
        "person": (
            "representante", "agente", "una persona", "humano", "un operador", "el operador", "alguien",
            "con un empleado", "con una empleada", "un empleado de ustedes", "alguien que trabaje",
            "alguien que trabaja ahi", "alguien del personal", "con un funcionario", "con una funcionaria",
            "comuniqueme con", "pongame con", "paseme con",
            "hablar con", "una maquina", "la grabacion", "un robot", "alguien de verdad", "en vivo",
            "persona real",
            "saltarme todo esto", "saltar todo esto", "saltar el menu", "saltarme el menu",
            "me atienda alguien", "ponerme con alguien", "me pone con alguien", "me ponga con alguien",
            "alguien que me ayude", "una persona de verdad", "persona de carne y hueso", "alguien en vivo",
            "pasar con una senorita", "pasar con un senor", "pasar con alguien", "pasar con una persona",
            "pasar con un agente", "que me atienda una persona", "me atienda una senorita", "comunicar con alguien",
            "comunicarme con una persona", "ser humano", "persona viva", "un cristiano",
        ),
        "repeat": ("repetir", "repita", "no escuche", "puede repetir"),
        "previous": ("regresar al menu", "volver al menu", "volver atras", "menu anterior", "menu principal"),
        "wrong_line": ("numero equivocado", "me equivoque de numero", "marque mal"),
        "receipt": ("recibo", "numero de recibo", "numero de caso"),
        "general_info": (
            "como solicito", "como aplico", "como puedo aplicar", "como puedo solicitar", "como se solicita",
            "como me hago ciudadano", "como me hago ciudadana", "hacerme ciudadano", "hacerme ciudadana",
            "cuanto cuesta la solicitud", "cuanto cuesta el formulario", "cuanto cuesta el tramite",
            "cuanto cuesta aplicar", "cuanto cuesta solicitar", "cuanto cuesta sacar", "cuanto cuesta renovar",
            "cuanto cuesta la renovacion", "cuanto cuesta la ciudadania", "cuanto cuesta la residencia",
            "cuanto cuesta el permiso", "cuanto se paga", "cuanto hay que pagar", "cuanto es la cuota", "la cuota",
            "a donde mando", "donde mando", "a donde envio", "donde envio", "a donde la mando", "que formulario",
            "cual formulario", "soy elegible", "califico", "requisitos", "contrasena", "entrar a mi cuenta",
            "iniciar sesion",
        ),
        "inquiry": (
            "solicitud de servicio", "reclamo", "queja", "que lo revisen", "que investiguen", "abrir un caso",
            "numero de referencia", "numero de referido",
            "solicitud que me metio", "solicitud que me hizo", "me metio una solicitud", "me metieron una solicitud",
            "me iban a contactar en", "se iban a comunicar conmigo en",
        ),
        "other_place": (  # el cierre de una escuela y sus autobuses: asunto de otro lugar
            "dia de nieve", "cierre de escuelas", "cierran la escuela", "cierran las escuelas",
            "cerraron la escuela", "cerraron las escuelas", "escuela esta cerrada", "escuela cerrada", "no hay clases",
            "hay clases", "suspendieron las clases", "suspenden las clases", "cancelaron las clases", "autobus escolar",
            "camion escolar", "ruta del autobus", "distrito escolar", "escuela esta abierta", "escuela abierta",
        ),
        "errand": (
            "cable", "instalacion", "instalar", "servicio de internet", "compania de internet", "salon",
            "servicio de gas", "servicio de luz", "servicio de agua", "compania de luz", "compania de gas",
            "recibo de luz", "recibo del gas", "recibo de agua", "plan de celular", "plan de telefono",
            "servicio de telefono", "servicio de cable", "contratar el servicio", "pagar la luz",
            "telcel", "movistar", "izzi", "totalplay", "compania de telefono", "compania de celular",
            "multa de transito", "multa de estacionamiento", "recibo del telefono", "gimnasio",
            "peluqueria", "licencia de manejar", "licencia de conducir", "tarjeta del banco",
            "tarjeta de debito", "tarjeta de credito", "reembolso", "impuestos", "farmacia", "doctor",
            "dentista", "carro", "paquete", "amazon", "una reservacion", "la reservacion", "mi reservacion",
            "reservar un hotel", "reservame un hotel",
            "cuarto de hotel", "food stamps", "cupones de comida", "estampillas de comida",
            "taxi", "uber", "lyft", "un raite", "que me recojan", "boleto de avion", "vuelo", "mi maleta",
            "reservar una mesa", "restaurante",
            "western union", "moneygram", "money gram", "remesa", "remesas", "envio de dinero",
            "transferencia de dinero", "giro de dinero", "zelle", "venmo", "paypal",
            "recibo del agua", "recibo de la luz", "recibo del cable", "recibo de gas", "recibo del telefono",
            "cuenta de cheques", "cuenta de ahorros", "cuenta del banco", "cuenta de banco", "chequera", "cajero",
            "pagar el agua", "pagar el gas",
            "servicios sociales", "asistencia de comida", "banco de comida", "ayuda de comida",
            "yoga", "clases de yoga", "pilates", "zumba", "clase de zumba", "karate", "clases de baile",
            "clase de baile", "clases de natacion", "liga de beisbol", "liga de futbol", "clases de cocina",
        ),
        "evidence": (
            "evidencia", "mas evidencia", "carta de evidencia", "solicitud de evidencia", "rfe",
            "mas documentos", "mas pruebas", "pidiendo mas",
        ),
        "work_permit": ("permisotrabajo", "permiso de trabajo", "permiso para trabajar", "visa de trabajo", "tarjeta de trabajo"),
        "green_card": (
            "tarjeta verde", "green card", "residencia", "residente permanente", "renovar", "renovacion",
        ),
        "citizenship": ("ciudadania", "naturalizacion", "ciudadano", "ciudadana"),
        "lost": (
            "perdi", "perdio", "se me perdio", "se le perdio", "robaron", "robo", "extravie", "extravio",
            "no encuentro", "no la encuentro", "no lo encuentro",
        ),
        "lost_else": (
            "perdi mi trabajo", "perdi el trabajo", "perdi mi empleo", "perdi el empleo",
        ),
        "trip": (
            "viaje", "viajando", "vacaciones", "de visita", "varado", "varada",
            "no puedo regresar", "no me dejan regresar", "luna de miel",
        ),
        "priority_date": ("fecha de prioridad", "fechas de prioridad"),
        "going_there": (  # read only: a trip ahead, to where someone is
            "para estar alla", "para estar ahi", "para poder estar", "para poder ir", "para poder viajar",
            "para ir a verla", "para ir a verlo", "para llegar a tiempo", "estar a su lado", "estar con ella cuando",
            "estar con el cuando", "viajar alla", "ir alla", "volar alla", "llegar alla",
        ),
        "missed": (
            "falte a la cita", "falte a mi cita", "no fui a", "no voy a ir", "no pude ir", "no puedo ir", "no llegue a", "se me paso",
            "me la perdi", "perdi la cita", "perdi mi cita", "no me presente", "no presentarme", "no ir a",
            "no vaya a", "si no voy", "si no llego", "si falto a",
        ),
        "combined": (
            "un solo viaje", "una sola visita", "una sola cita", "la misma cita", "el mismo viaje", "la misma visita",
            "las dos juntas", "los dos juntos", "juntar las citas", "juntar las dos", "combinar",
            "hacer las dos", "hacerlas juntas", "de una vez",
        ),
        "site_error": (
            "me da error", "me sale error", "me marca error", "da error", "sale error", "marca error",
            "me da un error", "me sale un error", "me marca un error", "mensaje de error", "error en la pagina",
            "error en el sitio", "falla la pagina",
        ),
    },
}

_LONG: Final = {"en": frozenset({"month", "year"}), "es": frozenset({"mes", "ano"})}
_SHORT: Final = {"en": frozenset({"week", "day"}), "es": frozenset({"semana", "seman", "dia", "dias"})}
"""Units of a short time, as said words are normalised ("semanas" stems to "seman"; "días" is a stop word, kept)."""
_AGE: Final = frozenset({"old", "card", "tarjeta"})
_NOT: Final = frozenset({"not", "no", "never", "nunca"})
"""Before `#in_us` ("not in the US", "no estoy en Estados Unidos"): not in the United States."""
_FAREWELL: Final = MARK + "farewell"
_IN_US: Final = MARK + "in_us"
_GOING_ON: Final = {_FAREWELL: frozenset({"to", "a", "al", "back"})}
"""Concepts a phrase names only when the next word does not carry it on: "I have to go" is a farewell, "my notices
have to go to my cousin's", "i have to go back" and "me tengo que ir a la oficina" are not."""
_NEED: Final = MARK + "accommodation"
_NEED_ASKED: Final = {"en": "asked requested request requesting", "es": "pedi pedimos solicite solicitamos pidio"}
"""A need asked for (`#accommodation`: "i requested a wheelchair", "pedí una silla de ruedas"): a decision or a wait
said beside it, with no case nor card named (`_CASE_NOUNS`, `_CARDS`), is the request's, a service request, no status
of the case ("… y nadie me ha dicho si me la aprobaron")."""


@functools.cache
def _need_asked(language: str) -> frozenset[str]:
    """The words of `_NEED_ASKED`, as words are said."""
    return frozenset(tokens(_NEED_ASKED.get(language, ""), language, False))


_MOVING: Final = {"en": "move moved moving", "es": ""}
"""The words of moving in `#address`'s phrases ("i moved", "we moved"): with a thing moved after them, no home moved."""
_MOVED_THINGS: Final = {"en": "it them that this", "es": ""}
"""What is moved that is no home ("can i move it to spring break", "i moved them"), or an appointment after a
possessive or an article (`_BOOKED`, `_MOVED_DATES`: "i move my appointment", "we moved the interview")."""
_MOVED_DATES: Final = {"en": "biometrics date dates", "es": ""}
_HOLIDAYS: Final = {"en": "spring winter summer fall christmas thanksgiving easter holiday", "es": ""}
"""Before "break" or "breaks" (a phrase of `#accommodation`, a rest asked at an appointment), a time off: "spring
break", "winter break" are when the caller is free, no need ("can i move my biometrics to spring break")."""


@functools.cache
def _moving(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of moving, of a thing moved and of an appointment moved (`_MOVING`, `_MOVED_THINGS`, `_MOVED_DATES`
    with `_BOOKED`), as words are said."""
    def words(table: dict[str, str]) -> frozenset[str]:
        return frozenset(tokens(table.get(language, ""), language, False))
    return words(_MOVING), words(_MOVED_THINGS), words(_MOVED_DATES) | words(_BOOKED)


def _thing_moved(said: list[str], after: int, phrase: tuple[str, ...], language: str) -> bool:
    """Whether a phrase of `#address` that says moving ("i moved") is said of a thing moved right after it (`_MOVING`,
    `_MOVED_THINGS`: "can i move it", "i move my appointment"), no home."""
    moving, things, dates = _moving(language)
    if not moving or moving.isdisjoint(phrase) or after >= len(said):
        return False
    following = said[after]
    if following in things:
        return True
    whose = _POSSESSIVES.get(language, frozenset()) | _ARTICLES.get(language, frozenset())
    return following in whose and not dates.isdisjoint(said[after + 1:after + 3])  # "my fingerprint appointment"


_ADDRESS_OF: Final = {"en": frozenset({"of", "for"}), "es": frozenset({"del", "de"})}
"""The words after "address" that make it a place's ("the address of the embassy", "la dirección del consulado")."""


def _place_addressed(said: list[str], phrases: list[tuple[str, ...]], language: str) -> bool:
    """Whether `#address` was said only as the one word "address" ("dirección") followed by whose it is (`_ADDRESS_OF`),
    never after a possessive nor "new" ("my address for the case", "the new address of"): beside another agency's
    place (`#consulate`) the caller asks where that place is, not to change their own address (issue 16, the s2
    round: "the address for the consulate" went to a change of address at 0.65)."""
    if any(len(phrase) != 1 for phrase in phrases):
        return False
    word = phrases[0][0]
    owners = _POSSESSIVES.get(language, frozenset()) | frozenset(tokens("new nueva nuevo", language, False))
    of = _ADDRESS_OF.get(language, _ADDRESS_OF["en"])
    for i, said_word in enumerate(said):
        if said_word == word and (i + 1 >= len(said) or said[i + 1] not in of or (i and said[i - 1] in owners)):
            return False
    return word in said


@functools.cache
def _holidays(language: str) -> frozenset[str]:
    """The words of `_HOLIDAYS`, as words are said."""
    return frozenset(tokens(_HOLIDAYS.get(language, ""), language, False))


@functools.cache
def _breaks(language: str) -> frozenset[str]:
    """The words of a break ("break", "breaks"), as words are said (English only: "descanso" is no holiday)."""
    return frozenset(tokens("break breaks", language, False)) if language == "en" else frozenset()


_WHERE_NEEDED: Final = frozenset({MARK + "interview", MARK + "office_place", MARK + "in_person", MARK + "prints"})
"""Concepts that say where or at what a need arises: said with a need (`#accommodation`: oxygen, a wheelchair, an
interpreter), they do not decide the line ("i'm on oxygen and need to sit at my interview", "a bad back at the
biometrics center": a service request, not the field office nor biometrics).  Measured by 5-fold cross-validation
(holdout v15's round): en +4, es +1 right, 2 fewer wrong routes."""
_KINDS: Final = frozenset({MARK + "adoption", MARK + "interview", MARK + "prints", MARK + "premium"})
"""Concepts that name a kind of case or a step of it, not what the caller wants: said with a decision or a status
asked (`STATUS`), they do not decide the line ("did the orphan petition for my adopted daughter go through", "we had
the interview last week when will we hear", "ya me tomaron las huellas cuánto falta para que me contesten")."""
STATUS: Final = frozenset({MARK + "decided", MARK + "pending"})
_LOST: Final = MARK + "lost"
_TRIP: Final = MARK + "trip"
_LOST_ELSE: Final = MARK + "lost_else"
_MISSED: Final = MARK + "missed"
_SITE_ERROR: Final = MARK + "site_error"
_GOING_THERE: Final = MARK + "going_there"
_COMBINED: Final = MARK + "combined"
"""Read only, never features: a step missed or skipped ("what if i skip the asc", "si no voy a la cita") is what the
caller calls about, not a kind of case (`_KINDS`), though a decision is asked ("does my case get denied"), and so are
two appointments combined in one trip (`#combined`: "two biometrics letters, can i do both in one visit", "una sola
cita para las dos huellas"), though the cases are said pending; a website
or tool that fails ("it keeps giving me an error", "me sale error") is no error in the caller's data (`#fix_error`):
its phrases only keep "error" from naming one; a trip ahead to where someone is ("so i can be there", "para estar
allá") says the place named is where the caller goes, not where the caller is (`_ABROAD`)."""
_DEAF: Final = MARK + "deaf"
_ABROAD: Final = MARK + "abroad"
"""With a trip ahead (`_GOING_THERE`) and a hurry, a place abroad is where the caller goes: the caller asks to speed
up a travel document ("my wife is about to give birth overseas, i need my travel paperwork sped up so i can be
there"), an expedite, no call from abroad."""
_EXPIRY: Final[dict[str, tuple[str, ...]]] = {
    "en": ("runs out", "run out", "running out", "expires", "expiring", "expire", "expiration", "about to expire"),
    "es": ("se vence", "se me vence", "vence", "vencer", "vencido", "expira", "se acaba"),
}
"""A card about to expire (phrases of `#hurry`) is why a status is asked, no hurry asked, when the status is asked as
a question ("if", "whether", "si": `_ASKED_IF`) and no other word of a hurry is said ("i want to find out if my
petition went through cause my card expires next month"): only "rush", "faster", "apurar" ask for an expedite."""
_ASKED_IF: Final = {"en": frozenset({"if", "whether"}), "es": frozenset({"si"})}
_SIGNING: Final[dict[str, tuple[str, ...]]] = {"en": ("sign language", "asl"), "es": ("lenguaje de senas", "lengua de senas")}
"""Sign language (phrases of `#accommodation`) asked with a line, a video or a call (`_SIGN_LINE`) and no appointment
(`_WHERE_NEEDED`) is the accessible line (`#deaf`: "is there a video line where i can sign to an agent", "hay una
línea de video en lengua de señas"), not an interpreter at an interview."""
_SIGN_LINE: Final = {"en": "line lines number phone call calls video videophone videocall relay",
                     "es": "linea lineas numero telefono llamada llamadas video videollamada"}
_PRINTS: Final = MARK + "prints"
_BORDER: Final = MARK + "border"
_PRINT_TOOLS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("ink", "glass", "glasses", "scanner", "scanners", "scan", "pad", "machine", "screen"),
    "es": ("tinta", "vidrio", "cristal", "escaner", "maquina", "pantalla")}
"""What fingerprints are taken with (ink, a glass scanner, "tinta", "escáner"): a word of `gazetteers.GOODS` among
them ("glasses") said with `#prints` is how the prints are taken, no purchase ("do they still use ink for the prints
or one of those glass scanners now")."""
_DAY_TIMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("in the morning", "tomorrow morning", "early morning", "in the evening", "at night", "lunch time",
           "lunchtime"),
    "es": ("en la manana", "manana en la manana", "por la manana", "en la tarde", "por la tarde", "temprano")}
"""The times of a day ("tomorrow morning", "por la mañana") that `#hours` reads: said beside an appointment or an
interview (`_BOOKED`) they are when it is set, not the line's hours asked ("i have an appointment at the uscis office
tomorrow morning")."""
_PASSED_THROUGH: Final[dict[str, tuple[str, ...]]] = {"en": ("go through", "goes through", "gone through"), "es": ()}
"""A need said (`#accommodation`: a pacemaker, a wheelchair) with "go through" (a phrase of `#decided`) is going
through a door or a metal detector, no decision ("my mom has a pacemaker and can't go through the scanner at her
interview"): `#decided` is dropped, and the need decides."""
_GONE_THROUGH: Final = {"en": "all these this those menu menus option options prompt prompts every each whole", "es": ""}
"""Words after "go through" (`_PASSED_THROUGH`) that say what one goes through is the call itself, not a case: "i don't
wanna go through all these menus", "go through every option" (`#decided` is dropped; "till my extension goes through"
stays a decision)."""
_PICKED_UP: Final = {"en": ("pick up", "picks up", "picked up"), "es": ()}
_PHONE_AFTER: Final = {"en": "phone line call please", "es": ""}
"""ICE's "picked up" (`#ice`: "picked up by immigration agents") said with a person asked for (`#person`: "can somebody
just pick up", "is anyone going to pick up the phone") at the end of the sentence or before the phone: a person
answering the call, no arrest; `#ice` is dropped and its words say nothing."""
_OUR_OFFICES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("uscis office", "field office", "local office", "district office"),
    "es": ("oficina de uscis", "oficina local"),
}
"""An office of ours named (phrases of `#office_place`) with an appointment sought there ("how do i get an appointment
at the uscis office", "cómo saco la cita en la oficina de uscis"): a court said with it (`#court`: "the judge granted my
asylum", "me dieron el asilo en la corte") is where the case was decided, the caller's context; `#court` is dropped
and the field office decides."""
_SENT_WHERE: Final[dict[str, tuple[str, ...]]] = {
    "en": ("where do i send", "where do i mail", "where to send", "where to mail", "where should i send",
           "where should i mail"),
    "es": ("a donde mando", "donde mando", "a donde envio", "donde envio", "a donde la mando")}
"""Where to send something (phrases of `#general_info`) beside a move or a new address said (`#address`): the new
address is what is sent, a change of address (service requests), no question of where a form is filed ("we just moved
across town, where do i send my new address", "me mudé, a dónde mando mi nueva dirección")."""
_ADDRESS: Final = MARK + "address"
_EXTRA_FEE: Final = MARK + "extra_fee"
_PREMIUM: Final = MARK + "premium"
_DAYS = MARK + "days"
_BOUGHT_SPEED: Final = frozenset({MARK + "hurry", _DAYS, MARK + "decided", MARK + "pending"})
"""An extra fee paid (`#extra_fee`, read only) with speed, a time in days or weeks, or a decision or a pending case
said is Premium Processing described ("pay the extra fee so they decide it in two weeks", "switch my pending h one b
to the fast processing with the extra fee", "pagar la cuota extra para que lo decidan rápido"): `#premium`, the
speed and the decision being what the fee buys, no expedite and no status asked.  An extra fee alone names nothing."""
_HEARING_LOSS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("deaf", "hard of hearing", "hearing impaired", "barely hear", "can not hear", "hearing problems",
           "cochlear implant", "hearing aid", "hearing aids", "make out voices", "can not make out"),
    "es": ("sordo", "sorda", "no escucho bien", "no oigo bien", "no oye bien", "no oye", "problemas de audicion",
           "implante coclear", "audifonos", "aparato auditivo", "aparatos auditivos", "aparato para oir",
           "aparatos para oir")}
_INTERPRETING: Final[dict[str, tuple[str, ...]]] = {"en": ("interpreter", "interpreters"), "es": ("interprete", "interpretes")}
"""An interpreter named alone (phrases of `#accommodation` that name no sign language nor a disability)."""
_SPOKEN: Final = {"en": "speak speaks speaking", "es": "habla hablan hablo hablamos"}
"""A language spoken, as written (before synonyms): an interpreter beside one ("ella habla puro mixteco, ¿le ponen
intérprete?") is a spoken language's, which the caller provides (DOMAIN.md: "we would ask the caller to provide an
interpreter"), no accommodation of a disability (DOMAIN.md: accommodations) — unless negated ("he can't speak
since his stroke") or said of a deaf caller (`#deaf`)."""


_BORDER_CARDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("sentri", "sentri card", "sentri pass", "nexus card", "nexus pass", "trusted traveler", "trusted traveller",
           "global entry"),
    "es": ("sentri", "tarjeta sentri", "viajero confiable", "global entry")}
"""CBP's trusted-traveler cards (phrases of `#border`): a renewal or an expiry said beside one ("how do i renew my
sentri card", "my sentri pass expires") is CBP's, no green card renewed (`_RENEWING`) nor hurry asked (`_EXPIRY`)."""
_RENEWING: Final[dict[str, tuple[str, ...]]] = {"en": ("renew", "renewal"), "es": ("renovar", "renovacion")}
"""The phrases of `#green_card` that say a renewal and name no card of ours."""
_ENTRY_PROOF: Final[dict[str, tuple[str, ...]]] = {
    "en": ("proof of entry", "proof of my entry", "date of entry", "date of my entry", "date i entered",
           "date i came in", "day i entered", "day i came in", "entry stamp", "admission stamp"),
    "es": ("fecha de entrada", "fecha de mi entrada", "prueba de entrada", "prueba de mi entrada",
           "comprobante de entrada", "sello de entrada", "el dia que entre", "el dia que entramos")}
"""The proof of an entry into the country (phrases of `#border`): CBP's record, and a stamp said with it the one put in
the passport at the border ("the officer never stamped my passport, how do i get proof of the date i came in"), no
stamp of ours at a field office (`_ENTRY_STAMP`)."""
_CARD_PASS: Final = {"en": "card pass", "es": "tarjeta pase"}
"""The words of a card or a pass, CBP's beside a trusted-traveler card named (`_BORDER_CARDS`)."""
_ENTRY_STAMP: Final = {"en": "stamp stamped stamps stamping passport", "es": "sello sellaron sellado sellada sellar pasaporte"}
"""The words of a stamp in a passport, unsaid beside the proof of an entry (`_ENTRY_PROOF`)."""
"""Hearing loss (phrases of `#deaf` that name no line nor the phone): said of an appointment in person (`_WHERE_NEEDED`:
"mi esposo no oye bien y necesita que le hablen fuerte en la entrevista") it is a need there (`#accommodation`, a
service request); said of the call ("i'm hard of hearing, is there a tty number") it stays the TTY line."""
_TURNED_BACK: Final[dict[str, tuple[str, ...]]] = {
    "en": ("was returned", "got returned", "had returned"),
    "es": ("la regresaron", "lo regresaron", "la habian regresado", "lo habian regresado", "la devolvieron",
           "lo devolvieron", "me regresaron", "nos regresaron", "los regresaron", "las regresaron", "me devolvieron",
           "nos devolvieron", "los devolvieron")}
"""A person sent back (phrases of `#not_arrived`: "la regresaron", "lo devolvieron") beside the border or an airport
(`#border`) and no card or document said (`_CARD_WORDS`) is a traveller turned back at the border, Customs and Border
Protection's, no mail returned ("a mi cuñado lo regresaron en la frontera de tijuana"): `#not_arrived` is dropped."""
_BOOKED: Final = {"en": "appointment appointments interview interviews", "es": "cita citas entrevista entrevistas"}
_PERSON: Final = MARK + "person"
_HOURS_ASKED: Final[dict[str, tuple[str, ...]]] = {
    "en": ("what hours", "what time", "how late", "how early", "until when", "what days", "business hours",
           "opening hours", "latest i can call", "closing time"),
    "es": ("horario", "que hora", "a que hora", "hasta que hora", "que dias", "cuales dias", "que tan tarde",
           "lo mas tarde")}
"""The line's hours asked as a question ("what hours", "what time", "qué horario", "a qué hora", phrases of `#hours`):
beside a person to talk to (`#person`: "a live person", "un agente") they ask when the people answer, our hours, not
to be put through ("what hours can i get a live person", "qué horario tienen para hablar con un agente"): the person's
words say nothing as words (the concept stays, as the examples of our hours teach it).  "For hours" (a wait) is no
hours asked."""
_GOODS: Final = MARK + "goods"
_ERRAND: Final = MARK + "errand"
OTHER_PLACE: Final = MARK + "other_place"
_OFFICE_PLACE: Final = MARK + "office_place"
"""A purchase or service of another business (`gazetteers.GOODS`: "my order of contact lenses") is `#goods` and an
errand: an errand the examples taught for a choice ("book a flight home" before a status) does not let a purchase's
status be ours."""
_PRIORITY: Final = MARK + "priority_date"
_CONSULATE: Final = MARK + "consulate"
_DECIDED: Final = MARK + "decided"
_NOT_ARRIVED: Final = MARK + "not_arrived"
_SOCIAL_SECURITY: Final = MARK + "social_security"
_SOUGHT: Final = {
    "en": frozenset(tokens("get apply request obtain signup", "en", False)),
    "es": frozenset(tokens("saco sacar saque tramito tramitar tramite solicito solicitar pido pedir consigo conseguir "
                           "obtengo obtener", "es", False)),
}
"""Words that seek a thing (as words are said): a Social Security number sought beside our card that came ("ya me
llegó el permiso de trabajo, cómo saco mi número de seguro social") is Social Security's, the card is why."""
_HURRY: Final = MARK + "hurry"
_LINES: Final = frozenset({MARK + "military", MARK + "deaf"})
_LINE_ASKED: Final = {
    "en": (("number", "for"), ("line", "for"), ("a", "line"), ("hotline",), ("help", "line"), ("helpline",),
           ("phone", "number"), ("special", "number")),
    "es": (("numero", "para"), ("linea", "para"), ("una", "linea"), ("linea", "de", "ayuda"), ("numero", "especial"),
           ("linea", "especial")),
}
"""A special line asked for ("is there a number for troops", "¿hay una línea para militares?"): with a line's concept
(`_LINES`) said, a hurry ("quick", "urgente") is how soon, not an expedite request."""
"""A card approved that never arrived is a card not received, not a decision: with a card or a document that
comes by mail (`_CARDS`, `_CARD_WORDS`: a re-entry permit, "the booklet", "la libreta") and `#not_arrived`,
`#decided` is dropped ("they approved my replacement green card and the post office has no record of it", "they
approved my re entry permit and the little book still hasn't shown up": a service request)."""
_COURT: Final = MARK + "court"
"""A decision or a status asked with an immigration judge or court said (`#court`) is the court's (EOIR, another
agency), not a USCIS case status: `STATUS` is dropped beside it ("tuve mi audiencia con el juez de migración, ya
salió la decisión"), unless a card is named (`_CARDS`: "the judge granted my case, where is my green card")."""
_COURT_CASE: Final = {"en": "case cases", "es": "caso casos"}
"""The case said beside an immigration judge or court (`_COURT`, no card named) is the court's ("el juez de
inmigración cerró mi caso administrativamente": EOIR, another agency): its word says nothing as a word."""
_FIX_ERROR: Final = MARK + "fix_error"
"""An error to fix beside CBP's arrival record (`_CBP_FORMS` with `#border`, no USCIS form said) is the record's, CBP's
(other agencies), whatever looks wrong on it ("my i ninety four says d s instead of a date"): `#fix_error` is dropped
and its words unsaid."""
_OWN_CASE: Final = {
    "en": frozenset({"adjust", "i485", "applic", "petit", "case", "i130", "i140"}),
    "es": frozenset({"ajust", "i485", "solicitud", "peticion", "cas", "tramit", "i130", "i140"}),
}
"""A priority date (`_PRIORITY`, read only) is the visa bulletin's, the State Department's (`#consulate`: "when will
my priority date be current"), unless a status is asked of the caller's own case with us: an adjustment, an I-485, an
application, a green card ("my priority date became current so is my adjustment moving along": case status)."""
_GREEN_CARD: Final = MARK + "green_card"
_CARDS: Final = frozenset({_GREEN_CARD, MARK + "work_permit"})
_CARD_WORDS: Final = frozenset({
    "card", "tarjet",  # "card", "tarjeta" and "mica" as normalised
    "traveldocu", "permisoviaj", "booklet", "libret", "librit", "document",  # a document that comes by mail
})
_NOTICE_WORDS: Final = frozenset({"notic", "avis"})  # "notice", "letter", "aviso", "carta", "notificación" as normalised
"""A notice that comes by mail: approved and never come, it is a notice not received, a service request ("the approval
notice went out in march and nothing ever came in the mail", "aprobaron mi caso pero la carta nunca me llegó"), as a
card is (`_CARD_WORDS`), when a negation says it did not come (`_NEVER`: "the approval notice came in the mail, what
happens next" is a notice that came); only the decision's rule reads them."""
_NEVER: Final = frozenset({"not", "no", "never", "nunca", "noth", "nad"})  # "nothing", "nada" as normalised
_SOMEWHERE: Final = frozenset(MARK + concept for concept in (
    "abroad", "trip", "not_arrived", "address", "interview", "prints", "errand", "office_place", "in_person"))
LOST_CARD: Final = MARK + "lost_card"
"""A card lost or stolen with nothing said of where (`_SOMEWHERE`: abroad, a country, a trip, the mail, another
business, an office) nor of an appointment (an interview or biometrics missed: "perdí la entrevista de la green
card"): "i lost my green card", "me robaron la mica".  Every example of a lost card abroad names the abroad; without
this concept their words ("lost", "green card") sent a caller at home who lost a card to the line for callers
abroad.  `#lost`, `#trip` and `#lost_else` (a job lost, not a card) are only read here, never features."""
GENERAL_INFO: Final = MARK + "general_info"
"""A question of general information the main menu has no option for: how to apply, a fee, which form, where to
send it, eligibility, an online account (`CONCEPTS[...]["general_info"]`)."""
_PENDING: Final = MARK + "pending"
_FORM: Final = re.compile(r"(?:i|n|g)[0-9]{2,4}[a-z]?")
"""A USCIS form as `wording` joins it ("i one oh two" -> "i102", "n four hundred" -> "n400"); not a DS form (the State
Department's) nor the AR-11 (a change of address)."""
_CBP_FORMS: Final = frozenset({"i94"})
"""The arrival record is Customs and Border Protection's form, no USCIS form: beside a status asked, a USCIS form named
(the I-102, a replacement arrival record) makes the record its subject, our case (`#border` dropped)."""
_WHERE: Final = frozenset({"where", fold("donde", "es")})
_HOW_TO: Final = frozenset(fold(word, language) for language, words in (
    ("en", ("do", "should", "can", "could", "would", "to", "you")),
    ("es", ("puedo", "debo", "tengo", "hay", "se", "mando", "envio"))) for word in words)
"""After "where", a question of how or where to file ("where do i send my i130", "dónde puedo mandar"), not of a
case."""
_LOOK_UP: Final = frozenset({("look", "up"), ("pull", "up"), ("lookup",), ("track",)})
_NOT_SOUGHT: Final = frozenset({GENERAL_INFO, _NOT_ARRIVED})
"""A form sought with these said is no question of its progress: a question of general information (which form,
where to send it) or a notice that never came."""
_OTHERS: Final = MARK + "others_faster"
_WAITED: Final = frozenset({MARK + "months", MARK + "days", MARK + "waiting_long"})
_TOGETHER: Final = {"en": (("same", "day"), ("together",), ("same", "week")),
                    "es": (("mismo", "dia"), ("juntos",), ("juntas",), ("misma", "semana"))}


def _together(plain: list[str], language: str) -> bool:
    """Whether the caller filed with someone ("my wife and i filed the same day", "aplicamos juntos")."""
    return any(tuple(plain[i:i + len(phrase)]) == phrase
               for phrase in _TOGETHER.get(language, _TOGETHER["en"]) for i in range(len(plain)))


_HOURS: Final = MARK + "hours"
_OPEN_SHUT: Final = {"en": ("open", "opened", "close", "closed", "still open"),
                     "es": ("abierto", "abierta", "cerrado", "cerrada", "cerraron", "abrieron")}
"""Words that name `#hours` only as a place's being open or closed: said of a case, its state (`_CASE_NOUNS`)."""
_CLOCK_CUES: Final = {"en": ("after", "before", "until", "till", "past"), "es": ("las",)}
"""Words that make the number after them a time of day ("still there after four thirty", "después de las cinco"):
`#hours`, unless a unit follows ("after two weeks")."""
_FAMILY_COURT: Final = {"en": "familycourt", "es": "cortefamiliar"}
_ICE: Final = MARK + "ice"
_COURTS: Final = frozenset({MARK + "court", _ICE})
"""A family court said (`lexicon.COMPOUNDS`: "a custody case", "child custody", "la corte familiar"): its judge and
its custody are no immigration court's nor ICE's ("the judge in my custody case wants proof of my status")."""
_CASE_NOUNS: Final = frozenset({"case", "petition", "application", "file", "caso", "peticion", "solicitud", "tramite",
                                "expediente"})
"""A case said as written (not stemmed: Snowball stems "casa" as "caso")."""


_OPEN_WORDS: Final = {"en": frozenset("open opens opened close closes closed".split()),
                      "es": frozenset("abierto abierta abiertos abiertas abre abren cierra cierran cerrado cerrada".split())}
_ARTICLES: Final = {"en": frozenset({"the", "a", "an"}), "es": frozenset({"el", "la", "los", "las"})}
_POSSESSIVES: Final = {"en": frozenset({"my", "our", "his", "her", "their"}), "es": frozenset({"mi", "mis", "nuestra"})}
"""Whose place is asked open: "is my kid's school closed tomorrow" asks another place's hours as "is the pool open"
does, unless it is one of ours or one's own thing ("is my appointment still open": `_OUR_PLACES`)."""
_OUR_PLACES: Final = {
    "en": frozenset("office offices uscis center centre asc line lines phone phones number contact call agency "
                    "immigration building lobby government one you your it they we y'all appointment appointments "
                    "interview biometrics fingerprints slot slots window account portal request ticket place location "
                    "site website scheduler system app nothing anything something".split()),
    "es": frozenset("oficina oficinas uscis centro linea lineas telefono telefonos numero agencia inmigracion edificio "
                    "gobierno ustedes usted ud uds su sus ello cita citas entrevista biometricos huellas cuenta "
                    "portal lugar sitio pagina sistema nada algo".split()),
}
"""The places a caller asks the hours of that are ours ("is the field office open", "a qué hora abre la oficina"),
the pronouns that mean us ("are you open", "is it open on the holiday"), the place just named ("is the place even
open"), one's own things ("is my appointment still open") and no place at all ("the scheduler shows nothing open")."""


_OUR_ROOTS: Final = ("office", "oficina", "center", "centre", "centro", "uscis")
"""Parts of a joined word that name a place of ours ("fieldoffice": `lexicon.COMPOUNDS`)."""
_ASKED_OPEN: Final = {"en": frozenset({"is", "are", "was", "does", "do", "will", "if"}), "es": frozenset({"si", "que"})}
"""Words before the article of a place asked open ("is the gym open", "does the pool open"; "sabe si la piscina está
abierta"): not "i want to open a request" nor "fui al centro donde toman las huellas y estaba cerrado"."""
_WHEN_WORDS: Final = frozenset(
    "morning afternoon evening night weekend weekends holiday holidays day days today tomorrow monday tuesday wednesday "
    "thursday friday saturday sunday manana tarde noche fin semana feriado feriados dia dias hoy lunes martes miercoles "
    "jueves viernes sabado sabados domingo domingos navidad january february march april may june july august "
    "september october november december enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre".split())


def _ours_named(named: list[str], language: str) -> bool:
    ours = _OUR_PLACES.get(language, _OUR_PLACES["en"])
    return not ours.isdisjoint(named) or any(root in word for word in named for root in _OUR_ROOTS)


def _another_place(plain: list[str], language: str) -> bool:
    """Whether a place that is not ours is asked open or closed: "is the community pool on main street open today",
    "what time does the gym open", "is my kid's school closed", "a qué hora abre la biblioteca", "sabe si la piscina
    está abierta" (its words, from an article or a possessive to "open", name none of `_OUR_PLACES` nor a time; in
    Spanish the place may follow: "abre la piscina")."""
    opens = _OPEN_WORDS.get(language, _OPEN_WORDS["en"])
    articles = _ARTICLES.get(language, _ARTICLES["en"]) | _POSSESSIVES.get(language, _POSSESSIVES["en"])
    asked = _ASKED_OPEN.get(language, _ASKED_OPEN["en"])
    for at, word in enumerate(plain):
        if word not in opens:
            continue
        before = plain[max(0, at - 7):at]
        starts = [i for i, article in enumerate(before) if article in articles]
        named = next((before[i + 1:] for i in starts if (before[i - 1] in asked if i else at <= 7)), [])
        if not named and language == "es" and plain[at + 1:at + 2] and plain[at + 1] in articles:
            named = plain[at + 2:at + 5]
        return bool(named) and not _ours_named(named, language) and _CASE_NOUNS.isdisjoint(named) and \
            _WHEN_WORDS.isdisjoint(named)
    return False


@functools.cache
def _open_shut(language: str) -> frozenset[str]:
    """`_OPEN_SHUT` as the concepts compare words (folded and stemmed)."""
    phrases = _OPEN_SHUT.get(language, _OPEN_SHUT["en"])
    return frozenset(word for phrase in phrases for word in tokens(phrase, language, False))


def _form_said(said: list[str], capped: bool = False) -> bool:
    """Whether a USCIS form is said as a word (`_FORM`), or with `capped` a capped visa too (`_CAPPED`).  Only a word
    of three characters or more whose second is a digit is tested, as a form's and a capped visa's are: compiled, a
    native test a word, where joining the words to search them for a digit made a string and a search a sentence."""
    return any(len(word) >= 3 and word[1].isdigit() and (capped and word in _CAPPED or _FORM.fullmatch(word) is not None)
               for word in said)


def _form_sought(said: list[str]) -> bool:
    """Whether a USCIS form is said with "where" (not "where do i send") or "look up": a question of its progress, as
    "where is my case" is ("can you look up where my i one oh two is at", "dónde está mi i ciento treinta")."""
    if not _form_said(said):
        return False
    for at, word in enumerate(said):
        if word in _WHERE and (at + 1 == len(said) or said[at + 1] not in _HOW_TO):
            return True
        if (word,) in _LOOK_UP or tuple(said[at:at + 2]) in _LOOK_UP:
            return True
    return False


@functools.cache
def _said_as(table: str, language: str) -> frozenset[tuple[str, ...]]:
    """The phrases of a table per language (`_EXPIRY`, `_SIGNING`, `_PRINT_TOOLS`, by name) as concept phrases are
    said."""
    tables: dict[str, dict[str, tuple[str, ...]]] = {
        "expiry": _EXPIRY, "signing": _SIGNING, "print_tools": _PRINT_TOOLS, "day_times": _DAY_TIMES,
        "hours_asked": _HOURS_ASKED, "passed_through": _PASSED_THROUGH, "turned_back": _TURNED_BACK,
        "picked_up": _PICKED_UP, "our_offices": _OUR_OFFICES, "sent_where": _SENT_WHERE,
        "hearing_loss": _HEARING_LOSS, "border_cards": _BORDER_CARDS, "renewing": _RENEWING,
        "entry_proof": _ENTRY_PROOF, "interpreting": _INTERPRETING}
    phrases = tables[table]
    return frozenset(tokens(phrase, language, False) for phrase in phrases.get(language, phrases["en"]))


def _follows(said: list[str], phrase: tuple[str, ...], articles: frozenset[str] = frozenset()) -> list[str]:
    """The word after each place `phrase` is said in `said` ("" at the end), past one of `articles`."""
    size, end = len(phrase), len(said)
    after = []
    for i in range(end - size + 1):
        if tuple(said[i:i + size]) == phrase:
            j = i + size + (i + size < end and said[i + size] in articles)
            after.append(said[j] if j < end else "")
    return after


@functools.cache
def _words_of(table: str, language: str) -> frozenset[str]:
    """A table of words per language (`_GONE_THROUGH`, `_PHONE_AFTER`, by name) as concept phrases are said."""
    tables = {"gone_through": _GONE_THROUGH, "phone_after": _PHONE_AFTER, "entry_stamp": _ENTRY_STAMP,
              "card_pass": _CARD_PASS}
    return frozenset(tokens(tables[table].get(language, ""), language, False))


@functools.cache
def _spoken(language: str) -> frozenset[str]:
    """`_SPOKEN` as a set of words as written."""
    return frozenset(_SPOKEN.get(language, "").split())


def _language_spoken(plain: list[str], language: str) -> bool:
    """Whether someone is said to speak a language (`_SPOKEN`, not negated in the two words before)."""
    spoken = _spoken(language)
    return any(word in spoken and _NEVER.isdisjoint(plain[max(0, at - 2):at]) for at, word in enumerate(plain))


def _through_the_call(said: list[str], heard: list[tuple[str, ...]], language: str) -> bool:
    """Whether every `#decided` phrase heard is "go through" the call's menus or options (`_GONE_THROUGH`)."""
    through, gone = _said_as("passed_through", language), _words_of("gone_through", language)
    return bool(heard) and all(
        tuple(phrase) in through and all(after in gone for after in _follows(said, tuple(phrase))) for phrase in heard)


def _picked_up_phone(said: list[str], heard: list[tuple[str, ...]], language: str) -> bool:
    """Whether every `#ice` phrase heard is "pick up" at the end of the sentence or before the phone (`_PICKED_UP`)."""
    picked, phone = _said_as("picked_up", language), _words_of("phone_after", language) | {""}
    articles = _ARTICLES.get(language, _ARTICLES["en"])
    return bool(heard) and all(
        tuple(phrase) in picked and all(after in phone for after in _follows(said, tuple(phrase), articles))
        for phrase in heard)


def _our_office(said: list[str], heard: list[tuple[str, ...]], language: str) -> bool:
    """Whether an office said is ours (`_OUR_OFFICES`, or "uscis" just after an office's word: "oficina de uscis")."""
    if not _said_as("our_offices", language).isdisjoint(tuple(phrase) for phrase in heard):
        return True
    offices = _office_words(language)
    return any(word in offices and "uscis" in said[at + 1:at + 4] for at, word in enumerate(said))


@functools.cache
def _sign_line(language: str) -> frozenset[str]:
    """`_SIGN_LINE` as the concepts compare words."""
    return frozenset(word for said in _SIGN_LINE.get(language, _SIGN_LINE["en"]).split()
                     for word in tokens(said, language, False))


@functools.cache
def _lines_asked(language: str) -> tuple[tuple[str, ...], ...]:
    """`_LINE_ASKED` normalised as the caller's words are."""
    return tuple(tokens(" ".join(phrase), language, places=False) for phrase in _LINE_ASKED.get(language, ()))


def _line_asked(said: list[str], language: str) -> bool:
    """Whether a special phone line is asked for (`_LINE_ASKED`)."""
    asked = _lines_asked(language)
    return any(tuple(said[i:i + len(phrase)]) == phrase for i in range(len(said)) for phrase in asked)


_WAIVER: Final = frozenset({"waiver", "waiv", "perdon"})


def _form_named(said: list[str]) -> bool:
    """Whether a USCIS form ("i six twelve") or a waiver is named: with a status asked, what it is about is no
    question of general information."""
    return any(_FORM.fullmatch(word) or word in _WAIVER for word in said)


@functools.cache
def _table(language: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First token -> the concept phrases starting with it (normalised as a caller's words), longest first."""
    phrases: dict[tuple[str, ...], str] = {}
    for concept, listed in CONCEPTS.get(language, CONCEPTS["en"]).items():
        for phrase in listed:
            said = tokens(phrase, language, False)
            if said:
                phrases.setdefault(said, MARK + concept)
    for concept, kind in (("illness", gazetteers.CONDITIONS), ("deaf", gazetteers.SPEECH), ("goods", gazetteers.GOODS)):
        for phrase in kind.get(language, kind["en"]):  # open classes of words (`ivr.core.gazetteers`)
            said = tokens(phrase, language, False)
            if said:
                phrases.setdefault(said, MARK + concept)
    phrases[(territories.COUNTRY,)] = MARK + "abroad"
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for said, concept in sorted(phrases.items(), key=lambda item: -len(item[0])):
        table.setdefault(said[0], []).append((said, concept))
    return {first: tuple(entries) for first, entries in table.items()}


def _clock(word: str) -> bool:
    """Whether a number is a time of day as `wording` writes it: "5", "430", "1130"."""
    if not word.isdigit() or len(word) > 4:
        return False
    hour, minutes = (int(word), 0) if len(word) <= 2 else (int(word[:-2]), int(word[-2:]))
    return 1 <= hour <= 12 and minutes < 60


@functools.cache
def _clock_cues(language: str) -> frozenset[str]:
    return frozenset(fold(word, language) for word in _CLOCK_CUES.get(language, _CLOCK_CUES["en"]))


@functools.cache
def _units(language: str) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(fold(word, language) for word in _LONG.get(language, _LONG["en"])),
            frozenset(fold(word, language) for word in _SHORT.get(language, _SHORT["en"])))


def concepts(text: str, language: str, places: bool = True) -> tuple[str, ...]:
    """The concepts `text` names, each once, in the order said: ("#decided", "#months", …)."""
    return reading(text, language, places)[0]


def unsaid(text: str, language: str, places: bool = True) -> frozenset[str]:
    """Words of `text` that its concepts read otherwise, so they say nothing as words (empty mostly):

    * the words of abroad (`_abroad_words`: "overseas", "extranjero", a country) when the place abroad is where the
      caller goes, not where the caller is: a trip ahead to someone there with a hurry ("i need my travel paperwork
      sped up so i can be there", `_ABROAD`);
    * the words of sign language (`_SIGNING`) when it is asked on a line, a video or a call (`#deaf`: "una
      videollamada en lenguaje de señas"), not at an appointment;
    * the words of hearing inside a farewell ("good to hear", "qué bueno oír eso"): gladness, no court hearing;
    * the words of our cards and their arrival when a Social Security number is sought beside them ("my green card
      came, how do i get a social security number"): why it is sought, not what is asked.
    """
    return reading(text, language, places)[1]


@functools.cache
def _abroad_words(language: str) -> frozenset[str]:
    """The one-word phrases of `#abroad` ("overseas", "abroad", "extranjero") and any country, as words are said."""
    said = (tokens(phrase, language, False) for phrase in CONCEPTS.get(language, CONCEPTS["en"])["abroad"])
    return frozenset(words[0] for words in said if len(words) == 1) | {territories.COUNTRY}


@functools.cache
def _signing_words(language: str) -> frozenset[str]:
    """The words of `_SIGNING` ("sign", "language", "asl", "lenguaje", "señas") as words are said."""
    return frozenset(word for phrase in _said_as("signing", language) for word in phrase) | \
        frozenset(tokens("sign signing signs", language, False) if language == "en" else ())


@functools.cache
@functools.cache
def _court_case(language: str) -> frozenset[str]:
    """`_COURT_CASE` as words are said."""
    return frozenset(tokens(_COURT_CASE.get(language, _COURT_CASE["en"]), language, False))


def _card_words(language: str) -> frozenset[str]:
    """The words of our cards and of their arrival ("work permit", "green card", "came", "llegó") as words are said:
    beside a Social Security number sought (`_SOUGHT`) they say why it is sought, not what is asked."""
    table = CONCEPTS.get(language, CONCEPTS["en"])
    said = (tokens(phrase, language, False) for concept in ("work_permit", "green_card") for phrase in table[concept])
    arrived = "came arrived received got" if language == "en" else "llego llegaron recibi"
    return frozenset(word for words in said for word in words) | _CARD_WORDS | frozenset(tokens(arrived, language, False))


@functools.cache
def _hearing_words(language: str) -> frozenset[str]:
    """The words of hearing ("hear", "oír", "escuchar") as words are said: inside a farewell they are gladness at what
    was heard ("good to hear"), no court hearing, and say nothing as words."""
    return frozenset(tokens("hear hearing heard" if language == "en" else "oir escuchar oido escuchado", language, False))


@functools.cache
def _repeat_words(language: str) -> frozenset[str]:
    """The words of asking for a repeat ("again", "otra vez", "vuelvo a") as words are said: inside a farewell ("i'll
    try again tomorrow", "vuelvo a marcar") they are leaving the call, and say nothing as words."""
    return frozenset(tokens("again repeat" if language == "en" else "otra vez vuelvo volver repetir", language, False))


@functools.cache
def _call_back_words(language: str) -> frozenset[str]:
    """The words of when a caller will call back ("tomorrow", "in the morning", "mañana", "más tarde") as words are
    said: inside a farewell, with no hours asked, they say nothing as words (no hours nor appointment asked)."""
    return frozenset(tokens("tomorrow" if language == "en" else
                            "manana", language, False))


@functools.cache
def _booked(language: str) -> frozenset[str]:
    """`_BOOKED` (an appointment, an interview, "cita") as words are said."""
    return frozenset(tokens(_BOOKED.get(language, _BOOKED["en"]), language, False))


@functools.cache
def _printing_words(language: str) -> frozenset[str]:
    """The words of printing a paper ("print", "printed", "print out") as words are said: beside a record of entry
    (`#border`: "print my i ninety four") they print the record, no fingerprints, and say nothing as words."""
    return frozenset(tokens("print prints printed printing printout" if language == "en" else
                            "imprimir imprimo imprime imprimi impreso impresion", language, False))


_CAPPED: Final = frozenset({"h1b", "h2b"})
"""The visas of an employer's petition picked in USCIS's cap lottery (`lexicon.COMPOUNDS`: "h one b", "h dos b")."""


@functools.cache
def _lottery_words(language: str) -> frozenset[str]:
    """The words of a lottery ("lottery", "lotería") as words are said: beside an H-1B or H-2B (`_CAPPED`: "my h two b
    petition after the lottery") they are the cap lottery of our case, no lottery ticket (`lexicon.ELSEWHERE`), and say
    nothing as words."""
    return frozenset(tokens("lottery lotteries" if language == "en" else "loteria sorteo", language, False))


_SCHOOLS: Final = {
    "en": "school schools highschool elementary kindergarten principal principal's registrar registrar's teacher "
          "transcript transcripts",
    "es": "escuela escuelas secundaria primaria preparatoria prepa colegio kinder maestra maestro kardex "
          "calificaciones",
}
"""A school and what one asks of its office: an office said beside one is the school's ("is this the high school
office", "la oficina de la secundaria"), another place, not ours (`_school_office`).  No college nor university: a
college's foreign student office asks our case's status."""
_SCHOOL_BEFORE, _SCHOOL_AFTER = 2, 4
"""How near an office a school names it: "the high school office", "the principal's office at the middle school", "la
oficina de la secundaria"; not "bring my kid's school records to the reno office" (the field office)."""


@functools.cache
def _school_words(language: str) -> frozenset[str]:
    """The words of `_SCHOOLS`, as words are said."""
    return frozenset(tokens(_SCHOOLS.get(language, _SCHOOLS["en"]), language, False))


@functools.cache
def _office_words(language: str) -> frozenset[str]:
    """The one-word phrases of `#office_place` ("office", "oficina"), as words are said."""
    said = (tokens(phrase, language, False) for phrase in CONCEPTS.get(language, CONCEPTS["en"])["office_place"])
    return frozenset(words[0] for words in said if len(words) == 1)


_BUSINESS_OFFICES: Final = {
    "en": "box ticket tickets leasing rental apartment apartments doctor doctor's doctors dentist dentist's dental "
          "medical clinic sheriff sheriff's realtor realty vet vet's vets veterinarian veterinary animal "
          "pharmacy pharmacy's",
    "es": "taquilla boletos doctor doctora dentista clinica consultorio rentas alquiler departamentos apartamentos "
          "sheriff veterinario veterinaria veterinarios farmacia",
}
"""Another business whose office one calls ("is this the box office", "the leasing office", "is this the vet's
office", "el consultorio del doctor", "la oficina de rentas", "la oficina del veterinario"): an office said right
beside one (`_BUSINESS_NEAR` words either side) is that business's, another place, not ours, as a school's office is
(`_school_office`)."""
_BUSINESS_NEAR: Final = 2
"""How near an office a business names it, not counting the links between (`_LINKS`): "the box office", "the
doctor's office", "la oficina de la veterinaria"; not "the office said to bring a doctor's letter" (the field
office)."""
_LINKS: Final = {"en": frozenset({"the", "a", "an", "of"}), "es": frozenset({"el", "la", "los", "las", "de", "del"})}
"""Words that link an office to its business and do not count in `_BUSINESS_NEAR` ("la oficina de la veterinaria")."""


@functools.cache
def _business_words(language: str) -> frozenset[str]:
    """The words of `_BUSINESS_OFFICES`, as words are said."""
    return frozenset(tokens(_BUSINESS_OFFICES.get(language, _BUSINESS_OFFICES["en"]), language, False))


def _school_office(said: list[str], language: str) -> bool:
    """Whether an office said is a school's or another business's: a school's word just before it or a few words
    after (`_SCHOOLS`), or a business's right beside it (`_BUSINESS_OFFICES`)."""
    schools, offices, businesses = _school_words(language), _office_words(language), _business_words(language)
    if any(word in offices and not schools.isdisjoint(said[max(0, at - _SCHOOL_BEFORE):at + _SCHOOL_AFTER + 1])
           for at, word in enumerate(said)):
        return True
    links = _LINKS.get(language, _LINKS["en"])
    bare = [word for word in said if word not in links]  # "la oficina de la veterinaria": the office beside it
    return any(word in offices and not businesses.isdisjoint(bare[max(0, at - _BUSINESS_NEAR):at + _BUSINESS_NEAR + 1])
               for at, word in enumerate(bare))


def _phrase_words(language: str) -> frozenset[str]:
    """Every word of the concept phrases, as words are said ("premium", "record", "arrival", …).  Kept in a plain dict
    a language: compiled, reading it is a native call and a look-up, where `functools.cache`'s wrapper made a generic
    call."""
    known = _PHRASE_WORDS.get(language)
    if known is None:
        known = _PHRASE_WORDS[language] = frozenset(
            word for entries in _table(language).values() for phrase, _ in entries for word in phrase)
    return known


_PHRASE_WORDS: Final[dict[str, frozenset[str]]] = {}


def _two_unknown(said: list[str], known: frozenset[str]) -> bool:
    """Whether two words in a row are outside `known`: what any join of `_unsplit` needs (a native loop when
    compiled, where `bytes(map(known.__contains__, said))` made a generic call a word)."""
    outside = False  # whether the word before is outside `known`
    for word in said:
        if word in known:
            outside = False
        elif outside:
            return True
        else:
            outside = True
    return False


def _unsplit(words: tuple[tuple[str, bool, str], ...], language: str) -> list[str]:
    """The words said, with a word of a concept phrase the recogniser split in two joined ("pre mium" -> "premium",
    "re cord" -> "record"): a piece of three letters or fewer, neither piece a word of the phrases, the join one."""
    known = _phrase_words(language)
    said = [word for word, _, _ in words]
    if not _two_unknown(said, known):
        return said
    out: list[str] = []
    i, last = 0, len(said) - 1
    while i < last:  # the cheap tests first: most pairs hold a word of the phrases
        if said[i] not in known and said[i + 1] not in known:
            first, second = words[i][2], words[i + 1][2]
            if (len(first) <= 3 or len(second) <= 3) and first.isalpha() and second.isalpha():
                joined = fold(first + second, language)
                if joined in known:
                    out.append(joined)
                    i += 2
                    continue
        out.append(said[i])
        i += 1
    if i == last:
        out.append(said[i])
    return out


_Start = tuple[tuple[tuple[int, dict[tuple[str, ...], str]], ...], frozenset[str], str | None]
"""What the scan needs of a word that starts concept phrases: (length, phrase -> concept) for each length of two
words or more, longest first; the second words of those phrases; the concept of the word alone (None if none)."""


def _starts(language: str) -> dict[str, _Start]:
    """`_table` for the scan: first token -> its `_Start`, so the longest phrase said from a word is one dict look-up
    per length (not a test per phrase), and none at all when the next word is no second word of its phrases (most:
    "my" starts dozens of phrases, "my fingers" none).  Kept in a plain dict a language, as `_phrase_words`."""
    starts = _STARTS.get(language)
    if starts is None:
        made: dict[str, _Start] = {}
        for first, entries in _table(language).items():
            sizes: dict[int, dict[tuple[str, ...], str]] = {}
            for phrase, concept in entries:  # longest first, and one concept a phrase: the first found is the one
                sizes.setdefault(len(phrase), {}).setdefault(phrase, concept)
            alone = sizes.pop(1, {}).get((first,))
            seconds = frozenset(phrase[1] for phrases in sizes.values() for phrase in phrases)
            made[first] = (tuple(sorted(sizes.items(), reverse=True)), seconds, alone)
        starts = _STARTS[language] = made
    return starts


_STARTS: Final[dict[str, dict[str, _Start]]] = {}


@functools.cache
def _family_court(language: str) -> str:
    """`_FAMILY_COURT` as the concepts compare words."""
    return fold(_FAMILY_COURT.get(language, _FAMILY_COURT["en"]), language)


_YOU: Final = {"en": "you your yours ya", "es": "usted ustedes ud uds"}
"""The line addressed (`_you`): its hours asked, whatever office is named beside them."""


@functools.cache
def _you(language: str) -> frozenset[str]:
    """`_YOU` as the concepts compare words."""
    return frozenset(tokens(_YOU.get(language, _YOU["en"]), language, False))


_MAIL_WORDS: Final = {"en": (), "es": ("correo", "correo electronico", "email", "mail")}
"""Words of a mail or an e-mail (`_mail_came`): with nothing else of `#not_arrived`, what came is the message."""
_RECEIVED: Final = {"en": frozenset(), "es": frozenset(tokens("recibi llego", "es", False))}
"""Words of receiving, as words are said ("me llegó" is said as "recibí")."""


_OPENING: Final = {"en": "open opens load loads work works", "es": "abre abren abrir carga cargar funciona funcionan sirve"}
"""What a link or a page does ("no me abre el enlace", "no carga la página"): a negation of it is the link's, not the
mail's (`_negated`)."""
_OPENING_NEAR: Final = 2


@functools.cache
def _opening(language: str) -> frozenset[str]:
    """The words of `_OPENING`, as words are said."""
    return frozenset(tokens(_OPENING.get(language, ""), language, False))


def _negated(said: list[str], language: str) -> bool:
    """Whether a negation is said (`_NOT`) of anything but a link or a page opening (`_OPENING`, within
    `_OPENING_NEAR` words after it: "me llegó un correo … pero no me abre el enlace" says the mail came)."""
    opening = _opening(language)
    return any(word in _NOT and opening.isdisjoint(said[at + 1:at + 1 + _OPENING_NEAR + 1])
               for at, word in enumerate(said))


def _mail_came(phrases: list[tuple[str, ...]], said: list[str], language: str) -> bool:
    """Whether `#not_arrived` was read only from a mail's words (`_MAIL_WORDS`) said as received (`_RECEIVED`) with no
    negation but of a link opening (`_negated`): "me llegó un correo que dice que aprobaron mi caso" and "… pero no
    me abre el enlace" are a message that came, no card or notice missing ("nunca me llegó el correo" still is)."""
    received = _RECEIVED.get(language, _RECEIVED["en"])
    if not received or received.isdisjoint(said) or _negated(said, language):
        return False
    mail = frozenset(tokens(phrase, language, False) for phrase in _MAIL_WORDS.get(language, ()))
    return set(phrases) <= mail


_RULED: Final = frozenset({
    _DECIDED, _PENDING, _NOT_ARRIVED, _COURT, _ICE, _NEED, _HOURS, _GOODS, _OTHERS, _BORDER, _HURRY, _GOING_THERE,
    _SOCIAL_SECURITY, _OFFICE_PLACE, _FAREWELL, _PRIORITY, _LOST, _TRIP, _LOST_ELSE, _MISSED, _SITE_ERROR, _COMBINED,
    _ADDRESS, _EXTRA_FEE, _DEAF,
})
"""The concepts the rules after `reading`'s scan read first: each rule there needs one of them found (or a USCIS form
or `_CAPPED` said), so a sentence naming none of them (nothing, or `#prints`, `#person`, `#us_city` alone…) is
read as its scan found it, without trying ~35 rules that each test a concept absent.  A new rule that needs no
concept of these must add its own to this set (`tests/understanding/test_fast_paths.py` reads every held utterance
with and without this shortcut)."""
_NONE: Final[frozenset[str]] = frozenset()


_UNLISTED: Final = {
    "en": re.compile(r"\b(?:my name |me |us |her |him |them |i )?(?:is |am |are |was |were )?not (?:on|in) "
                     r"(?:\w+ ){0,2}(?:list|schedul)\b"),
    "es": re.compile(r"\b(?:mi nombr |su nombr )?no (?:aparezc|aparec\w*|esta|estoy|estamos|sal\w*) en "
                     r"(?:\w+ ){0,2}(?:list|agend)\b"),
}
"""Someone not found on an office's list for the day, as words are said ("my name isn't on today's list", "i'm not
on the schedule", "no aparezco en la lista", "mi nombre no está en la lista"): said at one of our offices
(`#office_place`), an appointment there not found on the day, whose words (the name, the negation) say no error to
fix nor anything missing."""
_NAMES: Final = frozenset({"name", "nombr"})


def _unlisted(said: list[str], language: str) -> frozenset[str]:
    """The words of someone not found on an office's list (`_UNLISTED`), with the name whose it is, or none."""
    found = _UNLISTED.get(language, _UNLISTED["en"]).search(" ".join(said))
    if found is None:
        return frozenset()
    return frozenset(found.group().split()) | _NAMES.intersection(said)


def _unruled(found: dict[str, None], said: list[str]) -> bool:
    """Whether no rule after `reading`'s scan can change what it found: none of `_RULED` found, no USCIS form
    (`_form_sought`) nor capped visa (`_CAPPED`) said (one pass: `_form_said`)."""
    return found.keys().isdisjoint(_RULED) and not _form_said(said, capped=True)


@per_sentence(16384)
def reading(text: str, language: str, places: bool = True) -> tuple[tuple[str, ...], frozenset[str]]:
    """The concepts `text` names (`concepts`) and its words they read otherwise (`unsaid`), read at once."""
    starts = _starts(language)
    words = marked(text, language, places)
    said = _unsplit(words, language)
    found: dict[str, None] = {}
    heard: dict[str, list[tuple[str, ...]]] = {}  # concept -> the phrases of it said
    picked: frozenset[str] = frozenset()  # "pick up" said of the phone (`_picked_up_phone`)
    requested: frozenset[str] = frozenset()  # a need's request decided (`_NEED_ASKED`)
    opened = False  # whether `#hours` was named by "open" or "closed" alone (`_OPEN_SHUT`)
    said_as = tuple(said)
    i, end = 0, len(said)
    while i < end:
        word = said[i]
        if word.isdigit() and not is_year(word):
            long_units, short_units = _units(language)
            unit = said[i + 1] if i + 1 < end else ""  # "nineteen months", not "a five year old" nor "a ten year card"
            if unit and (i + 2 == end or said[i + 2] not in _AGE) and (unit in long_units or unit in short_units):
                found[MARK + ("months" if unit in long_units else "days")] = None
            elif i and said[i - 1] in _clock_cues(language) and _clock(word):
                found[_HOURS] = None  # "after four thirty", "antes de las cinco"
        step = 1
        start = starts.get(word)
        if start is not None:  # the longest phrase said from here
            longer, seconds, alone = start
            concept, size = None, 1
            if i + 1 < end and said[i + 1] in seconds:
                for size, phrases in longer:
                    phrase = said_as[i:i + size]
                    concept = phrases.get(phrase)
                    if concept is not None:
                        break
            if concept is None and alone is not None:
                concept, size, phrase = alone, 1, said_as[i:i + 1]
            if concept is not None:
                if concept == _IN_US and _NOT.intersection(said[max(0, i - 3):i]):  # "I'm not in the US"
                    pass
                elif concept == _ADDRESS and _thing_moved(said, i + size, phrase, language):
                    pass  # "can i move it to another week", "i moved my appointment": a date moved, no home
                elif concept == _NEED and i and said[i - 1] in _holidays(language) and set(phrase) <= _breaks(language):
                    pass  # "spring break", "winter break": a time off, no rest asked at an appointment
                elif concept not in _GOING_ON or (said[i + size] if i + size < end else "") not in _GOING_ON[concept]:
                    # "have to go to my cousin's" is no farewell
                    if concept == _HOURS:
                        opened = (opened or _HOURS not in found) and set(phrase) <= _open_shut(language)
                    found[concept] = None
                    heard.setdefault(concept, []).append(phrase)
                step = size
        i += step
    if _unruled(found, said):
        return tuple(found), _NONE  # most sentences: no rule below has what it reads (`_RULED`)
    if _NOT_ARRIVED in found and _mail_came(heard[_NOT_ARRIVED], said, language):
        del found[_NOT_ARRIVED]  # "me llegó un correo que dice que aprobaron mi caso": a mail that came, none missing
    if _DECIDED in found and _NOT_ARRIVED in found and (not _CARDS.isdisjoint(found) or not _CARD_WORDS.isdisjoint(said)
                                                        or not _NOTICE_WORDS.isdisjoint(said) and not _NEVER.isdisjoint(said)):
        del found[_DECIDED]  # "they approved my card and the post office has no record of it": a card that never came
    if _NOT_ARRIVED in found and _BORDER in found and set(heard[_NOT_ARRIVED]) <= _said_as("turned_back", language) \
            and _CARD_WORDS.isdisjoint(said) and _CARDS.isdisjoint(found):
        del found[_NOT_ARRIVED]  # "a mi cuñado lo regresaron en la frontera": turned back at the border, no mail
    if _family_court(language) in said and not _COURTS.isdisjoint(found):
        found = dict.fromkeys(concept for concept in found if concept not in _COURTS)
    if _NEED in found and _DECIDED in found and set(heard[_DECIDED]) <= _said_as("passed_through", language):
        del found[_DECIDED]  # "a pacemaker, he can't go through the metal detector": a door, no decision
    if _NEED in found and not STATUS.isdisjoint(found) and _CARDS.isdisjoint(found) and \
            not _need_asked(language).isdisjoint(said) and _CASE_NOUNS.isdisjoint(plain for _, _, plain in words):
        # "pedí una silla de ruedas para mi entrevista y nadie me dice si me la aprobaron": the request's decision,
        # whose words say nothing of the case
        requested = frozenset(word for concept in STATUS for phrase in heard.get(concept, ()) for word in phrase)
        found = dict.fromkeys(concept for concept in found if concept not in STATUS)
    if _COURT in found and _OFFICE_PLACE in found and _our_office(said, heard[_OFFICE_PLACE], language) and \
            not _booked(language).isdisjoint(said):
        del found[_COURT]  # "the judge granted my asylum, how do i get an appointment at the uscis office": context
    if _COURT in found and not STATUS.isdisjoint(found) and _CARDS.isdisjoint(found):
        # "did the judge's decision come out": the court's, no case status of ours
        found = dict.fromkeys(concept for concept in found if concept not in STATUS)
    if heard.get(_HOURS) and set(heard[_HOURS]) <= _said_as("day_times", language) and \
            (not _booked(language).isdisjoint(said) or _FAREWELL in found):
        del found[_HOURS]  # "an appointment at the uscis office tomorrow morning": when it is set, not our hours
        # or, beside a farewell, when the caller calls back ("i'll call again in the morning")
    if _GOODS in found and _PRINTS in found and set(heard[_GOODS]) <= _said_as("print_tools", language):
        del found[_GOODS]  # "do they still use ink for the prints or one of those glass scanners": how prints are taken
    if _GOODS in found:  # a purchase is an errand too, and its own concept (`understanding.ELSEWHERE_CONCEPTS`)
        found[_ERRAND] = None
    if _HOURS in found and _another_place([plain for _, _, plain in words], language):
        # "is the community pool on main street open today", "is my kid's school closed": another place's hours
        found[_ERRAND] = found[OTHER_PLACE] = None
    if opened and not _CASE_NOUNS.isdisjoint(plain for _, _, plain in words):
        # "is my dad's petition still open", "la petición de mi papá todavía está abierta": the case's state
        found = {(_PENDING if concept == _HOURS else concept): None for concept in found}
    if _PENDING not in found and _form_sought(said) and found.keys().isdisjoint(_NOT_SOUGHT):
        found[_PENDING] = None  # "look up where my i one oh two is at": the form's progress
    if _OTHERS in found and _WAITED.isdisjoint(found) and _together([plain for _, _, plain in words], language):
        del found[_OTHERS]  # "my wife and i filed the same day, she got her oath letter": a status, no wait said
    if _DECIDED in found and _through_the_call(said, heard[_DECIDED], language):
        del found[_DECIDED]  # "i don't wanna go through all these menus": the call's menus, no decision
    if _ICE in found and _PERSON in found and _picked_up_phone(said, heard[_ICE], language):
        del found[_ICE]  # "can somebody just pick up": a person answering, no arrest
        picked = frozenset( frozenset(word for phrase in heard[_ICE] for word in phrase))
    if _EXTRA_FEE in found:  # "pay the extra fee so they decide in two weeks": Premium Processing described
        del found[_EXTRA_FEE]
        if not _BOUGHT_SPEED.isdisjoint(found):
            found = dict.fromkeys(concept for concept in found if concept not in _BOUGHT_SPEED)
            found[_PREMIUM] = None
    if _ADDRESS in found and GENERAL_INFO in found and set(heard[GENERAL_INFO]) <= _said_as("sent_where", language):
        del found[GENERAL_INFO]  # "we moved, where do i send my new address": the change of address
    addressed: frozenset[str] = frozenset()
    if _ADDRESS in found and _CONSULATE in found and _place_addressed(said, heard[_ADDRESS], language):
        del found[_ADDRESS]  # "do you know the address for the consulate": a place's address asked, no home moved
        addressed = frozenset(word for phrase in heard[_ADDRESS] for word in phrase)
    status = not STATUS.isdisjoint(found)
    if _BORDER in found and status and any(_FORM.fullmatch(word) and word not in _CBP_FORMS for word in said):
        del found[_BORDER]  # "where my i one oh two for a replacement arrival record is at": our form's status
    if _HURRY in found and status and set(heard[_HURRY]) <= _said_as("expiry", language) and \
            not _ASKED_IF.get(language, _ASKED_IF["en"]).isdisjoint(said):
        del found[_HURRY]  # "find out if my petition went through cause my card expires": why the status is asked
    going = _GOING_THERE in found and _HURRY in found
    away = _abroad_words(language) if going else frozenset()
    if going:
        found.pop(_ABROAD, None)  # "my travel paperwork sped up so i can be there": where one goes
    found.pop(_GOING_THERE, None)
    away |= picked | requested | addressed
    if _COURT in found and _CARDS.isdisjoint(found):
        # "el juez de inmigración cerró mi caso administrativamente": the court's case, no case of ours
        away |= _court_case(language).intersection(said)
    if _FIX_ERROR in found and _BORDER in found and not _CBP_FORMS.isdisjoint(said) and \
            not any(_FORM.fullmatch(word) and word not in _CBP_FORMS for word in said):
        # "my i ninety four says d s instead of a date, does it need fixing": CBP's record, whatever looks wrong on it
        del found[_FIX_ERROR]
        away |= frozenset(word for phrase in heard[_FIX_ERROR] for word in phrase)
    if _BORDER in found and not _said_as("border_cards", language).isdisjoint(heard[_BORDER]):
        # "how do i renew my sentri card", "my sentri pass expires": CBP's trusted-traveler card, whose renewal, expiry
        # and card words are CBP's, no green card renewed nor hurry asked of ours
        away |= _card_words(language).intersection(said) | _words_of("card_pass", language).intersection(said)
        for concept, table in ((_GREEN_CARD, "renewing"), (_HURRY, "expiry")):
            if concept in found and set(heard[concept]) <= _said_as(table, language):
                away |= frozenset(word for phrase in heard[concept] for word in phrase)
                del found[concept]
    if _BORDER in found and not _said_as("entry_proof", language).isdisjoint(heard[_BORDER]):
        # "the officer never stamped my passport, how do i get proof of the date i came in": the stamp at the border
        away |= _words_of("entry_stamp", language).intersection(said)
    if _NEED in found and _WHERE_NEEDED.isdisjoint(found) and set(heard[_NEED]) <= _said_as("signing", language) and \
            not _sign_line(language).isdisjoint(said):
        del found[_NEED]  # "a video line where i can sign to an agent": the accessible line
        found[_DEAF] = None
        away |= _signing_words(language)
    if _SOCIAL_SECURITY in found and not _SOUGHT.get(language, _SOUGHT["en"]).isdisjoint(said):
        # "my work permit came, how do i get a social security number": the card is why the number is sought
        found = dict.fromkeys(concept for concept in found if concept not in _CARDS and concept != _NOT_ARRIVED)
        away |= _card_words(language)
    if _PRINTS in found and _BORDER in found and set(word for phrase in heard[_PRINTS] for word in phrase) <= \
            _printing_words(language):
        # "how do i print out my i ninety four", "imprimir mi registro de entrada": the record printed, no fingerprints
        del found[_PRINTS]
        away |= _printing_words(language)
    if _OFFICE_PLACE in found and STATUS.isdisjoint(found) and _school_office(said, language):
        # "is this the high school office i need my transcript", "la oficina de la secundaria": a school's office
        del found[_OFFICE_PLACE]
        found[_ERRAND] = found[OTHER_PLACE] = None
        away |= _office_words(language)
    if _OFFICE_PLACE in found and STATUS.isdisjoint(found):
        # "the guard at the field office says my name isn't on today's list": an appointment there not found on the
        # day (the field office's line), no name to fix nor notice missing
        away |= _unlisted(said, language)
    if _FAREWELL in found:  # "that's what i needed to hear", "qué bueno oír eso": gladness, no court hearing
        away |= _hearing_words(language).intersection(word for phrase in heard[_FAREWELL] for word in phrase)
        # "i'll try again tomorrow", "vuelvo a marcar": leaving the call, no repeat asked
        away |= _repeat_words(language).intersection(word for phrase in heard[_FAREWELL] for word in phrase)
        if _HOURS not in found:  # "i'll call again in the morning", "vuelvo a llamar mañana": when one calls back
            times = (phrase for phrase in heard.get(_HOURS, ()) if phrase in _said_as("day_times", language))
            away |= _call_back_words(language).union(word for phrase in times for word in phrase)
    if _PERSON in found and _HOURS in found and not _said_as("hours_asked", language).isdisjoint(heard.get(_HOURS, ())):
        # "what hours can i get a live person", "qué horario tienen para hablar con un agente": our hours
        away |= frozenset(word for phrase in heard[_PERSON] for word in phrase)
    if not _CAPPED.isdisjoint(said):  # "my h two b petition after the lottery": the cap lottery, no lottery ticket
        away |= _lottery_words(language).intersection(said)
    if _HURRY in found and not _LINES.isdisjoint(found) and _line_asked(said, language):
        del found[_HURRY]  # "need immigration help quick is there a number for troops": the military line
    if status and GENERAL_INFO in found and _form_named(said):
        # "what's going on with my i six twelve waiver for the two year home requirement": the form's status, the
        # requirement is its name
        del found[GENERAL_INFO]
    if GENERAL_INFO in found and _HURRY in found and not _OWN_CASE.get(language, _OWN_CASE["en"]).isdisjoint(said):
        # "wants to see me become a citizen, can you move my case up": speed asked of the caller's own case, no
        # question of how to apply
        del found[GENERAL_INFO]
    if _HOURS in found and _OFFICE_PLACE in found and _our_office(said, heard[_OFFICE_PLACE], language) and \
            not _booked(language).isdisjoint(said) and _you(language).isdisjoint(said):
        # "is the field office open on weekends for interviews": the office's days for an appointment there, not this
        # line's hours ("are you open on saturday, i have questions about the local office" asks this line's; "what
        # days is the local office open", with no appointment, stays as the examples teach it, our hours)
        del found[_HOURS]
        away |= frozenset(word for phrase in heard.get(_HOURS, ()) for word in phrase)
    if _PRIORITY in found:
        own = status and (not _CARDS.isdisjoint(found) or not _OWN_CASE.get(language, _OWN_CASE["en"]).isdisjoint(said))
        found = {(_CONSULATE if concept == _PRIORITY else concept): None for concept in found
                 if not (own and concept == _PRIORITY)}
    if _LOST in found or _TRIP in found or _LOST_ELSE in found:
        lost_card = _LOST in found and _SOMEWHERE.isdisjoint(found) and not status and (
            not _CARDS.isdisjoint(found) or not _CARD_WORDS.isdisjoint(said))
        found = dict.fromkeys(concept for concept in found if concept not in (_LOST, _TRIP, _LOST_ELSE))
        if lost_card:
            found[LOST_CARD] = None
    if _NEED in found and _DEAF not in found and set(heard[_NEED]) <= _said_as("interpreting", language) and \
            _language_spoken([plain for _, _, plain in words], language):
        del found[_NEED]  # "ella habla puro mixteco, ¿ahí le ponen intérprete?": a spoken language's interpreter
    if _DEAF in found and _NEED in found and _WHERE_NEEDED.isdisjoint(found):
        del found[_NEED]  # "i'm deaf and my interpreter is voicing this call": the TTY line, not an appointment's need
    if _DEAF in found and not _WHERE_NEEDED.isdisjoint(found) and set(heard[_DEAF]) <= _said_as("hearing_loss", language):
        del found[_DEAF]  # "no oye bien y necesita que le hablen fuerte en la entrevista": the appointment's need
        found[_NEED] = None
    if _NEED in found and not _WHERE_NEEDED.isdisjoint(found):
        found = dict.fromkeys(concept for concept in found if concept not in _WHERE_NEEDED)
    missed = _MISSED in found or _COMBINED in found and _PRINTS in found
    if missed or _SITE_ERROR in found or _COMBINED in found:
        found = dict.fromkeys(concept for concept in found if concept not in (_MISSED, _SITE_ERROR, _COMBINED))
    if status and not missed:
        return tuple(concept for concept in found if concept not in _KINDS), away
    return tuple(found), away


_WHOSE = {"en": ("my", "our", "his", "her", "their"), "es": ("mi", "mis", "su", "sus", "nuestro", "nuestra")}
_OUR_THINGS = {
    "en": ("case", "file", "application", "petition", "card", "green card", "work permit", "receipt", "work card",
           "ead", "employment authorization", "residency", "citizenship", "naturalization", "prints", "fingerprints",
           "biometrics", "bio metrics", "bio metric", "finger prints", "photo", "waiver", "asylum", "asylum case",
           "asylum application", "refugee status", "daca",
           "tps", "adjustment", "removal of conditions", "u visa", "t visa"),
    "es": ("caso", "solicitud", "peticion", "tarjeta", "mica", "green card", "permiso", "recibo", "residencia",
           "ciudadania", "naturalizacion", "tarjeta de trabajo", "huellas", "biometricos", "bio metricos", "foto",
           "waiver", "asilo",
           "caso de asilo", "solicitud de asilo", "daca", "tps", "ajuste", "ajuste de estatus", "visa u", "visa t"),
}
_A_CARD = {  # a card an employer asks to see is the caller's own, said with an article
    "en": ("a work permit", "a green card", "a work card", "an ead", "an employment authorization", "the work permit",
           "the green card", "the ead"),
    "es": ("un permiso de trabajo", "una green card", "la green card", "el permiso de trabajo", "una tarjeta de trabajo",
           "la tarjeta de residencia", "una mica", "la mica", "la tarjeta verde", "una tarjeta verde"),
}
_SPONSORED = {  # an employer or a relative who filed for the caller: the filing is the caller's own case
    "en": ("sponsor me", "sponsoring me", "sponsored me", "sponsor for me", "filed for me", "filed papers for me",
           "filed the papers for me", "filed paperwork for me", "petitioned for me", "petition for me",
           "put in papers for me", "put in the papers for me",
           # the caller's business filed for its worker: the petition is the business's case with us (round 15)
           "we filed a petition", "we filed the petition", "we sent a petition", "we sent in a petition",
           "we submitted a petition", "we put in a petition"),
    "es": ("me patrocina", "me patrocino", "patrocinarme", "me esta patrocinando", "me quiere patrocinar",
           "me van a patrocinar", "metio papeles por mi", "metieron papeles por mi", "metio los papeles por mi",
           "metieron los papeles por mi", "arreglarme los papeles", "arreglarme papeles", "me arreglen los papeles",
           "me arregle los papeles", "me pidio", "me pidieron",
           # the caller's business filed for its worker: the petition is the business's case with us (round 15)
           "mandamos una peticion", "metimos una peticion", "presentamos una peticion", "enviamos una peticion",
           "sometimos una peticion", "hicimos una peticion", "mandamos la peticion", "metimos la peticion",
           "presentamos la peticion", "enviamos la peticion"),
}
_WHICH_ONE = {  # a word between the possessive and the thing that says which one: still the caller's own
    "en": ("new", "old", "current", "renewed", "replacement", "expired", "latest", "first", "second", "last"),
    "es": ("nuevo", "nueva", "viejo", "vieja", "ultimo", "ultima", "primer", "primera", "segundo", "segunda"),
}
OURS_SAID: dict[str, tuple[str, ...]] = {
    language: (*(f"{whose} {thing}" for whose in _WHOSE[language] for thing in _OUR_THINGS[language]), "uscis",
               *_A_CARD[language], *_SPONSORED[language],
               *(("receipt number", "case number") if language == "en" else ("numero de recibo", "numero de caso")))
    for language in ("en", "es")
}
"""How a caller says the sentence is about their own (or a relative's) case with USCIS ("my case", "his work permit", a
receipt): any of `_WHOSE` with any of `_OUR_THINGS` (and, in `_ours`, with a word of `_WHICH_ONE` between: "my new
work permit has my name wrong and the dmv won't take it", the caller's card, the DMV where it was refused), or a card
said with an article (`_A_CARD`: "the hotel that hired me wants to see a work permit" is the caller's card, not the
hotel's business), or one filed for by another (`_SPONSORED`: "the restaurant i cook at filed papers to sponsor me",
"mi patrón me está patrocinando": the employer is who filed, not the business called about). Read only by
`about_ours`, never a feature (taught as one, "my case" leaned to service requests and cost the corpus)."""


_Trie = dict[str, "_Trie"]
"""A character -> the trie of what may follow it ("" -> {}: a phrase ends here)."""


def alternation(phrases: Iterable[str]) -> str:
    """A regular expression matching exactly `phrases`, as a trie of their characters ("my (?:case|file)" for "my
    case", "my file"): what an alternation of every phrase matches, the longest first where phrases share a start,
    but the engine tries each character once at a place instead of every phrase (a plain alternation of `OURS_SAID`
    took ~13 µs a sentence, this ~2)."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: _Trie) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")  # greedy: the longer phrase first

    return pattern(trie)


@functools.cache
def _ours(language: str) -> re.Pattern[str]:
    """`OURS_SAID` on word boundaries, and a possessive with a word of `_WHICH_ONE` before one of `_OUR_THINGS` ("my
    new work permit"), compiled once (at the first sentence read, not at import)."""
    which = (rf"(?:{alternation(_WHOSE[language])}) (?:{alternation(_WHICH_ONE[language])}) "
             rf"(?:{alternation(_OUR_THINGS[language])})") if language in _WHICH_ONE else ""
    ours = alternation(OURS_SAID.get(language, OURS_SAID["en"]))
    return re.compile(rf"\b(?:{ours}{'|' + which if which else ''})\b")


@per_sentence()
def about_ours(text: str, language: str) -> bool:
    """Whether `text` says it is about the caller's own case with USCIS (`OURS_SAID`), read as written: not stemmed,
    since Snowball stems "mi casa" as "mi caso"."""
    plain = text.lower()
    if not plain.isascii():  # ASCII has no accents to drop (its NFKD is itself)
        plain = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    return _ours(language).search(plain) is not None


_HIGHER = {
    "en": ("boss", "superior", "someone higher up", "somebody higher up", "someone above you", "somebody above you",
           "person above you", "someone in charge", "somebody in charge", "person in charge", "whoever is in charge",
           "whoever's in charge", "whoevers in charge"),
    "es": ("jefe", "jefa", "superior", "alguien de mas arriba", "alguien de más arriba", "alguien mas arriba",
           "alguien más arriba", "alguien de mayor rango", "alguien de mas rango", "alguien de más rango",
           "persona a cargo", "alguien a cargo", "alguien que este a cargo", "alguien que esté a cargo",
           "quien este a cargo", "quien esté a cargo", "quien está a cargo", "quien esta a cargo"),
}
"""Someone above the one who answers, asked for by what they are rather than by title ("quiero hablar con alguien de
más arriba", "let me talk to your boss"): a supervisor (`_TOPPED`; issue 16, the s2 round); or by being in charge
("whoever is in charge", "la persona a cargo": the s4 round)."""
_PEOPLE = {
    "en": ("representative", "representatives", "rep", "agent", "person", "human", "human being", "operator",
           "supervisor", "manager", "customer service", *_HIGHER["en"]),
    "es": ("representante", "agente", "persona", "operador", "operadora", "asesor", "asesora", "humano",
           "supervisor", "supervisora", "gerente", "encargado", "encargada", *_HIGHER["es"]),
}
"""Who a caller asks for by name (`person_asked`): not "someone" ("i need someone to fix my address" asks for a fix)."""
_ASKING = {
    "en": (r"(?:talk|speak|chat) (?:to|with)", r"(?:transfer|connect|put) me (?:to|with|through to|through)",
           r"(?:i want|i need|i'd like|id like|i would like|i wanna|give me|get me|can i get|can i have|may i have|"
           r"let me have|can you get me|i'd rather have|id rather have|i would rather have)",
           r"(?:complaint|complaints|complain|grievance) (?:to|with|for)"),
    "es": (r"(?:hablar|comunicarme|platicar) con", r"(?:p[aá]seme|p[aá]same|comun[ií]queme|comun[ií]came|"
           r"transfi[eé]rame|con[eé]cteme|con[eé]ctame) con",
           r"(?:quiero|necesito|me da|deme|d[eé]me|me pasa con|me comunica con)",
           r"(?:queja|quejas|quejarme|reclamo|reclamaci[oó]n|denuncia) (?:con|a|al|ante|para)",
           r"(?:p[oó]ngame|p[oó]nganme|p[aá]seme|p[aá]same|p[aá]senme) (?:a|al)"),
}
"""The words of asking for someone (`person_asked`): in the present, to be put through ("talked to an agent" is none);
a complaint made to someone is asking for them ("i want to file a complaint with a supervisor", "quiero poner una
queja con el supervisor": the s3 round); someone wanted to see to it ("quiero que el encargado vea mi caso", "que me
atienda la persona a cargo": the s4 round)."""
_SEEING_TO = {"en": r"(?:i want|i need|i'd like|id like)", "es": r"(?:(?:quiero|necesito) que|que (?:me |lo |la |nos )?"
              r"(?:atienda|vea|revise|resuelva))"}
"""Someone wanted to see to it ("quiero que el encargado vea mi caso", "que me atienda la persona a cargo"): asked for
only of someone above (`_TOPPED`), so "quiero que me atienda una persona" stays as the s3 round read it."""
_HANDLE = r"(?:to )?(?:handle|look at|look into|take care of|deal with|take over|check on)"
"""Someone above asked to see to the call ("a manager to handle this", "can the person above you handle my case"):
a supervisor asked for (`person_asked`, topped people only; the s4 round)."""
_TELLING = {"en": r"(?:tell|let|inform|warn|report (?:this|it|that) to|complain to)",
            "es": r"(?:decirle|avisarle|contarle|informarle|reportarle|quejarme con|reportarlo con)(?: a)?"}
_PUT_ON = r"(?:put|get|bring) (?:me )?"
"""Someone put on the line ("put a supervisor on please", "get a manager on the phone"; the s6 round): asked for, with
`_ON_THE_LINE` after them, whoever the caller speaks of after ("the last agent promised me a call")."""
_ON_THE_LINE = r" on\b"
"""Someone above to be told something ("i want to tell a supervisor how rude the agent was", "quiero decirle a un
supervisor lo mal que me atendieron"): a supervisor asked for (`person_asked`, topped people only; the s5 round)."""
_FILLERS = {"en": r"(?:(?:um|uh|hi|hello|yes|yeah|ok|okay|so|just|hey|a|an|the|live|real|actual) )*",
            "es": r"(?:(?:eh|este|hola|sí|si|bueno|pues|un|una|el|la|con) )*"}
_PLEASE = {"en": r"(?:please|now|right now|$)", "es": r"(?:por favor|ya|ahora|$)"}
_BROUGHT = r"(?:de apoyo|que me acompa[nñ]e|with me|to come with|to go with|to help me at)"
"""A person brought to an appointment, not asked for on the line ("necesito una persona de apoyo en mi entrevista")."""
_WHEN = re.compile(r"\b(?:when|what time|what hours|how late|until when|cu[aá]ndo|a qu[eé] hora|hasta qu[eé] hora)\b")
"""When a person can be reached asked (`person_asked`): the hours, no request ("when can i talk to a representative")."""
_ANYONE = re.compile(r" (?:or|o) (?:any|some|alguien|cualquier)")
"""A supervisor "or anybody": whoever answers, a representative."""
_OF_A_THING = re.compile(r" (?:of|de|del)\b")
"""Someone in charge "of" a thing ("whoever is in charge of my ankle monitor"): that thing's handler, not a supervisor."""
_TOPPED = frozenset({"supervisor", "supervisora", "manager", "gerente", "encargado", "encargada", *_HIGHER["en"],
                     *_HIGHER["es"]})


def _said_plain(text: str) -> str:
    """`text` lower-cased, its words one space apart, as the person rules read it.  For ASCII text that is
    `plain_said`'s, kept per sentence and the string the rules' gates last read, not made again by each rule."""
    return plain_said(text) if text.isascii() else " ".join(text.lower().split())


@functools.cache
def _person_asked(language: str) -> tuple[Prefiltered, ...]:
    """`person_asked`'s pattern, its branches apart, each behind its own gate: a person named after a word of asking,
    or first with "please" (`_PLEASE`), or alone; someone above to see to it, to be told, or put on the line.  Each
    holds one group, the person.  A sentence naming a person is searched only with the branches whose strings it
    holds (`_first`), where their alternation tried every branch at every word (some 12 µs a sentence)."""
    people = alternation(_PEOPLE.get(language, _PEOPLE["en"]))
    topped = alternation(word for word in _PEOPLE.get(language, _PEOPLE["en"]) if word in _TOPPED)
    asking = "|".join(_ASKING.get(language, _ASKING["en"]))
    seeing_to = _SEEING_TO.get(language, _SEEING_TO["en"])
    telling = _TELLING.get(language, _TELLING["en"])
    article = r"(?:(?:a|an|the|your|some|one of your|un|una|el|la|algún|alguna|su) )?(?:(?:live|real|actual) )?"
    fillers, please = _FILLERS.get(language, _FILLERS["en"]), _PLEASE.get(language, _PLEASE["en"])
    return tuple(prefiltered(branch) for branch in (
        rf"\b(?:{asking}) {article}({people})\b(?! {_BROUGHT})", rf"^{fillers}({people}) {please}",
        rf"^{fillers}({people})$", rf"\b{article}({topped}) {_HANDLE}\b", rf"\b{seeing_to} {article}({topped})\b",
        rf"\b{telling} {article}({topped})\b", rf"\b{_PUT_ON}{article}({people}){_ON_THE_LINE}"))


def _first(branches: tuple[Prefiltered, ...], text: str) -> re.Match[str] | None:
    """The match the alternation of `branches` finds in `text`: the leftmost, and of those starting at one place the
    first branch's (the engine tries an alternation's branches in order at each place, each as it would alone)."""
    first: re.Match[str] | None = None
    for branch in branches:
        found = branch.search(text)
        if found is not None and (first is None or found.start() < first.start()):
            first = found
    return first


@functools.cache
def _person_named(language: str) -> Prefiltered:
    """A person `person_asked` reads named at the start of a word: every branch of `_person_asked` holds one there, so a
    sentence without one asks for no one (one gate for the seven: `tests/understanding/test_step_shortcuts.py`)."""
    return prefiltered(rf"\b(?:{alternation(_PEOPLE.get(language, _PEOPLE['en']))})")


_PUT_THROUGH_TO_SOMEONE = {
    "en": re.compile(r"\b(?:transfer|connect|put) me (?:to|with|through to|through to) (?:someone|somebody|anyone|anybody)"
                     r"\b(?! (?:who|that|to|at|in|from) )|\b(?:can|could|would|will) (?:someone|somebody|anyone|anybody) "
                     r"(?:(?:live|real|there|please) )?(?:sort|straighten|figure) (?:that|it|this) out\b"),
    "es": re.compile(r"\b(?:p[aá]seme|p[aá]same|comun[ií]queme|comun[ií]came|transfi[eé]rame|con[eé]cteme|con[eé]ctame) "
                     r"con alguien\b(?! (?:que|de|del|en|para) )|\b(?:puede|podria|pueden) alguien (?:de ustedes )?"
                     r"(?:arreglar|resolver|solucionar)(?:me)?(?:lo|la|eso)?\b|\b(?:quiero|necesito|ocupo|quisiera|me "
                     r"gustaria) que (?:(?:un|una|algun|alguna) (?:agente|representante|persona|operador\w*)|alguien) "
                     r"(?:me |le )?(?:confirme|revise|verifique|cheque|chequee|asegure)\b|\b(?:alguien|una "
                     r"persona|un ser humano|un humano) de carne y hueso\b|\b(?:quiero|necesito|ocupo|quisiera|me "
                     r"gustaria) que me (?:conteste|atienda|hable) (?:alguien|una persona|un humano|un ser humano)\b"),
}
"""Being put through to someone, no one named ("mejor comuníqueme con alguien", "just connect me to someone"): a
person asked, whatever option word the caller says first ("yo ni sé qué es eso de solicitud de servicio": the s9
round).  Not someone who does a thing ("transfer me to someone who handles addresses" names its errand).  Someone
asked to sort out what the caller told ("… can somebody sort that out", "¿puede alguien arreglarlo?") is a person
asked too: no option of a submenu sorts a thing out (the submenus' round 13); someone "de carne y hueso", or someone
wanted to answer ("quiero que me conteste alguien": round 15)."""


_SOMEONE_SAID = {
    "en": ("someone", "somebody", "anyone", "anybody"),
    "es": ("alguien", "persona", "humano", "agente", "representante", "operador"),
}
"""Every branch of `_PUT_THROUGH_TO_SOMEONE` says one of these: a sentence holding none (as a substring) is put
through to no one, without a search (`tests/understanding/test_step_shortcuts.py`)."""


_AVAILABLE = {
    "en": r"\b(?:is|are) (?:there )?(?:(?:a|an|any|some|your|one of your) )?(?:(?:live|real|actual) )?({people}) "
          r"(?:(?:i can (?:talk|speak) (?:to|with))|available|around|free|on duty|in)\b",
    "es": r"\b(?:(?:hay|habra|esta|estara) (?:(?:un|una|algun|alguna|el|la|su) )?({people}) "
          r"(?:disponible|libre|con quien)|"
          r"(?:mejor|prefiero|quisiera|ojala) que me (?:atienda|conteste|ayude) (?:(?:un|una|algun|alguna|el|la|su) )?"
          r"({people}))\b",
}
"""Someone asked after by whether they are there ("is there a supervisor available i have a complaint", "mejor que
me atienda un agente porque …"): asked for, in a submenu of a line (`understanding.Model._person_asked`; round 16:
both went unread, the complaint and the requests put in read as none)."""
@functools.cache
def _available(language: str) -> Prefiltered:
    people = alternation(_PEOPLE.get(language, _PEOPLE["en"]))
    return prefiltered(_AVAILABLE.get(language, _AVAILABLE["en"]).replace("{people}", people))


def person_available(text: str, language: str) -> str | None:
    """The person global asked after by whether one is there (`_AVAILABLE`): "supervisor" for someone above
    (`_TOPPED`), "representative" for anyone else, or None."""
    plain = _said_plain(text)
    found = _available(language).search(plain)
    if found is None:
        return None
    said = next(group for group in found.groups() if group)
    return "supervisor" if said in _TOPPED else "representative"


def put_through_to_someone(text: str, language: str) -> bool:
    """Whether the caller asks to be put through to someone, no one named (`_PUT_THROUGH_TO_SOMEONE`): read in the
    submenus of a line (`understanding.Model._person_asked`), so the main menu's outcomes do not move."""
    plain = _said_plain(text)
    if not any(word in plain for word in _SOMEONE_SAID.get(language, _SOMEONE_SAID["en"])):
        return False  # most sentences: no one to be put through to (substrings found in C)
    return _PUT_THROUGH_TO_SOMEONE.get(language, _PUT_THROUGH_TO_SOMEONE["en"]).search(plain) is not None


def person_asked(text: str, language: str) -> str | None:
    """The global a caller asks for in so many words: "supervisor" for a supervisor or a manager, "representative" for
    anyone else ("representative please, i already tried the website", "i want to talk to a person about my case",
    "quiero hablar con un agente"), or None when a person is only mentioned ("a representative told me last week my
    case was approved", "i talked to an agent yesterday").  Issue 16: global intents work "from anywhere … in every
    menu in both languages": what else the caller says of why does not take the request away."""
    plain = _said_plain(text)
    if _person_named(language).search(plain) is None:  # most sentences name no one: one scan of the names
        return None
    found = _first(_person_asked(language), plain)
    if found is None:
        return None
    if _WHEN.search(plain, 0, found.start()):  # "when can i talk to a representative": the hours asked
        return None
    said = found[1]
    if _OF_A_THING.match(plain, found.end()) and said.endswith(("charge", "cargo")):
        return None  # "whoever is in charge of my ankle monitor": whoever handles that thing, no one above
    topped = said in _TOPPED and not _ANYONE.match(plain, found.end())
    return "supervisor" if topped else "representative"


@functools.cache
def _above(language: str) -> Prefiltered:
    """Someone above the one who answers, as `person_asked` and `person_available` read them (`_TOPPED` among
    `_PEOPLE`), anywhere in the words: every supervisor they find asked for is one of these."""
    return prefiltered("|".join(re.escape(word) for word in _PEOPLE.get(language, _PEOPLE["en"]) if word in _TOPPED))


def someone_above_named(text: str, language: str) -> bool:
    """Whether `text` names someone above the one who answers (`_above`): only then can `person_asked` or
    `person_available` find a supervisor asked for, so a submenu reads them for one only then
    (`understanding.Model._global_asked`; most sentences name none, found by the gates' one pass without a search)."""
    return _above(language).search(_said_plain(text)) is not None


_SOMEONE = {
    "en": (*_PEOPLE["en"], "representatives", "reps", "agents", "people", "humans", "operators", "someone", "somebody",
           "anyone", "anybody", "whoever", "boss", "supervisors", "managers", "assistance", "transfer", "put me through",
           "escalate", "in charge", "officer"),
    "es": (*_PEOPLE["es"], "representantes", "agentes", "personas", "alguien", "jefe", "jefa", "asistencia",
           "senorita", "señorita", "señor", "senor", "transfierame", "transfiérame", "paseme", "páseme", "pasame",
           "pásame", "comuniqueme", "comuníqueme", "conecteme", "conécteme", "oficial"),
}
"""Words that name someone to be put through to, or the putting through (`names_someone`)."""


@functools.cache
def _someone(language: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(_SOMEONE.get(language, _SOMEONE['en']))})\b")


def names_someone(text: str, language: str) -> bool:
    """Whether `text` names a person or being put through to one ("live agent", "asistencia en vivo", "a real
    person", "transfer me"): a sentence that does not ("we live in dallas", "ahorita estoy viviendo en monterrey",
    "we live in manila") matches a phrase of the representative global by a word of its that is no person ("live",
    "vivo"), which is no request for one (`understanding.Model.understand`; issue 16, the s1 round)."""
    return _someone(language).search(_said_plain(text)) is not None


_AT_WORK = {
    "en": ("run running runs ran own owns owned manage manages managing work works working worked",
           "at in for on my our his her their the a an family family's own dad's mom's father's mother's uncle's "
           "aunt's parents' brother's sister's cousin's husband's wife's little small"),
    "es": ("atiendo atiende atendiendo administro administrando",
           "en un una el la los las mi mis su sus nuestra nuestro de del familia propia propio papa mama tio tia "
           "hermano hermana primo prima esposo esposa"),
}
"""The caller's work at another business ("running my family's store", "i work at a restaurant", "atiendo la tienda
de mi familia"): a verb of working or running, not said as a noun (`_AS_NOUN` before it in English: not "prints for
work at the daycare"; in Spanish only forms whose stem is no noun's: not "el trabajo en la guardería"), then only
articles, possessives and kin before the business's word.  Such a business is where the caller is or what they do,
context, not an errand asked of us (`at_work`)."""
_AS_NOUN = {"en": "for the a an my our his her their to at of from after before no this that", "es": ""}
_AT_WORK_REACH = 4


@functools.cache
def _at_work(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs and the words between of `_AT_WORK`, and the words before a noun (`_AS_NOUN`), as words are said."""
    verbs, between = _AT_WORK.get(language, _AT_WORK["en"])
    return (frozenset(tokens(verbs, language, False)), frozenset(tokens(between, language, False)),
            frozenset(tokens(_AS_NOUN.get(language, ""), language, False)))


def at_work(text: str, language: str) -> frozenset[str]:
    """The words said as the business where the caller works or that they run (`_AT_WORK`: "store" in "i've been
    running my family's store"), as words are said; empty mostly.  Read only when another business would hold a
    route back (`understanding.Model._by_examples`, `Model.forbids`)."""
    verbs, between, nouns = _at_work(language)
    said = list(tokens(text, language, False))
    work: set[str] = set()
    for at, word in enumerate(said):
        if word in verbs and not (at and said[at - 1] in nouns):
            for after in said[at + 1:at + 1 + _AT_WORK_REACH]:
                if after not in between:
                    work.add(after)
                    break
    return frozenset(work)


_HANGING_UP = {
    "en": re.compile(r"\b(?:i'm|i am|im|i'll|i will|ill|i'm gonna|i am gonna|i'm going to|i am going to|i'ma|imma|"
                     r"i gotta|i got to|i have to|i'm about to|i am about to|let me) (?:just |now |gonna )?"
                     r"hang(?:ing)? up\b"),
    "es": re.compile(r"\b(?:(?:ya |mejor |me |le |les )?voy a colgar|(?:ya |mejor |le |les )cuelgo|cuelgo ya|"
                     r"(?:le |les |ya )?estoy colgando)\b"),
}
"""The caller hanging up, said in the first person (`hanging_up`)."""


_GIVING_UP = {
    "en": re.compile(r"\b(?:never ?mind|nvm|forget (?:it|about it|this|that)|(?:i'll|i will|ill|i'm gonna|i am gonna|"
                     r"i'm going to|i am going to) (?:just )?(?:ask|check with) (?:my|a|an|someone|somebody)\b|"
                     r"(?:i'll|i will|ill) (?:just )?figure it out)"),
    "es": re.compile(r"\b(?:d[ée]j[ea]l[oa] así|ol[vb]íd[ea]l[oa]|ya no importa|(?:mejor )?(?:le |les )?pregunto a|"
                     r"(?:mejor )?(?:le |les )?voy a preguntar(?:le|les)? a|mejor (?:lo )?averiguo)"),
}
"""The caller giving up on this call for another way ("never mind", "forget it", "i'll just ask my cousin", "déjelo
así", "mejor le pregunto a mi prima"): with a farewell said, leaving the call (`hanging_up`)."""


def hanging_up(text: str, language: str) -> bool:
    """Whether the caller says they are ending this call themselves ("forget it this is taking too long i'm hanging
    up", "i'll hang up and call back tomorrow", "ya mejor cuelgo"): a request to end the call, whatever complaint
    comes with it; not a call that was ended on them ("my call got cut off", "the agent hung up on me last time")."""
    return _said_first_person(_HANGING_UP, text, language)


def giving_up(text: str, language: str) -> bool:
    """Whether the caller gives up on this call for another way (`_GIVING_UP`: "you know what, never mind, i'll ask
    my lawyer", "olvídelo, mejor le pregunto a mi abogado"): said with a farewell, a request to end the call, whatever
    case words come before; not a question put to someone else without a farewell."""
    return _said_first_person(_GIVING_UP, text, language)


def _said_first_person(patterns: dict[str, re.Pattern[str]], text: str, language: str) -> bool:
    """Whether the language's pattern of `patterns` is found in `text` lower-cased, its apostrophes straight and its
    spaces single (the first-person phrases of `hanging_up` and `giving_up`)."""
    plain = " ".join(text.lower().replace("’", "'").split())
    return patterns.get(language, patterns["en"]).search(plain) is not None
