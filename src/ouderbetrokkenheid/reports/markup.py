"""Small helpers for the HTML outputs (the report and the paper form): escaping, text that carries its
own language, safe links and the document frame.

Every string of content goes through :func:`esc` (``html.escape`` with quotes) before it reaches the
page; nothing here ever writes a URL that is not ``http``, ``https`` or ``mailto``.
"""

import functools
import html

from ouderbetrokkenheid.reports.messages import compose, direction, message_language, primary
from ouderbetrokkenheid.reports.view import Text, safe_url


def esc(value: object) -> str:
    """*value* as text, HTML-escaped (``& < > " '``): safe in element content and quoted attributes."""
    return _escaped(value if type(value) is str else str(value))


@functools.lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    # Remembered: a site escapes the same labels on every page, and a record's texts on its page in
    # every language (about 2 million calls for 10,000 resources; a hit costs half an escape).
    return html.escape(text, quote=True)


def lang_attrs(tag: str, page_lang: str) -> str:
    """``lang`` (and ``dir`` when it changes) attributes for content in *tag* on a page in
    *page_lang*; ``""`` when the content is in the page's language."""
    if not tag or primary(tag) == primary(page_lang):
        return ""
    attrs = f' lang="{esc(tag)}"'
    if direction(tag) != direction(page_lang):
        attrs += f' dir="{direction(tag)}"'
    return attrs


def text(value: Text | str, page_lang: str) -> str:
    """*value* escaped; wrapped in a ``<span lang>`` when it is in another language than the page."""
    if isinstance(value, str):
        return esc(value)
    attrs = lang_attrs(value.lang, page_lang)
    return f"<span{attrs}>{esc(value.text)}</span>" if attrs else esc(value.text)


def message(key: str, page_lang: str, /, **fields: str) -> str:
    """A catalogue message as HTML; *fields* are HTML already. Marked with its language (and its
    direction) when the catalogue has no text for it in the page's language (it falls back to Dutch)."""
    body = compose(key, page_lang, esc, **fields)
    attrs = lang_attrs(message_language(key, page_lang), page_lang)
    return f"<span{attrs}>{body}</span>" if attrs else body


def isolate(html_text: str, page_lang: str) -> str:
    """*html_text* (an id, a code, a score) in ``<bdi>`` on a right-to-left page, so that its digits,
    signs and Latin letters keep their order among Arabic or Hebrew words; unchanged on other pages."""
    return f"<bdi>{html_text}</bdi>" if direction(page_lang) == "rtl" else html_text


def link(label_html: str, url: str | None) -> str:
    """An ``<a>`` to *url* when it is a safe URL (see :func:`~ouderbetrokkenheid.reports.view.safe_url`),
    else *label_html* alone."""
    url = safe_url(url)
    if url is None:
        return label_html
    return f'<a href="{esc(url)}">{label_html}</a>'


#: The font stack: local fonts only, never a download. The Arabic-script fonts come after the Latin
#: ones, so they only give the glyphs those lack (Windows has Tahoma, Linux Noto, macOS Geeza Pro).
FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, '
    '"Noto Sans Arabic", "Noto Naskh Arabic", "Geeza Pro", Tahoma, sans-serif'
)


def document(*, lang: str, title: str, css: str, body: str, meta: dict[str, str] | None = None) -> str:
    """A complete HTML5 document: *title* is plain text, *css* goes into one ``<style>``, *body* is HTML."""
    from ouderbetrokkenheid import __version__

    metas = {"generator": f"ouderbetrokkenheid {__version__}", **(meta or {})}
    head_meta = "".join(f'<meta name="{esc(k)}" content="{esc(v)}">\n' for k, v in metas.items())
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="{direction(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_meta}"
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{css}</style>\n"
        "</head>\n"
        f"<body>\n{body}</body>\n"
        "</html>\n"
    )
