"""Templates that carry the sentence's own words, and how to get the words back.

MediaWiki would expand ``{{lang|fr|bonjour}}`` to *bonjour*, ``{{convert|5|km|mi}}`` to
*5 km (3.1 mi)* and ``{{nowrap|10 May}}`` to *10 May*; dropping such calls would cut words out
of sentences.  Each entry renders the words the arguments determine, as wikitext (links and
emphasis in them are read later like any other text).  Names are compared case-folded.
Quotation templates are listed apart: at the start of a line they become quote blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from .calls import Call
from .formats import citation_words, convert_words, date_words, format_date, harv_words

Render = Callable[[Call], str]


def _arg(n: int | str) -> Render:
    return lambda call: call.arg(n)


def _named_or(name: str, n: int) -> Render:
    return lambda call: call.first(name, n)


def _last(call: Call) -> str:
    values = [v for v in call.positional if v.strip()]
    return values[-1] if values else call.first("text")


def _join(sep: str) -> Render:
    return lambda call: sep.join(v.strip() for v in call.positional if v.strip())


def _const(text: str) -> Render:
    return lambda _call: text


def _prefix(prefix: str) -> Render:
    def render(call: Call) -> str:
        name = call.arg(1).strip()
        extra = call.arg(2).strip()
        return f"{prefix} {name}" + (f" ({extra})" if extra else "")

    return render


def _ship(call: Call) -> str:
    return " ".join(v.strip() for v in call.positional[:2] if v.strip())


def _frac(call: Call) -> str:
    args = [v.strip() for v in call.positional]
    if len(args) >= 3:
        return f"{args[0]} {args[1]}/{args[2]}"
    if len(args) == 2:
        return f"{args[0]}/{args[1]}"
    return f"1/{args[0]}" if args else ""


def _list(call: Call) -> str:
    items = [v.strip() for v in call.positional if v.strip()]
    return ", ".join(items)


def _as_of(call: Call) -> str:
    args = [v.strip() for v in call.positional]
    words = "as of" if call.first("lc").lower() in ("y", "yes") else "As of"
    if call.first("since").lower() in ("y", "yes"):
        words = "Since"
    if not args:
        return words
    year, month, day = ([*args, "", ""])[:3]
    return f"{words} {format_date(year, month, day)}"


def _marriage(call: Call) -> str:
    """``{{marriage|Ann Lee|1901|1920|end=died}}`` → ``Ann Lee (m. 1901; died 1920)``."""
    who, start, end = (call.arg(i).strip() for i in (1, 2, 3))
    span = f"m. {start}" if start else ""
    if end:
        span += f"; {call.first('end', 'reason') or 'div.'} {end}"
    return f"{who} ({span})" if span else who


def _money(symbol: str) -> Render:
    return lambda call: f"{symbol}{call.arg(1).strip()}"


def _sort(call: Call) -> str:
    return call.arg(2) or call.arg(1)


def _nihongo(call: Call) -> str:
    english, kanji, romaji = (call.arg(i).strip() for i in (1, 2, 3))
    inner = ", ".join(p for p in (kanji, romaji) if p)
    if not english:
        return inner
    return f"{english} ({inner})" if inner else english


WORDS: dict[str, Render] = {}


def _register(names: str, render: Render) -> None:
    for name in names.split("|"):
        WORDS[name] = render


_register(
    "nowrap|nobr|nobreak|j|small|smaller|big|larger|large|huge|vanchor|visible anchor|keypress|key press|"
    "sc|smallcaps|small caps|small-caps|mono|monospace|code|var|samp|kbd|tt|em|strong|strongbad|sic|"
    "not a typo|as written|proper name|longitem|nobold|noitalic|noital|italic|bold|underline|overline|"
    "strikethrough|strike|del|ins|highlight|mark|abbr|tooltip|hover title|dfn|linktext|"
    "chem2|nts|ntsh|nowrap begin|center|centre|midsize|allcaps|lowercase|uppercase|ill|"
    "interlanguage link|interlanguage link multi|illm|flagcountry|flagu|flag|flagathlete|"
    "player|sclass|lang-x|wikt-lang|sans-serif|serif|shy|sub|sup|su|mvar|math|bigger|lcfirst|ucfirst|"
    "section link|slink|self-reference|selfref|pslink|unichar|ipa-skip|transliteration skip|nq|"
    "nastaliq|railgauge|vr|lsj|keypress",
    _arg(1),
)
_register(
    "lang|langx|native name|native phrase|script|font color|color|colour|legend|legend2|color box", _arg(2)
)
_register("transl|transliteration|resize|rtl-lang", _last)
_register("sortname", _join(" "))
_register("sort|sorted|hs|dts sort", _sort)
_register("font|quote text", _named_or("text", 1))
_register(
    "birth date|birth date and age|death date|death date and age|start date|end date|start date and age|"
    "end date and age|dts|date|birth-date|death-date|birth-date and age|death-date and age|film date|"
    "start-date|end-date|release date|dob",
    date_words,
)
_register("convert|cvt|convinfobox|convert/flip", convert_words)
_register(
    "cite web|cite book|cite journal|cite news|cite encyclopedia|citation|cite press release|cite episode|"
    "cite magazine|cite report|cite thesis|cite conference|cite av media|cite video|vcite book|cite document",
    citation_words,
)
_register("harvnb|harvtxt|harvard citation no brackets|harvard citation text|harv|harvp", harv_words)
_register("as of", _as_of)
_register("simplenuclide|simplenuclide2|nuclide", lambda c: f"{c.arg(1).strip().lower()}-{c.arg(2).strip()}")
_register("marriage|married", _marriage)
_register("circa|c.|ca.", lambda c: f"c. {c.arg(1).strip()}".strip())
_register("floruit|fl.", lambda c: f"fl. {c.arg(1).strip()}".strip())
_register("reign|r.", lambda c: "r. " + "–".join(v.strip() for v in c.positional[:2] if v.strip()))
_register("bce|bc", lambda c: f"{c.arg(1).strip()} BCE")
_register("ce|ad", lambda c: f"{c.arg(1).strip()} CE")
_register("frac|sfrac|fraction", _frac)
_register("sqrt|radic", lambda c: f"√{c.arg(1).strip()}")
_register("chem|chemical formula|molecular formula", _join(""))
_register("val", lambda c: " ".join(p for p in (c.arg(1).strip(), c.first("u", "ul")) if p))
_register("angbr|angle bracket", lambda c: f"⟨{c.arg(1).strip()}⟩")
_register("nihongo|nihongo2|nihongo3|nihongo foot", _nihongo)
_register(
    "hlist|flatlist|plainlist|ubl|unbulleted list|ublist|bulleted list|blist|bulletedlist|"
    "ordered list|collapsible list|enum|endplainlist|startplainlist|unordered list|flowlist|cslist|"
    "comma separated entries|vunblist|vertical list|plain list",
    _list,
)
_register("us$|usd|usdollar", _money("US$"))
_register("gbp|£", _money("£"))
_register("€|eur|euro", _money("€"))
_register("jpy|yen|¥", _money("¥"))
_register("inr|₹", _money("₹"))
_register("aud|a$", _money("A$"))
_register("cad|ca$", _money("CA$"))
_register("ship", _ship)
# Ship prefixes ({{HMS|Victory}} → "HMS Victory"), enwiki Category:Ship prefix templates.
_SHIP_PREFIXES = (
    "RMS HMS SS USS HMAS HMCS HMNZS MV SMS USNS USCGC HNLMS INS ORP HNoMS HDMS HSwMS ARA RV TS PS SY "
    "MS MY USAT USRC HMT HMHS HMY RFA SMU NRP ROKS JDS JS KRI BAP BRP"
)
for _prefix_name in _SHIP_PREFIXES.split(" "):
    _register(_prefix_name.lower(), _prefix(_prefix_name))

_register("·|dot|middot|dot-separator|spaced middot", _const(" · "))
_register("•|bull|bullet|spaced bullet", _const(" • "))
_register("ndash|en dash|–|nsndns", _const("–"))
_register("snd|spaced ndash|spaced en dash|sndash", _const(" – "))
_register("mdash|em dash|—|spaced mdash|mdashb", _const("—"))
_register("'|apostrophe", _const("'"))
_register("'s", _const("'s"))
_register("' \"|'\"", _const("'\""))
_register("\" '|\"'", _const("\"'"))
_register("nbsp|spaces|space|thinsp|sp|zwsp|hair space|px2|nnbsp|figure space", _const(" "))
_register("!|pipe", _const("|"))
_register("=|equals", _const("="))
_register("deg|degree|°", _const("°"))
_register("pi|π", _const("π"))
_register("times|×", _const("×"))
_register("hyphen|-?", _const("-"))
_register("wbr|zwj|zwnj|shy-", _const(""))

# Quotations: (text, who, source) argument names in order of preference.
QUOTES: dict[str, tuple[tuple[str | int, ...], tuple[str | int, ...], tuple[str | int, ...]]] = {}
for _name in [
    "quote",
    "blockquote",
    "quotation",
    "bquote",
    "quote frame",
    "poem quote",
    "quote2",
    "centered pull quote",
]:
    QUOTES[_name] = (("text", "quote", "1"), ("author", "by", "sign", "2"), ("source", "title", "3"))
for _name in [
    "cquote",
    "rquote",
    "quote box",
    "quotebox",
    "pull quote",
    "quote box2",
    "cquote2",
    "quotation box",
]:
    QUOTES[_name] = (("quote", "text", "1"), ("author", "by", "4", "2", "sign"), ("source", "5", "3"))


def quote_parts(call: Call, key: str) -> tuple[str, str]:
    """The quoted text and its attribution (who, then source) of a quotation template."""
    text_names, who_names, source_names = QUOTES[key]
    text = call.first(*_positions(text_names))
    who = call.first(*_positions(who_names))
    source = call.first(*_positions(source_names))
    cite = ", ".join(p for p in (who, source) if p)
    return text, cite


def _positions(names: tuple[str | int, ...]) -> tuple[str | int, ...]:
    return tuple(int(n) if isinstance(n, str) and n.isdigit() else n for n in names)


def words_of(key: str) -> Render | None:
    """The renderer of a template by case-folded name, including name families (``lang-fr``)."""
    render = WORDS.get(key)
    if render is not None:
        return render
    if key.startswith(("lang-", "lang x-")):
        return _arg(1)
    return None
