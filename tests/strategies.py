"""Hypothesis strategies over the record types (after attrs' tests/strategies.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from wikiparse import records as r

text = st.text(max_size=40)
opt_text = st.none() | text
small_int = st.integers(min_value=0, max_value=10**12)


def list_items(depth: int = 2) -> st.SearchStrategy[r.ListItem]:
    children = st.lists(list_items(depth - 1), max_size=2).map(tuple) if depth > 0 else st.just(())
    return st.builds(r.ListItem, text=text, term=opt_text, detail=opt_text, items=children)


cells = st.lists(text, max_size=3).map(tuple)
blocks: st.SearchStrategy[r.Block] = st.one_of(
    st.builds(r.Paragraph, text=text),
    st.builds(r.ListBlock, ordered=st.booleans(), items=st.lists(list_items(), max_size=3).map(tuple)),
    st.builds(
        r.Table, caption=opt_text, header=st.none() | cells, rows=st.lists(cells, max_size=3).map(tuple)
    ),
    st.builds(r.Quote, text=text, cite=opt_text),
    st.builds(r.Code, text=text),
)
block_tuples = st.lists(blocks, max_size=3).map(tuple)


def sections(depth: int = 2) -> st.SearchStrategy[r.Section]:
    children = st.lists(sections(depth - 1), max_size=2).map(tuple) if depth > 0 else st.just(())
    return st.builds(r.Section, title=text, level=st.integers(1, 6), blocks=block_tuples, sections=children)


sources = st.builds(
    r.SourceInfo,
    path=opt_text,
    member=opt_text,
    offset=st.none() | small_int,
    line=st.none() | small_int,
    record_id=opt_text,
    page_id=st.none() | small_int,
    revision_id=st.none() | small_int,
    timestamp=opt_text,
    sha256=opt_text,
)
decodings = st.builds(
    r.Decoding,
    encoding=text,
    method=st.sampled_from(["bom", "declared", "utf-8", "fallback"]),
    replaced=small_int,
    mojibake_repaired=small_int,
)

pages = st.builds(
    r.Page,
    title=opt_text,
    url=opt_text,
    source=st.none() | sources,
    page_type=st.sampled_from(["article", "redirect", "disambiguation", "category", "list", "empty"]),
    site=st.sampled_from(["fandom", "wikipedia", "mediawiki", "unknown"]),
    skin=opt_text,
    site_name=opt_text,
    input_format=st.sampled_from(["html", "text", "wikitext"]),
    lang=opt_text,
    redirect=opt_text,
    summary=text,
    lead=block_tuples,
    sections=st.lists(sections(), max_size=2).map(tuple),
    infoboxes=st.lists(
        st.builds(
            r.Infobox,
            title=opt_text,
            fields=st.lists(st.builds(r.InfoboxField, label=text, value=text), max_size=3).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    categories=st.lists(text, max_size=3).map(tuple),
    links=st.lists(st.builds(r.Link, text=text, target=text), max_size=3).map(tuple),
    removed=st.lists(
        st.builds(r.Removal, rule=text, reason=text, text=text, chars=small_int), max_size=3
    ).map(tuple),
    warnings=st.lists(text, max_size=2).map(tuple),
    decoding=st.none() | decodings,
)
