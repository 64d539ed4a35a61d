"""How a pack is laid out in a workbook, derived from the model's attrs classes (pure: no I/O).

Every record kind gets a sheet, one row per record. A field of a record becomes:

- a column, for a plain value (text, number, yes/no, date) or a list of codes (``a; b``);
- one column per language (``title [nl]``, ``title [fr]``), for a multilingual text;
- columns named ``outer: inner``, for a nested object held once (``provenance: source``);
- a sheet of its own, for a list of objects (links, authors, concepts, items ...), whose rows name the
  row they belong to in their first columns (the record's id, then the ids below it).

Lists of objects directly under a record (authors, links, translations ...) share one sheet across
record kinds, keyed by the record's id, which is unique in a pack. The pack's own data (the manifest)
is one sheet read top to bottom: field names in column A, values in column B.

Because the layout is computed from the model, a field added to the model gets a column (or a sheet)
without any change here, and the round trip keeps covering every field.
"""

import datetime
import functools
import types
import typing
from typing import Any

import attrs

from ouderbetrokkenheid.model import (
    Agent,
    Assessment,
    Effect,
    Finding,
    Framework,
    Link,
    LocalizedText,
    Mapping,
    PackManifest,
    Provenance,
    Resource,
    RespondentGroup,
    Translation,
)
from ouderbetrokkenheid.model.pack import KINDS

#: The record class of each kind.
RECORD_CLASSES: dict[str, type] = {
    "resources": Resource,
    "findings": Finding,
    "frameworks": Framework,
    "mappings": Mapping,
    "assessments": Assessment,
}

#: Fields that take codes of a controlled vocabulary: (class, field) -> vocabulary name.
VOCABULARY_FIELDS: dict[tuple[type, str], str] = {
    (Resource, "kind"): "resource-kind",
    (Resource, "audiences"): "audience-role",
    (Resource, "levels"): "education-level",
    (Resource, "themes"): "theme",
    (Finding, "themes"): "theme",
    (Framework, "themes"): "theme",
    (Assessment, "themes"): "theme",
    (Framework, "content_status"): "content-status",
    (Assessment, "content_status"): "content-status",
    (Mapping, "predicate"): "mapping-predicate",
    (Effect, "metric"): "effect-metric",
    (Agent, "kind"): "agent-kind",
    (Link, "access"): "access",
    (Provenance, "status"): "verification",
    (Translation, "method"): "translation-method",
    (RespondentGroup, "role"): "audience-role",
}

#: Fields that hold the id of a row (used to attach the rows of a sheet below it).
ID_FIELDS: tuple[str, ...] = ("id", "link_id", "code")

#: Cell types of a column.
SCALARS: dict[Any, str] = {
    str: "str",
    int: "int",
    float: "float",
    bool: "bool",
    datetime.date: "date",
    datetime.datetime: "datetime",
}


@attrs.frozen(kw_only=True)
class Field:
    """A value column before languages are known: a path of field names within one row's object."""

    path: tuple[str, ...]
    #: ``str``, ``int``, ``float``, ``bool``, ``date``, ``datetime``, ``list`` (codes), ``text`` or
    #: ``json`` (a value of a shape the layout does not know, as JSON text).
    type: str
    vocabulary: str | None = None
    #: Whether the innermost field is required by its class (no default).
    required: bool = False


@attrs.frozen(kw_only=True)
class Table:
    """One sheet: what a row holds and where it belongs."""

    #: ``resources``, ``frameworks/concepts``, ``*/links`` (shared across kinds), ``pack``, ``pack/sources``.
    key: str
    #: The class of a row's object; ``None`` for a list of texts or texts by key.
    cls: type | None
    #: ``records`` (top level), ``objects`` (a list of objects), ``texts`` (a list of texts),
    #: ``textmap`` (texts by key, as an item's wording by group) or ``manifest``.
    shape: str
    #: The path of fields from the parent row's object to the list (``("provenance", "translations")``).
    path: tuple[str, ...] = ()
    #: The parent sheet's key (``None`` for records and the manifest; ``*`` for any record kind).
    parent: str | None = None
    #: The record kinds whose records hold this list (for ``*/...`` sheets).
    kinds: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    #: The field that identifies a row to the sheets below it.
    id_field: str | None = None

    @property
    def vertical(self) -> bool:
        """The manifest is read top to bottom (names in column A, values in column B)."""
        return self.shape == "manifest"


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """``(inner type, optional)`` for ``X | None``."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _required(attribute: "attrs.Attribute[Any]") -> bool:
    return attribute.default is attrs.NOTHING


def _classify(tp: Any) -> tuple[str, Any]:
    """``(how, inner)``: scalar, text, list, inline, objects, texts or textmap."""
    tp, _ = _unwrap(tp)
    if tp in SCALARS:
        return "scalar", tp
    if tp is LocalizedText:
        return "text", tp
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return "list", str
        if args[0] is LocalizedText:
            return "texts", LocalizedText
        if attrs.has(args[0]):
            return "objects", args[0]
    if origin is dict and args == (str, LocalizedText):
        return "textmap", LocalizedText
    if attrs.has(tp):
        return "inline", tp
    # A shape the layout does not know (a field added to the model later): one cell of JSON, so the
    # round trip still keeps it.
    return "json", tp


def _flatten(
    cls: type, prefix: tuple[str, ...] = ()
) -> tuple[list[Field], list[tuple[tuple[str, ...], str, Any]]]:
    """The columns of one row of *cls*, and the lists below it: ``(path, how, element class)``."""
    hints = typing.get_type_hints(cls)
    columns: list[Field] = []
    children: list[tuple[tuple[str, ...], str, Any]] = []
    for attribute in attrs.fields(cls):
        how, inner = _classify(hints[attribute.name])
        path = (*prefix, attribute.name)
        if how == "scalar":
            columns.append(
                Field(
                    path=path,
                    type=SCALARS[inner],
                    vocabulary=VOCABULARY_FIELDS.get((cls, attribute.name)),
                    required=_required(attribute),
                )
            )
        elif how == "list":
            columns.append(
                Field(path=path, type="list", vocabulary=VOCABULARY_FIELDS.get((cls, attribute.name)))
            )
        elif how == "text":
            columns.append(Field(path=path, type="text", required=_required(attribute)))
        elif how == "json":
            columns.append(Field(path=path, type="json", required=_required(attribute)))
        elif how == "inline":
            inline_columns, inline_children = _flatten(inner, path)
            columns += inline_columns
            children += inline_children
        else:
            children.append((path, how, inner))
    return columns, children


def _id_field(cls: type | None) -> str | None:
    if cls is None:
        return None
    names = {a.name for a in attrs.fields(cls)}
    return next((name for name in ID_FIELDS if name in names), None)


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every sheet, in workbook order: the pack, its sources, each kind with the sheets below it, then
    the lists shared by every kind."""
    result: list[Table] = []
    manifest_fields, manifest_children = _flatten(PackManifest)
    result.append(Table(key="pack", cls=PackManifest, shape="manifest", fields=tuple(manifest_fields)))
    # The sources come first (every record names one); the pack's other lists (its thesaurus) last.
    later: list[Table] = []
    for child in manifest_children:
        (result if child[0] == ("sources",) else later).extend(_below("pack", child))
    shared: dict[tuple[tuple[str, ...], str, Any], list[str]] = {}
    for kind in KINDS:
        cls = RECORD_CLASSES[kind]
        fields, children = _flatten(cls)
        result.append(Table(key=kind, cls=cls, shape="records", fields=tuple(fields), id_field="id"))
        for child in children:
            if _nested_children(child):
                result.extend(_below(kind, child))
            else:
                shared.setdefault(child, []).append(kind)
    for (path, how, inner), kinds in shared.items():
        fields = _flatten(inner)[0] if how == "objects" else []
        result.append(
            Table(
                key="*/" + "/".join(path),
                cls=inner if how == "objects" else None,
                shape=how,
                path=path,
                parent="*",
                kinds=tuple(kinds),
                fields=tuple(fields),
            )
        )
    result.extend(later)
    return tuple(result)


def _nested_children(child: tuple[tuple[str, ...], str, Any]) -> bool:
    """Lists whose rows have ids of their own get sheets per kind (concepts, items ...)."""
    _, how, inner = child
    return how == "objects" and _id_field(inner) is not None


def _below(parent: str, child: tuple[tuple[str, ...], str, Any]) -> list[Table]:
    path, how, inner = child
    key = parent + "/" + "/".join(path)
    fields, children = _flatten(inner) if how == "objects" else ([], [])
    table = Table(
        key=key,
        cls=inner if how == "objects" else None,
        shape=how,
        path=path,
        parent=parent,
        fields=tuple(fields),
        id_field=_id_field(inner) if how == "objects" else None,
    )
    result = [table]
    for grandchild in children:
        result.extend(_below(key, grandchild))
    return result


def table(key: str) -> Table:
    """The table with *key*; raise :class:`KeyError` when there is none."""
    for candidate in tables():
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def ancestors(entry: Table) -> tuple[Table, ...]:
    """The tables above *entry*, top first (a ``*`` parent counts as one: the record)."""
    chain: list[Table] = []
    parent = entry.parent
    while parent not in (None, "*", "pack"):
        above = table(parent)
        chain.insert(0, above)
        parent = above.parent
    return tuple(chain)


def get_path(obj: Any, path: tuple[str, ...]) -> Any:
    """The value at *path* in a model object (``None`` when an object on the way is absent)."""
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj
