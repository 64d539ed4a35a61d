"""The columns of each sheet in a given interface language, and the words that name them (pure)."""

import re
import unicodedata
from collections.abc import Iterable

import attrs

from ouderbetrokkenheid.sheets import layout
from ouderbetrokkenheid.sheets.words import LANGUAGES, all_words, has_word, word


@attrs.frozen(kw_only=True)
class Column:
    """One column of a sheet (one row of the vertical pack sheet)."""

    #: ``key`` (which row above this one belongs to), ``mapkey`` (the key of a text by key) or ``value``.
    role: str
    #: For ``key``: 0 for the record, 1 for the level below it ...
    level: int = 0
    field: layout.Field | None = None
    #: For multilingual texts: the language of this column.
    lang: str | None = None


def sheet_name(entry: layout.Table, lang: str | None) -> str:
    """The sheet's name in *lang* (at most 31 characters, as Excel requires)."""
    key = f"sheet:{entry.key}"
    if has_word(key):
        return word(key, lang)
    return entry.key.replace("*/", "").replace("/", " ")[:31]


def sheet_names(entry: layout.Table) -> set[str]:
    """Every name the sheet is known by (any interface language, or its key)."""
    key = f"sheet:{entry.key}"
    names = {entry.key, entry.key.replace("*/", "").replace("/", " ")[:31]}
    if has_word(key):
        names |= set(all_words(key).values())
    return {normalise(name) for name in names}


def field_label(path: tuple[str, ...], lang: str | None) -> str:
    """``herkomst: bron`` for ``provenance.source`` in Dutch; a field without words keeps its name."""
    labels = [word(f"field:{name}", lang) if has_word(f"field:{name}") else name for name in path]
    text = labels[0]
    for inner in labels[1:]:
        text = word("header:nested", lang, outer=text, inner=inner)
    return text


def header(entry: layout.Table, column: Column, lang: str | None) -> str:
    """The header of *column* in *lang*."""
    if column.role == "key":
        above = layout.ancestors(entry)
        if entry.parent == "*" or not above:
            return word("header:record", lang)
        parent = above[column.level]
        return word(
            "header:parent",
            lang,
            sheet=sheet_name(parent, lang),
            field=field_label((parent.id_field or "id",), lang),
        )
    if column.role == "mapkey":
        # The one text-by-key field of the model is an item's wording by respondent group.
        return word("field:group", lang)
    if entry.shape in ("texts", "textmap"):
        base = field_label(entry.path[-1:], lang)
    else:
        assert column.field is not None
        base = field_label(column.field.path, lang)
    return f"{base} [{column.lang}]" if column.lang else base


def columns(entry: layout.Table, languages: Iterable[str]) -> list[Column]:
    """The columns of *entry*, with a column per language (in *languages*' order) for each text."""
    languages = tuple(languages)
    result: list[Column] = []
    if entry.parent == "*":
        result.append(Column(role="key", level=0))
    elif entry.parent not in (None, "pack"):
        result += [Column(role="key", level=index) for index in range(len(layout.ancestors(entry)))]
    if entry.shape == "textmap":
        result.append(Column(role="mapkey"))
    if entry.shape in ("texts", "textmap"):
        result += [Column(role="value", lang=lang) for lang in languages]
        return result
    for field in entry.fields:
        if field.type == "text":
            result += [Column(role="value", field=field, lang=lang) for lang in languages]
        else:
            result.append(Column(role="value", field=field))
    return result


_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold a header or a label for matching: case, accents kept, any run of spaces (non-breaking
    ones too) as one space, no spaces around."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    return _SPACES.sub(" ", text).strip().casefold()


_LANGUAGE_SUFFIX = re.compile(r"^(.*?)\s*\[\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4}){0,2})\s*\]$")


def recognise(entry: layout.Table, text: str) -> Column | None:
    """The column whose header (in any interface language) is *text*; ``None`` when there is none.
    A ``[tag]`` suffix names the language of a text column, any language (``titel [ar]``)."""
    text = normalise(text)
    lang = None
    match = _LANGUAGE_SUFFIX.match(text)
    if match:
        text, lang = match.group(1).strip(), _tag(match.group(2))
    for column in columns(entry, ["xx"]):
        if (column.lang is None) != (lang is None):
            continue
        names = {normalise(header(entry, attrs.evolve(column, lang=None), ui)) for ui in LANGUAGES}
        if column.field is not None:
            names.add(normalise(".".join(column.field.path)))
        if text in names:
            return attrs.evolve(column, lang=lang) if lang else column
    return None


def _tag(raw: str) -> str:
    """``nl-be`` -> ``nl-BE``: headers are folded, language tags have a fixed case."""
    parts = raw.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(out)
