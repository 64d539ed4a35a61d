"""The ``xlsx`` exporter: one pack as the authoring workbook (the one ``sheet import`` reads back)."""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.errors import OuderbetrokkenheidError, Phrase
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model.pack import KINDS as RECORD_KINDS

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library


@attrs.frozen
class XlsxExporter:
    """A pack as a workbook, in the language asked (``--lang``; else the pack's default)."""

    name: str = "xlsx"
    media_type: str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension: str = ".xlsx"
    kinds: frozenset[str] = frozenset(RECORD_KINDS)
    description: str = N_(
        "one pack as the authoring workbook (sheet import reads it back); choose it with --pack"
    )

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the one pack of *library* (or the one left with records by ``--pack``)."""
        from ouderbetrokkenheid.sheets.writer import write_workbook

        packs = list(library.packs)
        if len(packs) > 1:
            packs = [pack for pack in packs if any(True for _ in pack.records())]
        if len(packs) != 1:
            names = ", ".join(sorted(pack.name for pack in library.packs)) or Phrase(N_("none"))
            raise OuderbetrokkenheidError(
                Phrase(
                    N_(
                        "the xlsx exporter writes one pack at a time; choose it with --pack NAME (loaded: {names})"
                    ),
                    names=names,
                )
            )
        pack = packs[0]
        write_workbook(destination, pack, options.get("lang") or pack.manifest.default_language)
