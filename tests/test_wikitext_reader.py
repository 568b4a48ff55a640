"""The wikitext reader on small hand-written pages: one construct per test."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse import ListBlock, Paragraph, Quote, Table
from wikiparse.wikitext.calls import parse_call, split_pipes, template_key
from wikiparse.wikitext.inline import strip_quotes

from .pagetext import kept_text


def read(text: str, **options: object) -> wikiparse.Page:
    return wikiparse.parse(text, format="wikitext", **options)  # type: ignore[arg-type]


def rules_removed(page: wikiparse.Page, rule: str) -> list[str]:
    return [r.text for r in page.removed if r.rule == rule]


def test_sections_nest_by_heading_level() -> None:
    page = read("Lead words.\n== A ==\nIn A.\n=== A1 ===\nIn A1.\n== B ==\nIn B.\n")
    assert [(s.title, [c.title for c in s.sections]) for s in page.sections] == [("A", ["A1"]), ("B", [])]
    assert page.summary == "Lead words."


def test_heading_levels_follow_the_shorter_side() -> None:
    page = read("==== Deep ===\nText.\n")
    assert page.sections[0].level == 3


def test_emphasis_goes_and_apostrophes_stay() -> None:
    assert (
        strip_quotes("''Titanic'''s maiden voyage was '''famous'''") == "Titanic's maiden voyage was famous"
    )
    assert strip_quotes("l''''avion'''") == "l'avion"
    assert read("The '''''Gull''''' sailed.").summary == "The Gull sailed."


def test_links_keep_words_and_record_targets() -> None:
    page = read("The [[Kettle Hill|hill]] and [[tower]]s near [[Gull Rock (reef)|]].")
    assert page.summary == "The hill and towers near Gull Rock."
    assert [(link.text, link.target) for link in page.links] == [
        ("hill", "Kettle Hill"),
        ("towers", "Tower"),
        ("Gull Rock", "Gull Rock (reef)"),
    ]


def test_interwiki_words_stay_and_interlanguage_links_go() -> None:
    page = read("See [[wikt:ferry|ferry]] in the dictionary.\n[[fr:Traversier]]\n")
    assert page.summary == "See ferry in the dictionary."
    assert "Traversier" not in kept_text(page)


def test_external_links_keep_their_words_only() -> None:
    page = read("The [https://example.org/log harbour log] says so [https://example.org/x].")
    assert page.summary == "The harbour log says so."


def test_categories_any_localised_prefix() -> None:
    page = read("Text.\n[[Category:Ferries]]\n[[Категория:Реки|Сорт]]\n[[Kategorie:Fähren]]\n")
    assert page.categories == ("Ferries", "Реки", "Fähren")


def test_visible_category_link_is_a_link() -> None:
    page = read("All ferries are in [[:Category:Ferries|one category]].")
    assert page.summary == "All ferries are in one category."
    assert page.categories == ()


def test_file_options_never_reach_text_and_caption_is_logged() -> None:
    page = read("[[Image:Ferry.png|thumb|upright=1.2|alt=A ferry|The ferry at [[Dover]]]]\nThe ferry sank.")
    assert kept_text(page).count("thumb") == 0
    assert page.summary == "The ferry sank."
    assert rules_removed(page, "file") == ["Ferry.png: The ferry at Dover"]


def test_file_rule_disabled_keeps_thumbnail_captions() -> None:
    options = wikiparse.ParseOptions.build(disable=["file"])
    page = read("[[File:Ferry.png|thumb|The ferry at dawn]]\nThe ferry sank.\n", options=options)
    assert [b.text for b in page.lead if isinstance(b, Paragraph)] == ["The ferry at dawn", "The ferry sank."]


def test_multiline_references_never_join_the_sentence() -> None:
    page = read('The ferry sank.<ref name="a">\nHarbour log,\npage 4.\n</ref> Nobody drowned.<ref name="a"/>')
    assert page.summary == "The ferry sank. Nobody drowned."
    assert rules_removed(page, "reference") == ["Harbour log,\npage 4."]


def test_comments_and_behaviour_switches_vanish() -> None:
    page = read("__NOTOC__\nThe ferry<!-- check the date --> sank.__NOEDITSECTION__")
    assert page.summary == "The ferry sank."
    assert page.removed == ()


def test_nowiki_text_is_shown_as_typed() -> None:
    page = read("Type <nowiki>{{PAGENAME}}</nowiki> to show the title.")
    assert page.summary == "Type {{PAGENAME}} to show the title."


def test_code_blocks_from_pre() -> None:
    page = read("Example:\n<pre>\n  x = 1\n</pre>\n")
    assert [type(b).__name__ for b in page.lead] == ["Paragraph", "Code"]
    assert page.lead[1].text == "  x = 1"  # type: ignore[union-attr]


def test_nested_and_definition_lists() -> None:
    page = read("* one\n** one-a\n*# one-b\n* two\n; Term : detail\n; Other\n: its detail\n")
    bullets, definitions = page.lead
    assert isinstance(bullets, ListBlock)
    assert isinstance(definitions, ListBlock)
    assert [i.text for i in bullets.items] == ["one", "two"]
    assert [i.text for i in bullets.items[0].items] == ["one-a", "one-b"]
    assert [(i.term, i.detail) for i in definitions.items] == [("Term", "detail"), ("Other", "its detail")]


def test_indented_lines_alone_are_prose() -> None:
    page = read(":The ferry sank.\n::Nobody drowned.\n")
    assert [b.text for b in page.lead if isinstance(b, Paragraph)] == ["The ferry sank.", "Nobody drowned."]


def test_table_spans_expand_and_header_is_found() -> None:
    page = read(
        '{| class="wikitable"\n|+ Sailings\n! Ship !! Day !! Port\n|-\n| rowspan="2" | Gull || Mon || Dover\n'
        "|-\n| colspan=2 | Tue (no port)\n|-\n| Tern\n| Wed\n| [[Calais]]\n|}\n"
    )
    (table,) = page.lead
    assert isinstance(table, Table)
    assert table.caption == "Sailings"
    assert table.header == ("Ship", "Day", "Port")
    assert table.rows == (
        ("Gull", "Mon", "Dover"),
        ("Gull", "Tue (no port)", "Tue (no port)"),
        ("Tern", "Wed", "Calais"),
    )


def test_nested_table_flattens_into_its_cell() -> None:
    page = read("{|\n| Outer || inner:\n{|\n| a || b\n|}\n|-\n| c || d\n|}\n")
    (table,) = page.lead
    assert isinstance(table, Table)
    assert table.rows == (("Outer", "inner: a b"), ("c", "d"))


def test_one_cell_table_is_a_paragraph() -> None:
    page = read('{| style="float:right"\n| A boxed note about the ferry.\n|}\n')
    assert page.lead == (Paragraph(text="A boxed note about the ferry."),)


def test_orphan_rows_of_a_dropped_table_start_become_a_table() -> None:
    page = read("{{Election box begin}}\n|-\n| Gull party || 120\n|-\n| Tern party || 80\n|}\n")
    (table,) = page.lead
    assert isinstance(table, Table)
    assert table.rows == (("Gull party", "120"), ("Tern party", "80"))


def test_unknown_templates_drop_with_a_record_and_words_templates_keep_words() -> None:
    page = read(
        "The {{lang|fr|traversier}} left {{circa|1900}} carrying {{convert|5|to|10|t}} of coal"
        "{{citation needed}}; it sank on {{start date|1901|3|4|df=y}}.{{Navbox ferries}}"
    )
    assert page.summary == "The traversier left c. 1900 carrying 5 to 10 t of coal; it sank on 4 March 1901."
    assert rules_removed(page, "template") == ["{{citation needed}}", "{{Navbox ferries}}"]


def test_nested_templates_resolve_innermost_first() -> None:
    page = read("It weighed {{nowrap|{{convert|3|t}} {{small|(est.)}}}} in all.")
    assert page.summary == "It weighed 3 t (est.) in all."


def test_parser_functions_and_variables() -> None:
    page = read("{{DEFAULTSORT:Ferry}}{{DISPLAYTITLE:''Ferry''}}{{#if:x|yes|no}}The {{lc:FERRY}} sank.")
    assert page.summary == "The ferry sank."
    assert rules_removed(page, "template") == ["{{#if:x|yes|no}}"]


def test_quote_templates_become_quote_blocks() -> None:
    page = read("Before.\n{{Quote|text=We saw the light at dawn.|author=A keeper|source=Log}}\nAfter.\n")
    assert page.lead[1] == Quote(text="We saw the light at dawn.", cite="A keeper, Log")


def test_quote_inside_a_sentence_keeps_its_words() -> None:
    assert read("He said {{quote|go on}} and left.").summary == "He said go on and left."


def test_empty_parentheses_left_by_dropped_templates_go() -> None:
    page = read(
        "'''Gull''' ({{IPAc-en|g|ʌ|l}}; {{lang-cy|Gwylan}}) is a ship. '''Tern''' ({{IPA|tɜːn}}) too."
    )
    assert page.summary == "Gull (Gwylan) is a ship. Tern too."


def test_infobox_by_name_without_definition() -> None:
    page = read(
        "{{Infobox ship\n| name = Gull\n| image = Gull.jpg\n| image_size = 200px\n"
        "| ship_builder = [[Harland]]\n| ship_launched = {{start date|1899|5|2}}\n"
        "| ship_crew = {{ubl|12 officers|40 ratings}}\n}}\nGull was a ship."
    )
    (box,) = page.infoboxes
    assert box.title == "Gull"
    assert [(f.label, f.value) for f in box.fields] == [
        ("ship builder", "Harland"),
        ("ship launched", "May 2, 1899"),
        ("ship crew", "12 officers, 40 ratings"),
    ]


def test_redirect_page() -> None:
    page = read("#REDIRECT [[Gull (ship)#History]]\n{{R from move}}\n")
    assert (page.page_type, page.redirect) == ("redirect", "Gull (ship)#History")
    assert page.sections == ()
    assert page.lead == ()


def test_localised_redirect_word() -> None:
    assert read("#ПРЕНАСОЧВАНЕ [[Брезово]]").redirect == "Брезово"


def test_disambiguation_flag() -> None:
    page = read("'''Gull''' may refer to:\n* [[Gull (ship)]]\n* [[Gull (bird)]]\n{{disambiguation}}\n")
    assert page.page_type == "disambiguation"


def test_stray_markup_is_cut_and_logged_once() -> None:
    page = read("A broken ]] link and {{ an open call.")
    assert "]]" not in kept_text(page)
    assert "{{" not in kept_text(page)
    assert rules_removed(page, "wiki-syntax") == ["]] {{"]


def test_template_nesting_is_bounded() -> None:
    deep = "{{x|" * 60 + "y" + "}}" * 60
    with pytest.raises(wikiparse.LimitExceeded):
        read(deep, options=wikiparse.ParseOptions.build(limits=wikiparse.Limits(max_nodes=20)))


def test_split_calls_like_mediawiki() -> None:
    assert split_pipes("a|[[b|c]]|[[File:x.jpg|thumb|[[y|z]]]]|d") == [
        "a",
        "[[b|c]]",
        "[[File:x.jpg|thumb|[[y|z]]]]",
        "d",
    ]
    call = parse_call("Cite web| url = http://x?a=b |1=one|two")
    assert (call.key, call.arg("url"), call.arg(1), call.arg(2)) == ("Cite web", "http://x?a=b", "one", "")
    assert template_key("Template:infobox_ship", ("template",)) == "Infobox ship"


def test_fandom_tabber_tabs_become_titled_paragraphs() -> None:
    page = read("<tabber>\nEarly life=\nShe grew up by the sea.\n|-|\nLater life=\nShe kept it.</tabber>")
    assert [b.text for b in page.lead if isinstance(b, Paragraph)] == [
        "Early life",
        "She grew up by the sea.",
        "Later life",
        "She kept it.",
    ]
    assert "|-|" not in kept_text(page)


def test_infobox_values_split_on_line_breaks_and_skip_file_names() -> None:
    page = read(
        "{{Infobox spaceflight\n| crew_photo = Gull crew - 1899.jpg\n"
        "| crew = Ann Lee<br />Tom Penrose<br/>Ada\n| insignia = Gull-patch.png\n"
        "| imagesize = 250px\n| note = Seen [[File:x.jpg|thumb|y]] here\n}}\nText."
    )
    (box,) = page.infoboxes
    pairs = [(f.label, f.value) for f in box.fields]
    assert pairs == [("crew", "Ann Lee, Tom Penrose, Ada"), ("note", "Seen here")]


def test_unclosed_extension_tags_show_their_text() -> None:
    page = read("The ferry <ref>never closed sank. <math>x never closed too.")
    assert page.summary == "The ferry never closed sank. x never closed too."


def test_tags_pair_with_the_first_closing_tag() -> None:
    page = read("A<ref name=a>one <ref>two</ref> B <ref>three</ref>.")
    assert page.summary == "A B."
    assert rules_removed(page, "reference") == ["one <ref>two", "three"]


def test_nesting_deeper_than_mediawiki_expands_is_cut_not_followed() -> None:
    page = read("Start " + "{{nowrap|" * 60 + "core" + "}}" * 60 + " end.")
    assert "{{" not in kept_text(page)
    assert "}}" not in kept_text(page)
    assert rules_removed(page, "wiki-syntax")
