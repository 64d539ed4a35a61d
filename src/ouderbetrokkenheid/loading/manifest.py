"""A pack's manifest found and peeked at: its name and what it depends on, read without validating
the pack (light: commands that only list or order packs need no validator)."""

import os
from os import PathLike
from pathlib import Path

from ouderbetrokkenheid.loading.documents import DocumentError, read_document
from ouderbetrokkenheid.loading.files import check_inside

#: The file names a manifest may have, in order of preference.
MANIFEST_NAMES = ("pack.yaml", "pack.yml", "pack.json")


def find_manifest(folder: Path) -> Path | None:
    """The manifest of the pack folder *folder* (``pack.yaml``, ``pack.yml`` or ``pack.json``), if any.
    Anything of that name counts (a link, a FIFO): reading it then says what is wrong with it."""
    return next((folder / name for name in MANIFEST_NAMES if os.path.lexists(folder / name)), None)


def peek_manifest(folder: str | PathLike[str]) -> tuple[str | None, tuple[str, ...]]:
    """``(name, depends)`` read from the pack's manifest without validating it; ``(None, ())`` when it
    cannot be read (the full load reports why). Used to order and match packs before loading them."""
    manifest = find_manifest(Path(folder))
    if manifest is None or check_inside(manifest, Path(folder)) is not None:
        return None, ()
    try:
        data = read_document(manifest).data
    except DocumentError:
        return None, ()
    if not isinstance(data, dict):
        return None, ()
    name = data.get("name") if isinstance(data.get("name"), str) else None
    raw = data.get("depends")
    depends = tuple(d for d in raw if isinstance(d, str)) if isinstance(raw, list) else ()
    return name, depends
