"""Chunks: passages within sections, with provenance and offsets, covering the content once."""

from __future__ import annotations

import inspect
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import ListBlock, ListItem, Page, Paragraph, Section, SourceInfo
from wikiparse.chunks import Chunk, ChunkOptions, chunk_page

from .chunkcheck import check_chunks
from .conftest import SEED, need
from .strategies import pages


def _page(*sections: Section, lead: tuple[Paragraph, ...] = ()) -> Page:
    return Page(title="T", url="https://w.example/wiki/T", lead=lead, sections=sections)


def _para(words: int, word: str = "lamp") -> Paragraph:
    return Paragraph(text=" ".join([word] * words) + ".")


def test_seed_gives_one_chunk_per_section() -> None:
    page = wikiparse.parse(need(SEED))
    chunks = page.chunks()
    assert [c.heading for c in chunks] == ["", "Plot", "Cast", "Production"]
    assert chunks[0].text.startswith("Red Heat is a 1988 American buddy cop action film")
    assert chunks[2].text.count("\n- ") == 20
    check_chunks(page, chunks, ChunkOptions())


@pytest.mark.parametrize(("max_chars", "overlap", "min_chars"), [(300, 50, 100), (120, 0, 0), (80, 40, 80)])
def test_seed_small_chunks_keep_the_invariants(max_chars: int, overlap: int, min_chars: int) -> None:
    page = wikiparse.parse(need(SEED))
    options = ChunkOptions(max_chars=max_chars, overlap=overlap, min_chars=min_chars)
    chunks = chunk_page(page, options)
    assert len(chunks) > 10
    check_chunks(page, chunks, options)


def test_offsets_point_into_to_text_and_paths_nest() -> None:
    music = Section(title="Music", level=3, blocks=(_para(30, "horn"),))
    page = _page(Section(title="Production", level=2, blocks=(_para(30),), sections=(music,)))
    chunks = page.chunks(min_chars=0)
    assert [(c.section_path, c.heading) for c in chunks] == [
        (("Production",), "Production"),
        (("Production", "Music"), "Production > Music"),
    ]
    text = page.to_text()
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert chunks[1].text.startswith("horn horn")


def test_block_boundaries_come_first() -> None:
    page = _page(Section(title="S", level=2, blocks=(_para(20), _para(20, "wick"), _para(20, "oil"))))
    chunks = page.chunks(max_chars=150, overlap=0, min_chars=0)
    assert [c.text.split()[0] for c in chunks] == ["lamp", "wick", "oil"]
    assert all(c.text.endswith(".") for c in chunks)


def test_sentences_come_before_words() -> None:
    sentences = " ".join(f"Sentence {n} tells of lamps and wicks." for n in range(12))
    page = _page(Section(title="S", level=2, blocks=(Paragraph(text=sentences),)))
    chunks = page.chunks(max_chars=100, overlap=0, min_chars=0)
    assert len(chunks) > 3
    assert all(c.text.endswith("wicks.") for c in chunks)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Capt. Ivan Danko meets J. W. Smith at the docks today. " * 3
    page = _page(Section(title="S", level=2, blocks=(Paragraph(text=text.strip()),)))
    chunks = page.chunks(max_chars=70, overlap=0, min_chars=0)
    assert all(c.text.endswith("today.") for c in chunks)


def test_words_before_characters() -> None:
    page = _page(Section(title="S", level=2, blocks=(Paragraph(text=" ".join(["lantern"] * 50)),)))
    chunks = page.chunks(max_chars=60, overlap=0, min_chars=0)
    assert all(set(c.text.split()) == {"lantern"} for c in chunks)
    assert all(len(c.text) <= 60 for c in chunks)


def test_a_block_longer_than_a_chunk_with_no_spaces_is_split_not_dropped() -> None:
    blob = "灯" * 1000
    page = _page(Section(title="S", level=2, blocks=(Paragraph(text=blob),)))
    options = ChunkOptions(max_chars=300, overlap=30, min_chars=0)
    chunks = chunk_page(page, options)
    assert len(chunks) == 4
    check_chunks(page, chunks, options)
    assert "".join(c.text[30:] if i else c.text for i, c in enumerate(chunks)) == blob


def test_overlap_starts_at_a_word() -> None:
    page = _page(Section(title="S", level=2, blocks=(Paragraph(text=" ".join(f"w{n}" for n in range(200))),)))
    chunks = page.chunks(max_chars=100, overlap=20, min_chars=0)
    text = page.to_text()
    for a, b in itertools.pairwise(chunks):
        assert 0 < a.end - b.start <= 20
        assert text[b.start - 1].isspace()


def test_short_sections_join_their_neighbour() -> None:
    page = _page(
        Section(title="A", level=2, blocks=(Paragraph(text="Short one."),)),
        Section(title="B", level=2, blocks=(Paragraph(text="Short two."),)),
        Section(title="C", level=2, blocks=(_para(90),)),
    )
    chunks = page.chunks(max_chars=400, overlap=0, min_chars=100)
    assert chunks[0].sections == (("A",), ("B",))
    assert chunks[0].text == "Short one.\n\nB\n\nShort two."
    assert {c.sections for c in chunks[1:]} == {(("C",),)}
    # while the joined text is still short and fits, the next section joins too
    joined = page.chunks(max_chars=500, overlap=0, min_chars=100)
    assert [c.sections for c in joined] == [(("A",), ("B",), ("C",))]
    # with no minimum, every section stands alone
    assert [c.heading for c in page.chunks(max_chars=500, overlap=0, min_chars=0)] == ["A", "B", "C"]


def test_a_short_section_does_not_join_when_the_result_would_not_fit() -> None:
    page = _page(
        Section(title="A", level=2, blocks=(_para(60),)),
        Section(title="B", level=2, blocks=(Paragraph(text="Tiny."),)),
    )
    chunks = page.chunks(max_chars=200, overlap=0, min_chars=50)
    assert chunks[-1].sections == (("B",),)


def test_lead_and_infobox_have_the_empty_path() -> None:
    box = wikiparse.Infobox(title="Lamp", fields=(wikiparse.InfoboxField(label="Fuel", value="oil"),))
    page = Page(title="Lamp", infoboxes=(box,), lead=(_para(5),), categories=("Lamps",))
    (chunk,) = page.chunks()
    assert chunk.section_path == ()
    assert chunk.text == "Lamp\nFuel: oil\n\nlamp lamp lamp lamp lamp."
    assert "Categories" not in chunk.text


def test_empty_page_has_no_chunks() -> None:
    assert Page(title="Nothing").chunks() == ()


def test_provenance_and_json_form() -> None:
    source = SourceInfo(path="dump.xml", page_id=7)
    page = Page(title="T", url="u", source=source, lead=(Paragraph(text="Body."),))
    (chunk,) = page.chunks()
    data = chunk.to_dict()
    assert list(data) == [
        "schema",
        "index",
        "count",
        "title",
        "url",
        "source",
        "section_path",
        "heading",
        "sections",
        "start",
        "end",
        "text",
    ]
    assert data["source"] == {**dict.fromkeys(data["source"]), "path": "dump.xml", "page_id": 7}  # type: ignore[arg-type]
    assert Chunk.from_dict(json.loads(json.dumps(data))) == chunk


def test_from_dict_rejects_other_records() -> None:
    with pytest.raises(wikiparse.InputError):
        Chunk.from_dict({"schema": "wikiparse/1"})
    with pytest.raises(wikiparse.InputError):
        Chunk.from_dict({"schema": "wikiparse-chunk/1", "index": 0})


@pytest.mark.parametrize(
    "kwargs", [{"max_chars": 0}, {"overlap": 1001}, {"overlap": -1}, {"min_chars": 2001}, {"min_chars": -1}]
)
def test_bad_sizes_are_refused(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="must be"):
        ChunkOptions(**kwargs)


def test_page_method_defaults_match_the_options() -> None:
    params = inspect.signature(Page.chunks).parameters
    defaults = ChunkOptions()
    assert {name: params[name].default for name in ("max_chars", "overlap", "min_chars")} == {
        "max_chars": defaults.max_chars,
        "overlap": defaults.overlap,
        "min_chars": defaults.min_chars,
    }


@st.composite
def chunk_options(draw: st.DrawFn) -> ChunkOptions:
    max_chars = draw(st.integers(1, 120))
    return ChunkOptions(
        max_chars=max_chars,
        overlap=draw(st.integers(0, max_chars // 2)),
        min_chars=draw(st.integers(0, max_chars)),
    )


prose = st.lists(
    st.text(st.sampled_from("abc xyz.!?\n灯é"), min_size=1, max_size=12), min_size=1, max_size=30
).map(" ".join)
long_sections = st.lists(
    st.builds(
        Section,
        title=st.text(max_size=8),
        level=st.integers(2, 4),
        blocks=st.lists(st.builds(Paragraph, text=prose), max_size=3).map(tuple),
        sections=st.lists(
            st.builds(
                Section, title=st.text(max_size=8), level=st.just(5), blocks=st.just((Paragraph(text="x"),))
            ),
            max_size=2,
        ).map(tuple),
    ),
    max_size=4,
).map(tuple)


@given(pages, chunk_options())
@settings(max_examples=300, deadline=None)
def test_invariants_on_generated_pages(page: Page, options: ChunkOptions) -> None:
    check_chunks(page, chunk_page(page, options), options)


@given(long_sections, st.lists(st.builds(Paragraph, text=prose), max_size=2).map(tuple), chunk_options())
@settings(max_examples=300, deadline=None)
def test_invariants_on_generated_prose(
    sections: tuple[Section, ...], lead: tuple[Paragraph, ...], options: ChunkOptions
) -> None:
    page = Page(title="T", lead=lead, sections=sections)
    check_chunks(page, chunk_page(page, options), options)


def test_nested_lists_split_between_items() -> None:
    items = tuple(ListItem(text=f"Item number {n} of the list") for n in range(20))
    page = _page(Section(title="L", level=2, blocks=(ListBlock(ordered=False, items=items),)))
    chunks = page.chunks(max_chars=200, overlap=0, min_chars=0)
    assert all(c.text.startswith("- Item") and c.text.endswith("of the list") for c in chunks)
