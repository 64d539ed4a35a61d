"""The one rule for links that any output may emit: only absolute ``http``, ``https`` and ``mailto``
URLs, without whitespace, control characters, quotes or angle brackets. The schemas already refuse
other URLs; every renderer checks again, because model objects can be built without the schemas."""

import functools
import re

#: The URL schemes that are ever written as links.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\^`{|}]")


@functools.lru_cache(maxsize=4096)  # a site asks for each link on the record's page in every language
def safe_url(url: str | None) -> str | None:
    """Return *url* when it may be linked; otherwise ``None`` (it is then shown as text, or not at all).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url("http:evil")
    ('https://example.org/a', None, None)
    """
    if not url or _UNSAFE_URL_CHARS.search(url):
        return None
    found = _SCHEME.match(url)
    if found is None or found[1].lower() not in SAFE_SCHEMES:
        return None
    if found[1].lower() in {"http", "https"} and not url[found.end() :].startswith("//"):
        return None
    return url
