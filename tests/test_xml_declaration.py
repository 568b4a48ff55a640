"""A leading XML declaration is cut from the head alone, with the same result as the whole text."""

from __future__ import annotations

import pytest

from wikiparse.html.dom import _XML_DECLARATION, _without_xml_declaration

CASES = [
    '<?xml version="1.0" encoding="utf-8"?><html><body>x</body></html>',
    "  \n<?xml x?>rest",
    "no declaration",
    "",
    "<?xml?>",
    " " * 5000 + "<?xml a?>b",  # whitespace beyond the head, then a declaration
    " " * 3950 + "<?xml " + "a" * 150 + "?>b",  # a declaration that crosses the head's end
    "<?xml " + "a" * 300 + "?>",  # too long to be one
    "<p>" + "<?xml x?>" * 3,  # not at the start
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
def test_same_as_the_pattern_over_the_whole_text(text: str) -> None:
    assert _without_xml_declaration(text) == _XML_DECLARATION.sub("", text, count=1)
