"""A pack's rows, sheet by sheet, and cell values in both directions (pure: no I/O).

Writing: :func:`table_rows` walks a :class:`~ouderbetrokkenheid.ContentPack` along the layout, and
:func:`cell_value` turns a model value into what a cell shows (vocabulary codes as labels in the
author's language, yes/no as words).

Reading: :func:`parse_value` turns what a cell holds back into JSON-ready data, forgiving what
spreadsheets do to values (numbers stored as text, trailing and non-breaking spaces, labels in any
of Dutch, French or English), and says plainly when a value cannot be used.
"""

import datetime
import functools
import math
import re
from collections.abc import Iterator
from typing import Any

import attrs

from ouderbetrokkenheid.model import ContentPack, LocalizedText
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES
from ouderbetrokkenheid.sheets import layout
from ouderbetrokkenheid.sheets.columns import Column, normalise
from ouderbetrokkenheid.sheets.readers import CellError
from ouderbetrokkenheid.sheets.words import LANGUAGES, all_words, word

#: What separates values in a cell that holds a list.
SEPARATOR = "; "


def table_rows(entry: layout.Table, pack: ContentPack) -> Iterator[tuple[tuple[str, ...], Any]]:
    """``(keys, object)`` for every row of *entry*: *keys* are the ids of the rows above it."""
    if entry.shape == "manifest":
        yield (), pack.manifest
    elif entry.shape == "records":
        for record in getattr(pack, entry.key):
            yield (), record
    elif entry.parent == "pack":
        for element in layout.get_path(pack.manifest, entry.path) or ():
            yield (), element
    elif entry.parent == "*":
        for kind in entry.kinds:
            for record in getattr(pack, kind):
                yield from _elements(entry, (record.id,), layout.get_path(record, entry.path))
    else:
        assert entry.parent is not None
        parent = layout.table(entry.parent)
        for keys, obj in table_rows(parent, pack):
            own = getattr(obj, parent.id_field) if parent.id_field else ""
            yield from _elements(entry, (*keys, own), layout.get_path(obj, entry.path))


def _elements(
    entry: layout.Table, keys: tuple[str, ...], value: Any
) -> Iterator[tuple[tuple[str, ...], Any]]:
    if not value:
        return
    if entry.shape == "textmap":
        for key, text in value.items():
            yield (*keys, key), text
    else:
        for element in value:
            yield keys, element


def row_values(
    entry: layout.Table, cols: list[Column], keys: tuple[str, ...], obj: Any, lang: str
) -> list[Any]:
    """The cells of one row."""
    cells: list[Any] = []
    for column in cols:
        if column.role in ("key", "mapkey"):
            index = column.level if column.role == "key" else len(keys) - 1
            cells.append(keys[index] if index < len(keys) else None)
        elif entry.shape in ("texts", "textmap"):
            cells.append(obj.get(column.lang) if isinstance(obj, LocalizedText) else None)
        else:
            assert column.field is not None
            value = layout.get_path(obj, column.field.path)
            if column.lang is not None:
                cells.append(value.get(column.lang) if value is not None else None)
            else:
                cells.append(cell_value(column.field, value, lang))
    return cells


def cell_value(field: layout.Field, value: Any, lang: str) -> Any:
    """What a cell shows for *value*."""
    if value is None:
        return None
    if field.type == "list":
        if not value:
            return None
        return SEPARATOR.join(_label(field.vocabulary, code, lang) for code in value)
    if field.type == "bool":
        return word("yes" if value else "no", lang)
    if field.type == "datetime":
        return value.isoformat()
    if field.type == "json":
        import json

        from ouderbetrokkenheid.converter import unstructure

        return json.dumps(unstructure(value), ensure_ascii=False, sort_keys=True)
    if field.vocabulary:
        return _label(field.vocabulary, value, lang)
    return value


def _label(vocabulary: str | None, code: str, lang: str) -> str:
    if vocabulary is None:
        return code
    try:
        return VOCABULARIES[vocabulary].term(code).label.get_text(lang)
    except KeyError:
        return code


def choices(vocabulary: str, lang: str) -> list[str]:
    """The labels of *vocabulary* in *lang*, in order (for drop-down lists)."""
    return [term.label.get_text(lang) for term in VOCABULARIES[vocabulary]]


@functools.cache
def _codes_by_label(vocabulary: str, lang: str) -> dict[str, str]:
    """Folded label (in any language, the author's first) or code -> code."""
    found: dict[str, str] = {}
    order = (lang, *(other for other in LANGUAGES if other != lang))
    for term in VOCABULARIES[vocabulary]:
        found.setdefault(normalise(term.code), term.code)
    for language in order:
        for term in VOCABULARIES[vocabulary]:
            label = term.label.get(language)
            if label:
                found.setdefault(normalise(label), term.code)
    return found


# -- reading ---------------------------------------------------------------------------------------
@attrs.frozen
class CellValueError(Exception):
    """A cell value that cannot be used: a words key (``problem:...``, ``hint:...``) and what fills it."""

    reason: str
    values: dict[str, Any] = attrs.field(factory=dict)


_YES = {normalise(w) for w in (*all_words("yes").values(), "true", "waar", "vrai", "1", "x", "y", "j")}
_NO = {normalise(w) for w in (*all_words("no").values(), "false", "onwaar", "faux", "0", "n")}
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")


def clean_text(value: str) -> str:
    """Without spaces (non-breaking ones too) around it; what is inside stays as typed."""
    return value.strip().replace("\r\n", "\n")


def parse_value(field: layout.Field | None, value: Any, lang: str) -> Any:
    """JSON-ready data for a cell's *value* in a column of *field* (``None`` for a text column).

    Raise :class:`CellValueError` when the value cannot be used. Return ``None`` for an empty cell.
    """
    if value is None:
        return None
    if isinstance(value, CellError):
        raise CellValueError("formula-error", {"value": str(value)})
    kind = "text" if field is None else field.type
    if isinstance(value, str):
        value = clean_text(value)
        if not value:
            return None
    if kind in ("text", "str"):
        text = _as_text(value, lang)
        if field is not None and field.vocabulary:
            return _code(field.vocabulary, text, lang)
        return text
    if kind == "list":
        text = _as_text(value, lang)
        items = [item.replace("\u00a0", " ").strip() for item in _LIST_SPLIT.split(text)]
        items = [item for item in items if item]
        if field is not None and field.vocabulary:
            return [_code(field.vocabulary, item, lang) for item in items]
        return items
    if kind == "int":
        return _as_int(value, lang)
    if kind == "float":
        return _as_float(value, lang)
    if kind == "bool":
        return _as_bool(value, lang)
    if kind == "date":
        return _as_date(value, lang)
    if kind == "json":
        import json

        try:
            return json.loads(_as_text(value, lang))
        except ValueError:
            raise CellValueError("not-a-number", {"value": value, "what": "JSON"}) from None
    if kind == "datetime":
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        return _as_text(value, lang)
    return value


def _as_text(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        shown = value.isoformat() if not isinstance(value, datetime.datetime) else value.date().isoformat()
        raise CellValueError("date-cell", {"value": shown})
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _number_text(value: str) -> str:
    text = value.replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # 0,5 as Dutch and French write it
    return text


def _as_int(value: Any, lang: str) -> int:
    if isinstance(value, bool):
        raise CellValueError("not-a-number", {"value": value, "what": word("what:integer", lang)})
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = _number_text(value)
        if re.fullmatch(r"[+-]?[0-9]+(\.0+)?", text):
            return int(float(text)) if "." in text else int(text)
    raise CellValueError("not-a-number", {"value": value, "what": word("what:integer", lang)})


def _as_float(value: Any, lang: str) -> float:
    if isinstance(value, bool):
        raise CellValueError("not-a-number", {"value": value, "what": word("what:number", lang)})
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(_number_text(value))
        except ValueError:
            raise CellValueError(
                "not-a-number", {"value": value, "what": word("what:number", lang)}
            ) from None
    else:
        raise CellValueError("not-a-number", {"value": value, "what": word("what:number", lang)})
    if not math.isfinite(number):
        raise CellValueError("not-a-number", {"value": value, "what": word("what:number", lang)})
    return number


def _as_bool(value: Any, lang: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = normalise(value)
        if folded in _YES:
            return True
        if folded in _NO:
            return False
    raise CellValueError("not-a-number", {"value": value, "what": word("what:bool", lang)})


def _as_date(value: Any, lang: str) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
    raise CellValueError("not-a-number", {"value": value, "what": word("what:date", lang)})


def _code(vocabulary: str, text: str, lang: str) -> str:
    code = _codes_by_label(vocabulary, lang).get(normalise(text))
    if code is None:
        raise CellValueError(
            "not-in-list",
            {
                "value": text,
                "vocabulary": VOCABULARIES[vocabulary].label.get_text(lang),
                "choices": ", ".join(choices(vocabulary, lang)),
            },
        )
    return code
