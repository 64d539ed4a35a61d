"""Where each page of the site lives, and relative links between pages.

Every page is written once per language, under that language's folder::

    index.html                      (picks the default language)
    assets/site.css, assets/site.js, assets/search.js, assets/search-index.<lang>.js
    forms/<assessment>-<group>-<lang>.html
    <lang>/index.html               home
    <lang>/catalog.html             search and facets
    <lang>/list.html                every record on one plain page (no script needed)
    <lang>/evidence.html            findings (#f-...) with their effects
    <lang>/instruments.html         the assessments
    <lang>/resources/<name>.html
    <lang>/frameworks/<name>.html   (concepts at #c-..., crosswalks at #m-...)
    <lang>/instruments/<name>.html

Links are relative, so the folder works from ``file://`` and from any static host, at any path.
File names come from ids (``vcov/boek`` -> ``vcov__boek``); anything outside ``[a-z0-9._-]`` becomes ``_``
and a name that would clash with another gets a short hash of its id.
"""

import hashlib
import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[^a-z0-9._-]")
_MAX_NAME = 100


def _hash(identifier: str) -> str:
    return hashlib.sha1(identifier.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def safe_name(identifier: str) -> str:
    """A file-name-safe form of *identifier* (lower case ``[a-z0-9._-]``, no leading dot)."""
    name = _UNSAFE.sub("_", identifier.lower().replace("/", "__").replace("#", "--"))
    name = name.lstrip(".")[:_MAX_NAME]
    return name or "_"


class Names:
    """Unique safe names for a set of ids: the same id always gets the same name, two ids never do."""

    def __init__(self, identifiers: Iterable[str] = ()) -> None:
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()
        for identifier in identifiers:
            self.name(identifier)

    def name(self, identifier: str, preferred: str | None = None) -> str:
        """The name of *identifier* (allocated on first use, from *preferred* if given, else from the id)."""
        found = self._names.get(identifier)
        if found is not None:
            return found
        name = safe_name(identifier if preferred is None else preferred)
        if name in self._taken:
            name = f"{name[: _MAX_NAME - 11]}-{_hash(identifier)}"
        while name in self._taken:  # pragma: no cover - a sha1 prefix clash
            name = f"{name}-{_hash(name)}"
        self._taken.add(name)
        self._names[identifier] = name
        return name

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._names


def relative(from_page: str, to_path: str) -> str:
    """The link from the page at *from_page* to *to_path* (both relative to the site root, with ``/``)."""
    depth = from_page.count("/")
    return "../" * depth + to_path
