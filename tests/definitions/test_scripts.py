"""Tier 1 response scripts: the shipped set, versions in force, matching, the publication lock."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from ivr.definitions.scripts import (
    LOCK_NAME,
    MENU_KEYS,
    SCRIPTS_ROOT,
    ScriptLibrary,
    load_scripts,
    publish,
)
from ivr.errors import ConfigError, DefinitionError

BROKEN = Path(__file__).resolve().parents[1] / "data" / "scripts" / "broken"
DEMO_DAY = dt.date(2026, 11, 23)
SEEDS = (
    "000_183b307099edfec1.txt",
    "001_7dddce98989cf869.txt",
    "002_d50068fa2f77281b.txt",
    "003_29c9fde61bf22c66.txt",
    "004_b48bef7290687739.txt",
)
_CONTACT = re.compile(r"\b(?:1-)?\d{3}-\d{3}-\d{4}\b|[\w.-]+@[\w.-]+\w")


@pytest.fixture(scope="module")
def library() -> ScriptLibrary:
    return load_scripts()


@pytest.fixture
def scripts_copy(tmp_path: Path) -> Path:
    root = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, root)
    return root


def _write_script(root: Path, id_: str, version: int, *, effective: str, key: str | None, text: str) -> None:
    key_line = f'key: "{key}"\n' if key else ""
    folder = root / id_
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"v{version}.yaml").write_text(
        "# source: seed 003_29c9fde61bf22c66.txt (test data)\n"
        f"version: 1\nid: {id_}\nscript_version: {version}\neffective: {effective}\n"
        "topics: [general]\n"
        f"label:\n  en: the {id_} topic\n  es: el tema {id_}\n"
        f"phrases:\n  en: [{id_} words]\n  es: [palabras {id_}]\n"
        f"{key_line}"
        f'text:\n  en: "{text}"\n  es: "Texto en español: {text}"\n'
        "may_follow: [goodbye]\n",
        encoding="utf-8",
    )


# --- the shipped set -------------------------------------------------------------------


def test_shipped_scripts_load_without_problems(library):
    """Every shipped, published script version passes every check."""
    assert library.refs()


def test_every_shipped_version_is_published(scripts_copy):
    """The shipped tree has no drafts: published.lock lists every version file."""
    assert load_scripts(scripts_copy, include_drafts=True).draft_refs == frozenset()


def test_shipped_set_has_at_least_fifteen_scripts(library):
    """Seed 003_29c9fde61bf22c66.txt: Tier 1 answers from scripts; the starting set has fifteen or more."""
    assert len(library.in_force(DEMO_DAY).scripts) >= 15


def test_every_shipped_script_is_in_english_and_spanish(library):
    """DOMAIN.md §1.1: every Contact Center service is offered in English and Spanish."""
    incomplete = [
        ref
        for ref in library.refs()
        if not all(
            library.get(ref).text.get(lang) and library.get(ref).phrases.get(lang) for lang in ("en", "es")
        )
    ]
    assert incomplete == []


def test_spanish_text_gives_the_same_numbers_and_addresses_as_english(library):
    """A caller hears the same phone numbers and e-mail addresses in either language."""
    differing = [
        ref
        for ref in library.refs()
        if sorted(_CONTACT.findall(library.get(ref).text["en"]))
        != sorted(_CONTACT.findall(library.get(ref).text["es"]))
    ]
    assert differing == []


def test_every_shipped_file_cites_a_seed_or_domain_section():
    """Each script paraphrases a named source: line 1 cites a seed file or a DOMAIN.md section."""
    uncited = []
    for path in sorted(SCRIPTS_ROOT.glob("*/v*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not (any(seed in first for seed in SEEDS) or re.search(r"DOMAIN\.md §\d", first)):
            uncited.append(path.name)
    assert uncited == []


@pytest.mark.parametrize(
    ("script_id", "fact"),
    [
        pytest.param("service-request-follow-up", "15 days", id="sr-15-days"),
        pytest.param("service-request-follow-up", "21 days", id="sr-21-days"),
        pytest.param("service-request-follow-up", "SCOPSSCATA@dhs.gov", id="sr-headquarters"),
        pytest.param("accommodations", "1-800-767-1833", id="tty"),
        pytest.param("premium-processing", "1-866-315-5718", id="premium-line"),
        pytest.param("hague-adoptions", "1-877-424-8374", id="hague-line"),
        pytest.param("military-help-line", "1-877-247-4645", id="military-line"),
        pytest.param("military-help-line", "4:30 p.m.", id="military-hours"),
    ],
)
def test_seed_001_lines_and_rules_are_said_as_published(library, script_id, fact):
    """Seed 001_7dddce98989cf869.txt: phone lines, hours and the 15/21-day rules are said as published."""
    assert fact in _latest(library, script_id).text["en"]


@pytest.mark.parametrize("version", [1, 2], ids=["v1", "v2"])
@pytest.mark.parametrize(
    "fact",
    [
        pytest.param(r"rescheduled two or\s+more times", id="already-rescheduled-twice"),
        pytest.param(r"within 12 hours", id="within-12-hours"),
        pytest.param(r"only (?:by )?the Contact Center", id="untimely-only-by-phone"),
        pytest.param(r"good cause", id="good-cause"),
        pytest.param(r"a wedding, funeral or graduation", id="life-events"),
    ],
)
def test_seed_000_rescheduling_rules_are_in_every_version(library, version, fact):
    """Seed 000_183b307099edfec1.txt: both wordings keep the tool's limits, good cause and late requests."""
    assert re.search(fact, library.get(f"biometrics-reschedule@{version}").text["en"])


@pytest.mark.parametrize(
    ("script_id", "fact"),
    [
        pytest.param("ice-checkin", "I-385", id="ice-subject-id-form"),
        pytest.param("ice-checkin", "1-833-383-1465", id="ice-vesl"),
        pytest.param("immigration-court", "1-800-898-7180", id="eoir-line"),
    ],
)
def test_other_agency_scripts_give_that_agencys_contact(library, script_id, fact):
    """Seed 001_7dddce98989cf869.txt: another agency's inquiry gets its contact (seeds 002, 004)."""
    assert fact in _latest(library, script_id).text["en"]


def _latest(library: ScriptLibrary, script_id: str):
    return library.versions[script_id][-1]


# --- versions in force -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "version"),
    [
        pytest.param(DEMO_DAY, 1, id="demo-day-2026-11-23"),
        pytest.param(dt.date(2026, 11, 30), 1, id="day-before-2026-11-30"),
        pytest.param(dt.date(2026, 12, 1), 2, id="effective-day-2026-12-01"),
        pytest.param(dt.date(2026, 12, 6), 2, id="later-2026-12-06"),
        pytest.param(dt.date(2026, 12, 7), 4, id="issue-16-phrases-and-spanish-wording-2026-12-07"),
    ],
)
def test_two_version_script_switches_on_its_effective_date(library, day, version):
    """The highest version whose effective date has come is in force."""
    assert library.in_force(day).by_id("biometrics-reschedule").version == version


def test_the_second_version_changes_what_callers_hear(library):
    """biometrics-reschedule@2 is a visible rewording of @1, not a copy."""
    first, second = library.get("biometrics-reschedule@1"), library.get("biometrics-reschedule@2")
    assert (first.effective, second.effective) == (dt.date(2025, 1, 1), dt.date(2026, 12, 1))
    assert first.text["en"] != second.text["en"] and first.text["es"] != second.text["es"]


@pytest.mark.parametrize(
    ("instant", "version"),
    [
        pytest.param("2026-12-01T03:00:00+00:00", 1, id="utc-midnight-is-still-nov-30-in-new-york"),
        pytest.param("2026-12-01T05:00:00+00:00", 2, id="midnight-in-new-york"),
    ],
)
def test_an_instant_counts_on_the_new_york_calendar(library, instant, version):
    """Effective dates are America/New_York calendar dates."""
    on = dt.datetime.fromisoformat(instant)
    assert library.in_force(on).by_id("biometrics-reschedule").version == version


def test_a_naive_datetime_is_refused(library):
    """A datetime without a UTC offset cannot be placed on the New York calendar."""
    with pytest.raises(ValueError, match="no UTC offset"):
        library.in_force(dt.datetime(2026, 12, 1, 9, 0))


def test_scripts_not_yet_effective_are_not_in_force(library):
    """A script whose first version is not yet effective is absent from the set."""
    assert library.in_force(dt.date(2024, 12, 31)).scripts == ()


@pytest.mark.parametrize(
    ("day", "pinned"),
    [
        pytest.param(DEMO_DAY, 2, id="pin-ahead-of-its-date"),
        pytest.param(dt.date(2027, 1, 1), 1, id="pin-back-to-the-old-wording"),
    ],
)
def test_pins_override_effective_dates(library, day, pinned):
    """A configuration pin {id: version} chooses that version whatever the date."""
    chosen = library.in_force(day, pins={"biometrics-reschedule": pinned}).by_id("biometrics-reschedule")
    assert chosen.version == pinned


@pytest.mark.parametrize(
    ("pins", "message"),
    [
        pytest.param({"biometrics-reschedule": 99}, "no such version", id="unknown-version"),
        pytest.param({"no-such-script": 1}, "no script 'no-such-script'", id="unknown-id"),
        pytest.param({"case-status": "1"}, "not a version number", id="version-as-text"),
    ],
)
def test_a_pin_to_an_unknown_version_is_a_config_error(library, pins, message):
    """Pins name loaded versions; anything else stops start-up with ConfigError."""
    with pytest.raises(ConfigError, match=message):
        library.in_force(DEMO_DAY, pins=pins)


def test_pins_that_give_two_scripts_one_key_are_a_config_error(tmp_path):
    """A menu key belongs to one script in force, pins included."""
    _write_script(tmp_path, "alpha", 1, effective="2025-01-01", key="3", text="Alpha one.")
    _write_script(tmp_path, "alpha", 2, effective="2026-01-01", key=None, text="Alpha two.")
    _write_script(tmp_path, "beta", 1, effective="2026-01-01", key="3", text="Beta one.")
    library = load_scripts(tmp_path, include_drafts=True)
    with pytest.raises(ConfigError, match="key 3 to both alpha@1 and beta@1"):
        library.in_force(dt.date(2026, 6, 1), pins={"alpha": 1})


def test_a_key_may_pass_to_another_script_when_the_first_gives_it_up(tmp_path):
    """Keys are unique per date: alpha@2 drops key 3 on the day beta@1 takes it."""
    _write_script(tmp_path, "alpha", 1, effective="2025-01-01", key="3", text="Alpha one.")
    _write_script(tmp_path, "alpha", 2, effective="2026-01-01", key=None, text="Alpha two.")
    _write_script(tmp_path, "beta", 1, effective="2026-01-01", key="3", text="Beta one.")
    library = load_scripts(tmp_path, include_drafts=True)
    assert library.in_force(dt.date(2026, 1, 1)).by_key("3").ref == "beta@1"


# --- finding a script ------------------------------------------------------------------


ENGLISH_UTTERANCES = [
    ("I want to check my case status", "case-status"),
    ("I need to reschedule my fingerprint appointment", "biometrics-reschedule"),
    ("What do I bring to my biometrics appointment?", "biometrics-what-to-bring"),
    ("I moved and need to update my address", "change-of-address"),
    ("I never got my green card", "card-not-received"),
    ("My case is taking too long", "processing-times"),
    ("How much is the filing fee?", "forms-and-fees"),
    ("I have an ICE check in next week", "ice-checkin"),
    ("When is my court hearing?", "immigration-court"),
    ("I need an in-person appointment at the field office", "field-office-appointment"),
    ("Follow up on my service request", "service-request-follow-up"),
]

SPANISH_UTTERANCES = [
    ("Quiero saber el estado de mi caso", "case-status"),
    ("Quiero cambiar mi cita de biometría", "biometrics-reschedule"),
    ("¿Qué llevo a mi cita biométrica?", "biometrics-what-to-bring"),
    ("Me mudé", "change-of-address"),
    ("No me llegó mi tarjeta", "card-not-received"),
    ("Tengo una cita con ICE", "ice-checkin"),
    ("Necesito una cita en persona", "field-office-appointment"),
    ("Soy militar", "military-help-line"),
]


@pytest.mark.parametrize(
    ("utterance", "script_id"), ENGLISH_UTTERANCES, ids=[i for _, i in ENGLISH_UTTERANCES]
)
def test_match_finds_a_script_by_english_phrase(library, utterance, script_id):
    """What a caller says in English picks the script whose phrase it covers best."""
    assert library.in_force(DEMO_DAY).match(utterance, "en").id == script_id


@pytest.mark.parametrize(
    ("utterance", "script_id"), SPANISH_UTTERANCES, ids=[i for _, i in SPANISH_UTTERANCES]
)
def test_match_finds_a_script_by_spanish_phrase(library, utterance, script_id):
    """What a caller says in Spanish picks the script whose Spanish phrase it covers best."""
    assert library.in_force(DEMO_DAY).match(utterance, "es").id == script_id


@pytest.mark.parametrize(
    "utterance",
    ["CAMBIAR MI CITA DE BIOMETRIA!", "cambiar, mi cita... de biometría", "Cambiar mi cita de biometria"],
    ids=["upper-case", "punctuation", "no-accents"],
)
def test_match_ignores_case_accents_and_punctuation(library, utterance):
    """Speech recognisers differ in case, accents and punctuation; matching does not."""
    assert library.in_force(DEMO_DAY).match(utterance, "es").id == "biometrics-reschedule"


@pytest.mark.parametrize(
    ("utterance", "language"),
    [("the weather today", "en"), ("hello", "en"), ("", "en"), ("el clima de hoy", "es"), ("hola", "es")],
    ids=["unrelated-en", "greeting-en", "silence", "unrelated-es", "greeting-es"],
)
def test_match_returns_none_when_no_script_answers(library, utterance, language):
    """Seed 003_29c9fde61bf22c66.txt: with no script to read, Tier 1 cannot answer (and offers Tier 2)."""
    assert library.in_force(DEMO_DAY).match(utterance, language) is None


def test_match_uses_the_callers_language(library):
    """A Spanish phrase said on the English side does not match."""
    assert library.in_force(DEMO_DAY).match("no recibí mi tarjeta", "en") is None


def test_match_breaks_ties_by_script_id(tmp_path):
    """Two scripts answering equally well: the one whose id sorts first wins, every time."""
    _write_script(tmp_path, "zulu", 1, effective="2025-01-01", key=None, text="Zulu.")
    _write_script(tmp_path, "alpha", 1, effective="2025-01-01", key=None, text="Alpha.")
    for script_id in ("zulu", "alpha"):
        path = tmp_path / script_id / "v1.yaml"
        path.write_text(path.read_text().replace(f"[{script_id} words]", "[shared words]"))
    scripts = load_scripts(tmp_path, include_drafts=True).in_force(DEMO_DAY)
    assert scripts.match("shared words please", "en").id == "alpha"


@pytest.mark.parametrize(
    ("key", "script_id"),
    [("1", "case-status"), ("2", "biometrics-reschedule"), ("9", "ice-checkin")],
    ids=["key-1", "key-2", "key-9"],
)
def test_by_key_finds_the_script_on_that_menu_key(library, key, script_id):
    """Each menu key on the Tier 1 topic menu leads to one script."""
    assert library.in_force(DEMO_DAY).by_key(key).id == script_id


def test_by_key_returns_none_for_a_key_no_script_uses(library):
    """Key 0 is not a script key (it stays free for other uses)."""
    assert library.in_force(DEMO_DAY).by_key("0") is None


def test_menu_lists_keys_in_order_with_labels(library):
    """DESIGN.md §3: options are read as "For <topic>, press <key>."; keys go in order."""
    menu = library.in_force(DEMO_DAY).menu("en")
    assert [key for key, _ in menu] == sorted(key for key, _ in menu)
    assert f"For {menu[0][1]}, press {menu[0][0]}." == "For your case status, press 1."


def test_menu_is_bilingual(library):
    """DESIGN.md §3: the Spanish menu reads "Para <tema>, oprima <tecla>." with Spanish labels."""
    key, label = library.in_force(DEMO_DAY).menu("es")[0]
    assert f"Para {label}, oprima {key}." == "Para el estado de su caso, oprima 1."


def test_menu_keys_are_single_digits_one_to_nine(library):
    """Menu keys are 1 to 9; 0, * and # stay free for the IVR's own uses."""
    assert {key for key, _ in library.in_force(DEMO_DAY).menu("en")} <= set(MENU_KEYS)


def test_for_topic_prefers_the_script_whose_main_topic_it_is(library):
    """accommodations sorts first but lists service_request second; a script whose first topic it is wins."""
    assert library.in_force(DEMO_DAY).for_topic("service_request").id == "notice-not-received"


def test_for_topic_falls_back_to_a_script_that_lists_it(library):
    """No script's main topic is special_lines; the first by id that lists it answers."""
    assert library.in_force(DEMO_DAY).for_topic("special_lines").id == "hague-adoptions"


def test_by_id_returns_none_for_a_script_not_in_force(library):
    """A script that is not in force on the date cannot be read to a caller."""
    assert library.in_force(dt.date(2024, 1, 1)).by_id("case-status") is None


def test_for_topic_returns_none_for_a_topic_no_script_covers(library):
    """An unknown topic has no script."""
    assert library.in_force(DEMO_DAY).for_topic("astrology") is None


def test_get_returns_the_named_version(library):
    """A call records id@version; get() finds exactly that version again."""
    assert library.get("biometrics-reschedule@1").version == 1


@pytest.mark.parametrize(
    ("ref", "error"),
    [("case-status@99", KeyError), ("case-status", ValueError), ("case-status@v1", ValueError)],
    ids=["unknown-version", "no-version", "malformed-version"],
)
def test_get_refuses_unknown_or_malformed_refs(library, ref, error):
    """Only loaded id@version refs resolve."""
    with pytest.raises(error):
        library.get(ref)


# --- verbiage limits -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Call 8 a.m. to 4:30 p.m. One. Two. Three. Four. Five.",
        "Write to SCOPSSCATA@dhs.gov or visit uscis.gov. Call 1-800-375-5283.",
        "¿Tiene preguntas? Llame de 8 a. m. a 5 p. m. en EE. UU. y Puerto Rico.",
    ],
    ids=["abbreviations-do-not-end-sentences", "domains-emails-and-dashed-phones", "spanish-marks"],
)
def test_plain_spoken_text_within_limits_is_accepted(tmp_path, text):
    """Seed 003_29c9fde61bf22c66.txt: scripts are limited in verbiage and format, but plain sentences pass."""
    _write_script(tmp_path, "plain", 1, effective="2025-01-01", key=None, text=text)
    assert load_scripts(tmp_path, include_drafts=True).refs() == ("plain@1",)


# --- the publication lock --------------------------------------------------------------


def test_an_edited_published_version_is_refused(scripts_copy):
    """A published version is never edited: the loader compares it with its locked hash."""
    path = scripts_copy / "case-status" / "v1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("USCIS officer", "USCIS agent"), encoding="utf-8"
    )
    with pytest.raises(DefinitionError, match=r"v1\.yaml:1: published version case-status@1 was edited"):
        load_scripts(scripts_copy)


def test_line_endings_do_not_count_as_an_edit(scripts_copy):
    """A checkout that writes CRLF line endings leaves the published hash unchanged."""
    path = scripts_copy / "case-status" / "v1.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "case-status@1" in load_scripts(scripts_copy).refs()


def test_a_draft_is_loaded_only_when_asked(scripts_copy):
    """A version file not in the lock is a draft: the app does not hear it."""
    _write_script(scripts_copy, "new-topic", 1, effective="2025-01-01", key=None, text="A new answer.")
    assert "new-topic@1" not in load_scripts(scripts_copy).refs()
    assert "new-topic@1" in load_scripts(scripts_copy, include_drafts=True).draft_refs


def test_publish_locks_drafts(scripts_copy):
    """publish() adds every draft to the lock and returns the refs it published."""
    _write_script(scripts_copy, "new-topic", 1, effective="2025-01-01", key=None, text="A new answer.")
    assert publish(scripts_copy) == ["new-topic@1"]
    assert "new-topic@1" in load_scripts(scripts_copy).refs()


def test_publish_with_no_drafts_changes_nothing(scripts_copy):
    """Publishing twice publishes nothing the second time and leaves the lock as it was."""
    before = (scripts_copy / LOCK_NAME).read_text(encoding="utf-8")
    assert publish(scripts_copy) == []
    assert (scripts_copy / LOCK_NAME).read_text(encoding="utf-8") == before


def test_publish_refuses_while_a_draft_is_broken(scripts_copy):
    """Nothing is published while any file has a problem."""
    before = (scripts_copy / LOCK_NAME).read_text(encoding="utf-8")
    _write_script(
        scripts_copy, "new-topic", 1, effective="2025-01-01", key=None, text="A <b>bold</b> answer."
    )
    with pytest.raises(DefinitionError, match="contains markup"):
        publish(scripts_copy)
    assert (scripts_copy / LOCK_NAME).read_text(encoding="utf-8") == before


def test_publish_creates_the_lock_for_a_new_root(tmp_path):
    """A scripts folder without a lock gets one on first publication."""
    _write_script(tmp_path, "first", 1, effective="2025-01-01", key="1", text="The first answer.")
    assert publish(tmp_path) == ["first@1"]
    assert load_scripts(tmp_path).refs() == ("first@1",)


def test_a_missing_scripts_folder_is_a_definition_error(tmp_path):
    """Start-up stops when the scripts folder is not there."""
    with pytest.raises(DefinitionError, match="scripts folder not found"):
        load_scripts(tmp_path / "nowhere")


# --- golden broken cases ---------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(BROKEN.iterdir()), ids=lambda path: path.name)
def test_broken_case_reports_exactly_the_expected_errors(case, monkeypatch):
    """Each broken mini scripts root fails with the lines in its expect.txt, every problem at once."""
    monkeypatch.chdir(case)
    expected = (case / "expect.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(DefinitionError) as raised:
        load_scripts(case, include_drafts=True)
    assert str(raised.value).splitlines() == expected


def test_there_are_golden_cases_for_every_required_fault():
    """The golden set covers the faults the loader promises to catch."""
    required = {
        "text-too-long",
        "too-many-sentences",
        "markup",
        "missing-spanish",
        "unknown-topic",
        "id-not-folder",
        "version-not-filename",
        "unknown-field",
        "bad-menu-key",
        "duplicate-key",
        "bad-effective-date",
        "unknown-may-follow",
        "edited-published",
        "version-gap",
    }
    assert required <= {path.name for path in BROKEN.iterdir()}
