"""Words of templates that format their arguments: dates, ages, measurements, citations.

Only what the arguments determine is rendered — never anything that depends on today's date
(``{{birth date and age}}`` gives the date without the age), so output stays deterministic.

>>> from .calls import parse_call
>>> date_words(parse_call("birth date|1912|4|15"))
'April 15, 1912'
>>> date_words(parse_call("death date and age|1990|5|1|1912|4|15|df=y"))
'1 May 1990 (aged 78)'
>>> convert_words(parse_call("convert|5|to|10|km|mi"))
'5 to 10 km'
"""

from __future__ import annotations

import regex

from .calls import Call

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATEISH = regex.compile(r"^\d{1,4}$")


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if _DATEISH.match(value) else None


def format_date(year: str, month: str = "", day: str = "", dmy: bool = False) -> str:
    """``(1912, 4, 15)`` → ``April 15, 1912`` (``15 April 1912`` when ``dmy``)."""
    y, m, d = _int(year), _int(month), _int(day)
    if y is None:
        return " ".join(p.strip() for p in (day, month, year) if p.strip())
    if m is None or not 1 <= m <= 12:
        return str(y)
    name = MONTHS[m - 1]
    if d is None or not 1 <= d <= 31:
        return f"{name} {y}"
    return f"{d} {name} {y}" if dmy else f"{name} {d}, {y}"


def _dmy(call: Call) -> bool:
    return call.first("df").lower() in ("y", "yes", "1", "true", "on")


def _age(birth: tuple[int, int, int], death: tuple[int, int, int]) -> int:
    years = death[0] - birth[0]
    return years - 1 if (death[1], death[2]) < (birth[1], birth[2]) else years


def date_words(call: Call) -> str:
    """``{{birth date}}``, ``{{death date and age}}``, ``{{start date}}``, ``{{dts}}`` and kin."""
    args = [a.strip() for a in call.positional]
    if not args:
        return ""
    if len(args) == 1 or _int(args[0]) is None:  # a date already written out: "15 April 1912"
        return args[0]
    year, month, day = ([*args, "", ""])[:3]
    first = format_date(year, month, day, dmy=_dmy(call))
    if "and age" in call.key.lower() and len(args) >= 6 and call.key.lower().startswith("death"):
        parts = [_int(a) for a in args[:6]]
        if all(p is not None for p in parts):
            d, b = parts[:3], parts[3:6]
            return f"{first} (aged {_age((b[0], b[1], b[2]), (d[0], d[1], d[2]))})"  # type: ignore[arg-type]
    return first


# Unit codes of {{convert}} shown the way enwiki abbreviates them.
_UNITS = {
    "km2": "km²",
    "m2": "m²",
    "sqkm": "km²",
    "sqmi": "sq mi",
    "sqft": "sq ft",
    "ft2": "sq ft",
    "mi2": "sq mi",
    "km3": "km³",
    "m3": "m³",
    "cuft": "cu ft",
    "acre": "acres",
    "ha": "ha",
    "C": "°C",
    "F": "°F",
    "K": "K",
    "kph": "km/h",
    "km/h": "km/h",
    "mph": "mph",
    "nmi": "nmi",
    "kn": "kn",
    "ftin": "ft",
    "lb": "lb",
    "kg": "kg",
    "t": "t",
    "LT": "long tons",
    "ST": "short tons",
    "GRT": "GRT",
}
_RANGE_WORDS = frozenset({"-", "–", "to", "and", "or", "x", "×", "by", "+/-", "±", "to(-)", "and(-)"})
_NUMBER = regex.compile(r"^[-+−]?[\d,.]+(?:e\d+)?$|^\d+/\d+$")


def convert_words(call: Call) -> str:
    """``{{convert|5|km|mi}}`` → ``5 km``; ranges keep their word (``5 to 10 km``)."""
    args = [a.strip() for a in call.positional]
    if not args:
        return ""
    words = [args[0]]
    rest = args[1:]
    while len(rest) >= 2 and rest[0] in _RANGE_WORDS and _NUMBER.match(rest[1]):
        sep = "–" if rest[0] in ("-", "–") else rest[0]
        words.append(sep if sep == "–" else f" {sep} ")
        words.append(rest[1])
        rest = rest[2:]
    number = "".join(words).replace("  ", " ")
    if not rest:
        return number
    if len(rest) >= 3 and _NUMBER.match(rest[1]):  # compound: {{convert|5|ft|6|in}}
        return f"{number} {_UNITS.get(rest[0], rest[0])} {rest[1]} {_UNITS.get(rest[2], rest[2])}"
    return f"{number} {_UNITS.get(rest[0], rest[0])}"


def _authors(call: Call) -> str:
    names: list[str] = []
    for i in ("", "1", "2", "3", "4"):
        last = call.first(f"last{i}", f"surname{i}", f"author{i}")
        first = call.first(f"first{i}", f"given{i}")
        if last:
            names.append(f"{last}, {first}" if first else last)
    if not names:
        names = [call.first("authors", "editor", "editor1", "editor-last")]
    return "; ".join(n for n in names if n)


def citation_words(call: Call) -> str:
    """A ``{{cite …}}`` shown outside footnotes (a bibliography item): author, date, title, source."""
    parts: list[str] = []
    authors = _authors(call)
    date = call.first("date", "year")
    if authors:
        parts.append(f"{authors} ({date})." if date else f"{authors}.")
    elif date:
        parts.append(f"({date}).")
    chapter = call.first("chapter", "contribution", "entry", "article")
    if chapter:
        parts.append(f'"{chapter}".')
    title = call.first("title", "script-title", "trans-title")
    if title:
        parts.append(f"{title}.")
    source = call.first("work", "journal", "newspaper", "magazine", "website", "periodical", "encyclopedia")
    if source:
        parts.append(f"{source}.")
    publisher = call.first("publisher", "agency")
    if publisher:
        place = call.first("location", "place")
        parts.append(f"{place}: {publisher}." if place else f"{publisher}.")
    return " ".join(parts)


def harv_words(call: Call) -> str:
    """``{{harvnb|Smith|Jones|2000|p=5}}`` → ``Smith & Jones 2000, p. 5``."""
    args = [a.strip() for a in call.positional if a.strip()]
    if not args:
        return ""
    year = args[-1] if len(args) > 1 and regex.match(r"^\d{3,4}[a-z]?$|^n\.d\.$", args[-1]) else ""
    names = args[:-1] if year else args
    who = " & ".join(names[:4])
    page = call.first("p", "page")
    pages = call.first("pp", "pages")
    loc = f", p. {page}" if page else f", pp. {pages}" if pages else ""
    if call.key.lower() in ("harvtxt", "harvard citation text"):
        return f"{who} ({year}){loc}" if year else who
    return f"{who} {year}{loc}".strip()
