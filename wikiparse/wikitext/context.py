"""What a page needs to know about its wiki: namespace names, site, and its templates.

:class:`Namespaces` turns ``<siteinfo>``'s namespace list into the prefixes the reader needs
(categories, files, templates), with MediaWiki's canonical English names and common
localisations always included, so ``[[Категория:…]]`` or ``[[Image:…]]`` are recognised even
without ``<siteinfo>``.  :class:`PageContext` is the small, picklable value a batch
:class:`~wikiparse.units.Unit` carries to a worker.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import attrs

from ..records import Site
from ..titles import title_text
from .templates import TemplateInfo
from .xmlpages import SiteInfo

FILE, CATEGORY, TEMPLATE = 6, 14, 10

# MediaWiki's canonical names (includes/DefaultSettings.php) and frequent localisations
# (languages/messages/Messages*.php), used whatever the siteinfo says.
_CANONICAL: dict[int, str] = {
    -2: "Media",
    -1: "Special",
    1: "Talk",
    2: "User",
    3: "User talk",
    4: "Project",
    5: "Project talk",
    6: "File",
    7: "File talk",
    8: "MediaWiki",
    9: "MediaWiki talk",
    10: "Template",
    11: "Template talk",
    12: "Help",
    13: "Help talk",
    14: "Category",
    15: "Category talk",
}
_ALIASES: dict[int, tuple[str, ...]] = {
    -2: ("Медия", "Медиа", "Medium", "Média", "Medio"),
    6: (
        "Image",
        "Файл",
        "Изображение",
        "Datei",
        "Bild",
        "Fichier",
        "Archivo",
        "Imagen",
        "Ficheiro",
        "Imagem",
        "Plik",
        "Grafika",
        "Bestand",
        "Afbeelding",
        "Immagine",
        "Fil",
        "Tiedosto",
        "Soubor",
        "Dosya",
        "Resim",
        "Tập tin",
        "ファイル",
        "画像",
        "文件",
        "檔案",
        "파일",
    ),
    10: ("Шаблон", "Vorlage", "Modèle", "Plantilla", "Predefinição", "Szablon", "Sjabloon", "Template"),
    14: (
        "Категория",
        "Категорія",
        "Kategorie",
        "Catégorie",
        "Categoría",
        "Categoria",
        "Kategoria",
        "Categorie",
        "Kategori",
        "Luokka",
        "Kategória",
        "Thể loại",
        "カテゴリ",
        "分类",
        "分類",
        "분류",
    ),
}
# Namespaces only Fandom/Wikia wikis have: evidence for the site family when <base> is internal.
_FANDOM_NAMESPACES = frozenset({"user blog", "user blog comment", "message wall", "board", "board thread"})


def _fold(name: str) -> str:
    return title_text(name).casefold()


@attrs.frozen(kw_only=True)
class Namespaces:
    """Namespace numbers by (case-folded) name, with canonical and localised aliases."""

    by_name: tuple[tuple[str, int], ...] = ()
    names: tuple[tuple[int, str], ...] = ()
    """The wiki's own name of each namespace (for messages)."""
    _map: dict[str, int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_map", dict(self.by_name))

    @classmethod
    def build(cls, siteinfo: SiteInfo | None = None) -> Namespaces:
        by_name: dict[str, int] = {}
        for key, name in _CANONICAL.items():
            by_name[_fold(name)] = key
        for key, aliases in _ALIASES.items():
            for alias in aliases:
                by_name.setdefault(_fold(alias), key)
        own = dict(_CANONICAL)
        for key, name in siteinfo.namespaces if siteinfo else ():
            if name:
                by_name[_fold(name)] = key
                own[key] = name
        return cls(by_name=tuple(sorted(by_name.items())), names=tuple(sorted(own.items())))

    def number(self, prefix: str) -> int | None:
        """The namespace a title prefix names (``"Category"``, ``"категория"``), if any."""
        return self._map.get(_fold(prefix))

    def split(self, title: str) -> tuple[int, str]:
        """``(namespace, rest)`` of a title; ``(0, title)`` when no known prefix starts it."""
        prefix, colon, rest = title.partition(":")
        if colon:
            key = self.number(prefix)
            if key is not None:
                return key, rest.strip()
        return 0, title

    def name(self, key: int) -> str:
        return dict(self.names).get(key, str(key))

    def prefixes(self, key: int) -> tuple[str, ...]:
        """Every (case-folded) name of namespace ``key``."""
        return tuple(name for name, number in self.by_name if number == key)


def site_of(siteinfo: SiteInfo | None) -> Site:
    """The wiki family: from ``<base>``'s host, else Fandom-only namespaces, else ``mediawiki``."""
    if siteinfo is None:
        return "unknown"
    host = (urlsplit(siteinfo.base or "").hostname or "").lower()
    if host.endswith(".wikipedia.org"):
        return "wikipedia"
    if host.endswith((".fandom.com", ".wikia.com", ".wikia.org")):
        return "fandom"
    if any(_fold(name) in _FANDOM_NAMESPACES for _, name in siteinfo.namespaces):
        return "fandom"
    return "mediawiki"


_INTERNAL_HOSTS = (".consul", ".local", ".internal", ".localdomain", "localhost")


def page_url(siteinfo: SiteInfo | None, title: str | None) -> str | None:
    """The public URL of a page from ``<base>`` (``…/wiki/Main_Page``); ``None`` for internal hosts."""
    if siteinfo is None or not siteinfo.base or not title:
        return None
    parts = urlsplit(siteinfo.base)
    host = parts.hostname or ""
    if "." not in host or host.endswith(_INTERNAL_HOSTS) or "/wiki/" not in parts.path:
        return None
    path = parts.path.rsplit("/wiki/", 1)[0] + "/wiki/" + quote(title.replace(" ", "_"), safe="/:@!$'()*,;")
    return f"{parts.scheme or 'https'}://{parts.netloc}{path}"


@attrs.frozen(kw_only=True)
class PageContext:
    """Everything the wikitext reader needs beyond the page's own text; small and picklable."""

    title: str | None = None
    namespace: int = 0
    site: Site = "unknown"
    site_name: str | None = None
    url: str | None = None
    redirect: str | None = None
    """Redirect target stated by the dump (``<redirect title=…>``)."""
    namespaces: Namespaces = attrs.field(factory=Namespaces.build)
    templates: tuple[tuple[str, TemplateInfo], ...] = ()
    """Definitions, from the dump, of the templates this page calls (by normalised name)."""
    problem: str | None = None
    """Why the dump's copy of this page cannot be read (hidden text…); parsing it is an error."""
