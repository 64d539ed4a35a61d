"""The ``json`` exporter: every pack as canonical JSON that validates against the schemas and loads
back into equal objects."""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.exporters.base import atomic_file
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model.pack import KINDS as RECORD_KINDS

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

KINDS = frozenset(RECORD_KINDS)


def library_data(library: "Library") -> dict[str, Any]:
    """The library as JSON-ready data: ``{"packs": [{"manifest": ..., "resources": [...], ...}]}``."""
    from ouderbetrokkenheid.converter import unstructure

    packs = []
    for pack in library.packs:
        entry: dict[str, Any] = {"manifest": unstructure(pack.manifest)}
        for kind in sorted(KINDS):
            records = getattr(pack, kind)
            if records:
                entry[kind] = [unstructure(record) for record in records]
        packs.append(entry)
    return {"packs": packs}


@attrs.frozen
class JsonExporter:
    """Canonical JSON (keys sorted, UTF-8, indented)."""

    name: str = "json"
    media_type: str = "application/json"
    extension: str = ".json"
    kinds: frozenset[str] = KINDS
    description: str = N_("every pack as canonical JSON (manifest and records), valid against the schemas")

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the library to *destination* atomically."""
        import orjson

        data = orjson.dumps(library_data(library), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        with atomic_file(destination) as handle:
            handle.write(data + b"\n")
