"""A plain-text scrape → a :class:`~wikiparse.doc.Doc`: the text reader's passes, in order.

1. restore the lines of a page flattened into one run of text (:mod:`.blob`);
2. decide the page's conventions (Markdown, hard wrapping, lost bullets: :mod:`.profile`);
3. undo format artefacts inside lines (:mod:`.surface`);
4. drop boilerplate lines and regions by named rules (:mod:`.chrome`);
5. classify lines (:mod:`.lines`) and join hard-wrapped ones (:mod:`.wrap`);
6. promote headings from context, cut chrome glued inside lines (:mod:`.structure`);
7. find the title (:mod:`.title`) and the flattened infobox (:mod:`.infobox`);
8. mark list items without bullets, then build blocks (:mod:`.blocks`).
"""

from __future__ import annotations

from ..doc import Doc
from ..errors import LimitExceeded
from ..nesting import flattened_warning
from ..options import Limits
from ..rules import RuleSet
from .blob import unflatten
from .blocks import build_blocks
from .chrome import drop_boilerplate
from .infobox import first_label, read_infobox
from .lines import Line, classify, count_lines, split_lines
from .profile import detect
from .shapes import unquote
from .state import ReadState
from .structure import demote_unmarked, mark_lists, promote_headings
from .surface import cut_inline, decode_entities, surface
from .title import find_title
from .wrap import join_wrapped


def read_text(text: str, rules: RuleSet, limits: Limits, *, url: str | None = None) -> Doc:
    """Read a plain-text scrape into a document.

    ``url`` (when known) lets the URL's title win over weak evidence in the text, such as the
    subject of the first sentence; a heading or title line in the text still wins over it.
    """
    lines_count = count_lines(text)
    if lines_count > limits.max_nodes:  # counted before the lines are built
        raise LimitExceeded(f"text of {lines_count:,} lines", limits.max_nodes, "max_nodes")
    raw_lines = split_lines(text)
    state = ReadState(rules)
    raw_lines = unflatten(raw_lines, state)
    profile = detect(raw_lines)
    numbered, links = surface(raw_lines, profile, state)
    kept = drop_boilerplate(numbered, state)
    lines = [classify(raw, number) for number, raw in kept]
    if profile.wrap:
        lines = join_wrapped(lines, profile.wrap)
    if profile.html2text:
        lines = decode_entities(lines)
    lines = promote_headings(lines, state)
    if profile.markdown:
        lines = demote_unmarked(lines)
    lines = cut_inline(lines, state)
    lines, title = _title_and_infobox(lines, state, url)
    lines = mark_lists(lines, profile)
    flattened: list[int] = []
    depth = limits.max_list_depth
    blocks = tuple(build_blocks(lines, markdown=profile.markdown, max_list_depth=depth, flattened=flattened))
    kept_numbers = {number for number, _ in kept}
    return Doc(
        blocks=blocks,
        input_format="text",
        title=title,
        url=state.url,
        infoboxes=tuple(state.infoboxes),
        categories=tuple(dict.fromkeys(c for c in state.categories if c)),
        links=tuple(link for number in sorted(links) if number in kept_numbers for link in links[number]),
        removed=state.removals(),
        warnings=(flattened_warning(sum(flattened), limits.max_list_depth),) if flattened else (),
    )


def _title_and_infobox(lines: list[Line], state: ReadState, url: str | None) -> tuple[list[Line], str | None]:
    """The title (its line consumed) and the infobox (its lines consumed); the title line
    just above the infobox's labels is also the box's title."""
    box_start = first_label(lines)
    title = find_title(lines, url, before=box_start)
    box_title = None
    if title.line is not None:
        between = lines[title.line + 1 : box_start] if box_start is not None else [lines[title.line]]
        if box_start is not None and all(x.kind == "blank" for x in between):
            box_title = unquote(lines[title.line].text)
        lines = lines[: title.line] + lines[title.line + 1 :]
    return read_infobox(lines, state, title=box_title), title.text
