"""Hypothesis strategies that generate wiki-like pages: HTML in several skins' shapes, text scrapes, wikitext.

Shared by the property tests (tests/test_properties.py) and the long fuzz runs (fuzz/run.py,
fuzz/atheris_parse.py).

The ``ordered_*`` strategies put numbered words (``w00001``, ``w00002``…) where the others put text,
in increasing order through the page, so a test can tell whether kept text kept its order.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "Plot",
        "Edit",
        "[edit]",
        "the",
        "Soviet",
        "Union",
        "theSoviet",
        "inChicago",
        "Contents",
        "1",
        "1.1",
        "•",
        "*",
        "-",
        "#",
        "|",
        "{{",
        "}}",
        "[[",
        "]]",
        "'''",
        "<ref>",
        "</ref>",
        "&nbsp;",
        "&amp;",
        "\u00a0",
        "Ad blocker interference detected!",
        "Retrieved from",
        "NewPP limit report",
        "é",
        "日本",
        "\u200b",
        "Category:",
        "File:x.jpg|thumb|",
        "==",
        "===",
        "{|",
        "|-",
        "|}",
        "!",
        ":",
        ";",
        "'",
        '"',
        "<",
        ">",
    ]
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=30).map(" ".join)

TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "a",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "pre",
        "code",
        "sup",
        "b",
        "i",
        "aside",
        "section",
        "nav",
        "footer",
        "caption",
        "script",
        "style",
        "br",
        "img",
        "figure",
        "figcaption",
    ]
)
CLASSES = st.sampled_from(
    [
        "",
        "mw-parser-output",
        "mw-editsection",
        "mw-heading mw-heading2",
        "portable-infobox",
        "pi-data",
        "pi-data-label",
        "pi-data-value",
        "infobox",
        "navbox",
        "toc",
        "reference",
        "reflist",
        "catlinks",
        "page-header__title",
        "mw-headline",
        "wikitable",
        "hatnote",
        "thumb",
        "noprint",
        "printfooter",
    ]
)
ATTRS = st.fixed_dictionaries(
    {},
    optional={
        "class": CLASSES,
        "id": st.sampled_from(
            ["content", "firstHeading", "mw-content-text", "catlinks", "toc", "WikiaArticleMsg"]
        ),
        "colspan": st.sampled_from(["0", "1", "2", "999999", "-3", "x"]),
        "rowspan": st.sampled_from(["0", "1", "3", "999999", "abc"]),
        "style": st.sampled_from(["display:none", "display: none", ""]),
        "href": st.sampled_from(
            ["/wiki/Red_Heat", "https://x.fandom.com/wiki/A", "#cite_note-1", "javascript:x"]
        ),
    },
)


def token(number: int) -> str:
    """The numbered word of an ordered page."""
    return f"w{number:05d}"


@st.composite
def ordered_text_pages(draw: st.DrawFn) -> str:
    """Like :data:`text_pages`, each line led by the next numbered word."""
    lines = draw(text_pages).split("\n")
    return "\n".join(f"{token(k)} {line}" for k, line in enumerate(lines, 1))


def ordered_html_pages(max_nodes: int = 40) -> st.SearchStrategy[str]:
    """Like :func:`html_pages`, each text run led by the next numbered word."""
    return html_pages(max_nodes, ordered=True)


@st.composite
def html_pages(draw: st.DrawFn, max_nodes: int = 40, ordered: bool = False) -> str:
    """Random, often malformed, nested HTML built from wiki skins' vocabulary."""
    numbers = iter(range(1, 100_000))
    parts: list[str] = []
    stack: list[str] = []
    for _ in range(draw(st.integers(0, max_nodes))):
        action = draw(st.sampled_from(["open", "open", "text", "close", "close-wrong"]))
        if action == "open":
            tag = draw(TAGS)
            attrs = " ".join(f'{k}="{v}"' for k, v in draw(ATTRS).items())
            parts.append(f"<{tag} {attrs}>")
            stack.append(tag)
        elif action == "text":
            parts.append((token(next(numbers)) + " " if ordered else "") + draw(TEXT))
        elif action == "close" and stack:
            parts.append(f"</{stack.pop()}>")
        elif action == "close-wrong":
            parts.append(f"</{draw(TAGS)}>")
    prefix = draw(
        st.sampled_from(["", "<!DOCTYPE html><html><head><title>T - Wikipedia</title></head><body>"])
    )
    return prefix + "".join(parts)


text_pages = st.lists(
    st.one_of(
        TEXT, st.sampled_from(["", "Plot Edit", "  • item", "Contents", "1 Plot", "## Heading", "| a | b |"])
    ),
    max_size=30,
).map("\n".join)

wikitext_pages = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(
            [
                "== H ==",
                "=== H ===",
                "* a",
                "** b",
                "# c",
                "; t : d",
                "{| class=wikitable",
                "|-",
                "| x || y",
                "|}",
                "{{Infobox x",
                "| a = b",
                "}}",
                "[[File:X.png|thumb|cap]]",
                "<ref>r</ref>",
                "#REDIRECT [[X]]",
            ]
        ),
    ),
    max_size=30,
).map("\n".join)


def any_input(max_nodes: int = 60) -> st.SearchStrategy[tuple[str, str | None]]:
    """Any page as text with a ``format`` argument, the wrong reader included."""
    return st.one_of(
        st.tuples(html_pages(max_nodes=max_nodes), st.sampled_from([None, "html", "text"])),
        st.tuples(text_pages, st.sampled_from([None, "text", "html"])),
        st.tuples(wikitext_pages, st.sampled_from([None, "wikitext", "text"])),
        st.tuples(st.text(max_size=300), st.sampled_from([None, "html", "text", "wikitext"])),
    )


DECLARED = st.sampled_from(["utf-8", "iso-8859-1", "shift_jis", "koi8-r", "utf-16", "utf-7", "base64", "x"])

raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.builds(
        lambda label, body: f'<html><head><meta charset="{label}"></head><body>'.encode() + body,
        DECLARED,
        st.binary(max_size=300),
    ),
)
"""Random bytes, bare or behind a ``<meta charset>`` that may name no page encoding."""
