"""Rules of the wikitext reader: markup of MediaWiki source that never reaches text as is.

Their removals say what a dump page held that the record does not: template calls that
cannot be expanded offline, footnotes, embedded files, non-prose extension content and
unbalanced markup.  ``template``, ``reference``, ``extension-tag`` and ``wiki-syntax`` are
always applied to wikitext (the alternative is raw markup in the text); switching ``file``
off keeps thumbnail captions as paragraphs.
"""

from __future__ import annotations

from . import Rule, register

TEMPLATE = Rule(
    name="template",
    reason="template call that cannot be expanded offline (its output is unknown)",
    stages=("markup",),
)
REFERENCE = Rule(
    name="reference",
    reason="footnote (<ref>) text, kept out of the sentence it annotates",
    stages=("markup",),
)
FILE = Rule(
    name="file",
    reason="embedded image or file (its caption, if any, is in the removal text)",
    stages=("markup",),
)
EXTENSION_TAG = Rule(
    name="extension-tag",
    reason="extension content that is not prose (<math>, <timeline>, <score>…)",
    stages=("markup",),
)
WIKI_SYNTAX = Rule(
    name="wiki-syntax",
    reason="unbalanced wiki markup that MediaWiki would show literally ('[[', '}}', '|}')",
    stages=("inline",),
)

register(TEMPLATE, REFERENCE, FILE, EXTENSION_TAG, WIKI_SYNTAX)
