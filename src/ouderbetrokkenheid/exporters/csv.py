"""The ``csv`` exporter: one row per resource, for spreadsheets.

* UTF-8 with a byte order mark, so that spreadsheets read accents; CRLF line ends (the ``excel`` dialect).
* Every language has its own column (``title:nl``, ``title:fr`` ...): ``nl``, ``fr``, ``en`` first, then
  the other languages of the library in alphabetical order.
* Lists are joined with ``" | "`` in a stable order (the record's own order; access kinds in vocabulary
  order). Inside a list value, ``\\`` is written ``\\\\`` and ``|`` is written ``\\|``;
  :func:`split_list` reverses this.
* A cell that a spreadsheet would run as a formula (it starts, possibly after whitespace, with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``; the rule is shared by every
  spreadsheet exporter: :func:`ouderbetrokkenheid.neutralise_formula`.
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.exporters.base import atomic_file
from ouderbetrokkenheid.exporters.formulas import FORMULA_STARTS, neutralise_formula  # noqa: F401 (kept here)
from ouderbetrokkenheid.exporters.progress import progress_steps
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import ContentPack, LocalizedText, Resource
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

#: Kept under their old names for callers of this module.
neutralise = neutralise_formula

SEPARATOR = " | "
#: Languages that get the first columns, in this order, when the library has them.
FIRST_LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")
#: The localized fields, each written as one column per language.
TEXT_FIELDS: tuple[str, ...] = ("title", "subtitle", "summary")


def join_list(values: Iterable[str]) -> str:
    """Join *values* with ``" | "``, escaping ``\\`` and ``|`` inside each value."""
    return SEPARATOR.join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values)


def split_list(cell: str) -> list[str]:
    """The values of a list cell written by :func:`join_list` (``""`` gives ``[]``)."""
    if not cell:
        return []
    values: list[str] = []
    current: list[str] = []
    characters = iter(cell)
    for character in characters:
        if character == "\\":
            current.append(next(characters, "\\"))
        elif character == "|":
            values.append("".join(current))
            current = []
        else:
            current.append(character)
    values.append("".join(current))
    # the separator is " | ": drop the one space on either side of each unescaped "|"
    last = len(values) - 1
    return [
        value[
            1 if index > 0 and value.startswith(" ") else 0 : -1
            if index < last and value.endswith(" ")
            else None
        ]
        for index, value in enumerate(values)
    ]


def language_order(languages: Iterable[str]) -> list[str]:
    """``nl``, ``fr``, ``en`` first (those present), then the others alphabetically."""
    present = set(languages)
    return [lang for lang in FIRST_LANGUAGES if lang in present] + sorted(present - set(FIRST_LANGUAGES))


def _texts(resource: Resource) -> Iterable[LocalizedText]:
    for text in (resource.title, resource.subtitle, resource.summary, resource.known_gaps):
        if text is not None:
            yield text


def library_languages(library: "Library") -> list[str]:
    """The languages of the resources' texts and of the packs, in column order."""
    languages = {lang for pack in library.packs for lang in pack.manifest.languages}
    languages.update(lang for resource in library.resources() for text in _texts(resource) for lang in text)
    return language_order(languages)


def columns(languages: Sequence[str]) -> list[str]:
    """The header row."""
    return [
        "id",
        "pack",
        "kind",
        *(f"{field}:{lang}" for field in TEXT_FIELDS for lang in languages),
        "authors",
        "publisher",
        "year",
        "edition",
        "isbn",
        "languages",
        "audiences",
        "levels",
        "themes",
        "concepts",
        "access",
        "urls",
        "free",
        "licence",
        "part_of",
        "related",
        "provenance_status",
        "provenance_source",
        *(f"known_gaps:{lang}" for lang in languages),
    ]


def _localized(field: str, text: LocalizedText | None, languages: Sequence[str]) -> dict[str, str]:
    values = {} if text is None else text.to_dict()
    return {f"{field}:{lang}": values.get(lang, "") for lang in languages}


def _source_title(resource: Resource, pack: ContentPack | None) -> str:
    try:
        return (
            pack.source(resource.provenance.source).title if pack is not None else resource.provenance.source
        )
    except KeyError:
        return resource.provenance.source


def row(resource: Resource, pack: ContentPack | None, languages: Sequence[str]) -> dict[str, str]:
    """The cells of one resource, by column name, before formula neutralisation."""
    access_order = VOCABULARIES["access"].codes
    kinds = {link.access for link in resource.links}
    access = [code for code in access_order if code in kinds] + sorted(kinds - set(access_order))
    return {
        "id": resource.id,
        "pack": "" if pack is None else pack.name,
        "kind": resource.kind,
        **_localized("title", resource.title, languages),
        **_localized("subtitle", resource.subtitle, languages),
        **_localized("summary", resource.summary, languages),
        "authors": join_list(agent.name for agent in resource.authors),
        "publisher": join_list(agent.name for agent in resource.publisher),
        "year": "" if resource.year is None else str(resource.year),
        "edition": resource.edition or "",
        "isbn": resource.isbn or "",
        "languages": join_list(resource.languages),
        "audiences": join_list(resource.audiences),
        "levels": join_list(resource.levels),
        "themes": join_list(resource.themes),
        "concepts": join_list(resource.concepts),
        "access": join_list(access),
        "urls": join_list(link.url for link in resource.links if link.url is not None),
        "free": "" if resource.free is None else str(resource.free).lower(),
        "licence": resource.licence or "",
        "part_of": resource.part_of or "",
        "related": join_list(resource.related),
        "provenance_status": resource.provenance.status,
        "provenance_source": _source_title(resource, pack),
        **_localized("known_gaps", resource.known_gaps, languages),
    }


@attrs.frozen
class CsvExporter:
    """One row per resource, every language in its own column, safe to open in a spreadsheet."""

    name: str = "csv"
    media_type: str = "text/csv"
    extension: str = ".csv"
    kinds: frozenset[str] = frozenset({"resources"})
    description: str = N_("one row per resource, a column per language (UTF-8, for spreadsheets)")

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the resources to *destination* atomically, one row at a time (``options["progress"]``
        is told after each)."""
        languages = library_languages(library)
        header = columns(languages)
        step = progress_steps(options, len(library.resources()))
        with atomic_file(destination) as handle:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            try:
                writer = csv.writer(text, dialect="excel")
                writer.writerow(header)
                for pack in library.packs:
                    for resource in pack.resources:
                        cells = row(resource, pack, languages)
                        writer.writerow([neutralise_formula(cells[column]) for column in header])
                        step()
            finally:
                text.detach()  # flushes; the file itself is closed (and renamed or removed) by atomic_file
