"""HTML pieces of the site: escaping, text that carries its own language, safe links, JSON inside
``<script>``, and the frame every page shares (landmarks, skip link, navigation, language switch).

Content from packs only ever reaches a page through :func:`esc` (``html.escape`` with quotes) or as
``textContent`` in the browser; a URL from a pack is only written when it is ``http``, ``https`` or
``mailto`` (:func:`~ouderbetrokkenheid.reports.view.safe_url`, checked here again whatever the schema said).
"""

import functools
import string
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ouderbetrokkenheid.exporters.site.messages import AUTONYMS, ui
from ouderbetrokkenheid.model.text import LocalizedText
from ouderbetrokkenheid.reports.markup import esc, lang_attrs
from ouderbetrokkenheid.reports.markup import text as _text
from ouderbetrokkenheid.reports.messages import direction
from ouderbetrokkenheid.reports.view import Text, resolve, safe_url

__all__ = ["esc", "lang_attrs", "resolve", "safe_url"]

#: What a page may load: its own files only. No request can leave the page, whatever the content.
CSP = (
    "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data:; "
    "base-uri 'none'; form-action 'self' file:"
)


def t(value: Text | str, lang: str) -> str:
    """*value* escaped; in a ``<span lang>`` when it is not in the page's language *lang*."""
    return _text(value, lang)


@functools.cache
def _template(key: str, lang: str) -> tuple[tuple[tuple[str, str | None], ...], str]:
    """The message *key* for *lang* split into ``(escaped literal, field)`` pieces, and its ``lang`` marker."""
    message = ui(key, lang)
    pieces = tuple((esc(literal), field) for literal, field, _, _ in string.Formatter().parse(message.text))
    return pieces, lang_attrs(message.lang, lang)


def m(key: str, lang: str, /, **fields: str) -> str:
    """The site's message *key* as HTML; *fields* are HTML already. Marked with its language when the
    site has no words in *lang*."""
    pieces, marker = _template(key, lang)
    body = "".join(literal + ("" if field is None else fields[field]) for literal, field in pieces)
    return f"<span{marker}>{body}</span>" if marker else body


def m_text(key: str, lang: str, /, **fields: str) -> str:
    """The site's message *key* as plain text (for ``<title>``, ``aria-label``, JSON), *fields* plain."""
    return ui(key, lang).text.format(**fields) if fields else ui(key, lang).text


def label(value: LocalizedText | None, lang: str, default: str | None, fallback: str = "") -> Text:
    """*value* in *lang* along the fallback chain, as :class:`Text` (text and its real language)."""
    return resolve(value, lang, default, fallback)


def paragraphs(value: Text, lang: str, css_class: str = "") -> str:
    """*value* as ``<p>`` elements (blank lines separate paragraphs), marked with its language."""
    chunks = [" ".join(chunk.split()) for chunk in value.text.split("\n\n")]
    marker = lang_attrs(value.lang, lang)
    klass = f' class="{css_class}"' if css_class else ""
    return "".join(f"<p{klass}{marker}>{esc(chunk)}</p>\n" for chunk in chunks if chunk)


def link(href: str, body_html: str, **attributes: str) -> str:
    """A link to one of the site's own pages (*href* is relative and ours; escaped all the same)."""
    extra = "".join(f' {name.replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())
    return f'<a href="{esc(href)}"{extra}>{body_html}</a>'


def external(url: str | None, body_html: str) -> str:
    """A link out of the site when *url* is a safe ``http``/``https``/``mailto`` URL, else *body_html*."""
    target = safe_url(url)
    if target is None:
        return body_html
    return f'<a href="{esc(target)}" rel="noopener noreferrer" class="out">{body_html}</a>'


#: Characters written as ``\\u`` escapes in JSON inside scripts (``str.replace`` is far faster than
#: ``str.translate`` on the megabytes of a search index).
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: Any) -> str:
    """*data* as JSON that is safe inside a ``<script>`` element or a ``.js`` file: ``<``, ``>``, ``&``
    and the line separators are written as ``\\u`` escapes, so ``</script>`` can never appear."""
    import orjson

    text = orjson.dumps(data).decode("utf-8")
    for character, escape in _SCRIPT_ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return text


def truncate(value: str, size: int = 220) -> str:
    """*value* on one line, cut at a word boundary near *size* characters (with ``…``)."""
    value = " ".join(value.split())
    if len(value) <= size:
        return value
    cut = value[:size].rsplit(" ", 1)[0] or value[:size]
    return cut.rstrip(",.;:") + "…"


def dl(rows: Iterable[tuple[str, str]], css_class: str = "meta") -> str:
    """A description list of ``(term_html, value_html)`` rows, leaving out empty values."""
    items = [f"<dt>{term}</dt><dd>{value}</dd>\n" for term, value in rows if value]
    return f'<dl class="{css_class}">\n' + "".join(items) + "</dl>\n" if items else ""


def inline_list(items: Sequence[str], css_class: str = "inline") -> str:
    """HTML items as a ``<ul>`` shown on one line."""
    if not items:
        return ""
    return f'<ul class="{css_class}">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@attrs.frozen(kw_only=True)
class Frame:
    """What the shared frame of a page needs to know."""

    #: The page's path from the site root (``nl/resources/vcov__boek.html``).
    path: str
    lang: str
    #: Every site language, in switch order.
    languages: tuple[str, ...]
    #: Which main menu entry is current (``home``, ``catalog``, ``evidence``, ``instruments``) or ``""``.
    section: str
    #: ``(text, link)`` pairs for the footer's attribution of each pack.
    packs: tuple[tuple[Text, Text, str], ...]
    version: str


MENU = (
    ("home", "index.html"),
    ("catalog", "catalog.html"),
    ("evidence", "evidence.html"),
    ("instruments", "instruments.html"),
)


@functools.cache
def _menu(root: str, lang: str, current: str) -> str:
    """The main menu of a page; *current* is the menu entry the page is (or ``""``)."""
    items = "".join(
        "<li>"
        + link(
            root + lang + "/" + target, m(key, lang), **({"aria_current": "page"} if key == current else {})
        )
        + "</li>"
        for key, target in MENU
    )
    return f'<nav class="menu" aria-label="{esc(m_text("nav_main", lang))}"><ul>{items}</ul></nav>\n'


@functools.cache
def _search_box(root: str, lang: str) -> str:
    return (
        f'<form class="quick-search" role="search" action="{esc(root + lang)}/catalog.html" method="get">'
        f'<label for="quick-q">{m("search_label", lang)}</label> '
        '<input id="quick-q" name="q" type="search" autocomplete="off"> '
        f'<button type="submit">{m("search_button", lang)}</button></form>\n'
    )


@functools.cache
def _footer(lang: str, packs: tuple[tuple[Text, Text, str], ...], version: str) -> str:
    credits = "".join(
        f"<li>{t(pack_title, lang)} — {t(publisher, lang)}, {esc(licence)}</li>"
        for pack_title, publisher, licence in packs
    )
    return (
        '<footer class="site">\n'
        f"<p>{m('footer_made', lang, version=esc(version))}</p>\n"
        f"<p>{m('footer_content', lang)}</p>\n<ul>{credits}</ul>\n"
        "</footer>\n"
    )


def page(
    frame: Frame,
    *,
    title: str,
    body: str,
    head: str = "",
    scripts: Sequence[str] = (),
    search_box: bool = True,
) -> str:
    """A complete page: *title* is plain text, *body* the HTML inside ``<main>`` (starting with its
    ``<h1>``), *head* extra HTML for ``<head>``, *scripts* extra script paths from the site root."""
    lang, path = frame.lang, frame.path
    root = "../" * path.count("/")
    here = path.split("/", 1)[1] if "/" in path else path  # the page within its language folder
    site = m_text("site_title", lang)
    alternates = "".join(
        f'<link rel="alternate" hreflang="{esc(other)}" href="{esc(root + other + "/" + here)}">\n'
        for other in frame.languages
        if other != lang
    )
    script_tags = "".join(
        f'<script src="{esc(root + src)}" defer></script>\n' for src in (*scripts, "assets/site.js")
    )
    current = frame.section if (frame.section, here) in MENU else ""
    switch = "".join(
        f'<li><a href="{esc(root + other + "/" + here)}" hreflang="{esc(other)}" lang="{esc(other)}"'
        + (' aria-current="true"' if other == lang else "")
        + f">{esc(AUTONYMS.get(other, other))}</a></li>"
        for other in frame.languages
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="{direction(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="ouderbetrokkenheid {esc(frame.version)}">\n'
        f"<title>{esc(title)} — {esc(site)}</title>\n"
        f'<link rel="stylesheet" href="{esc(root)}assets/site.css">\n'
        f"{alternates}{script_tags}{head}"
        "</head>\n"
        "<body>\n"
        f'<a class="skip" href="#main">{m("skip", lang)}</a>\n'
        '<header class="site">\n<div class="bar">\n'
        f'<p class="brand">{link(root + lang + "/index.html", esc(site))}</p>\n'
        f"{_menu(root, lang, current)}"
        f'<nav class="langs" aria-label="{esc(m_text("nav_lang", lang))}"><ul>{switch}</ul></nav>\n'
        f"</div>\n{_search_box(root, lang) if search_box else ''}</header>\n"
        f'<main id="main" tabindex="-1">\n{body}</main>\n'
        f"{_footer(lang, frame.packs, frame.version)}"
        "</body>\n"
        "</html>\n"
    )
