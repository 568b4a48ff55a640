"""wikiparse: scraped wiki pages (HTML, plain text, XML dumps) → clean, structured records.

>>> import wikiparse
>>> page = wikiparse.parse("Plot Edit\\nA detective hunts a smuggler.")
>>> page.sections[0].title
'Plot'
"""

from ._version import __version__
from .batch import BatchOptions, BatchReport, Converted, Failed, convert
from .errors import (
    InputError,
    InternalError,
    LimitExceeded,
    MissingExtraError,
    UnknownRuleError,
    WikiparseError,
)
from .options import Limits, ParseOptions
from .parse import parse
from .records import (
    SCHEMA,
    Block,
    Code,
    Decoding,
    Infobox,
    InfoboxField,
    Link,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Quote,
    Removal,
    Section,
    SourceInfo,
    Table,
)
from .unitparse import parse_unit

__all__ = [
    "SCHEMA",
    "BatchOptions",
    "BatchReport",
    "Block",
    "Code",
    "Converted",
    "Decoding",
    "Failed",
    "Infobox",
    "InfoboxField",
    "InputError",
    "InternalError",
    "LimitExceeded",
    "Limits",
    "Link",
    "ListBlock",
    "ListItem",
    "MissingExtraError",
    "Page",
    "Paragraph",
    "ParseOptions",
    "Quote",
    "Removal",
    "Section",
    "SourceInfo",
    "Table",
    "UnknownRuleError",
    "WikiparseError",
    "__version__",
    "convert",
    "parse",
    "parse_unit",
]
