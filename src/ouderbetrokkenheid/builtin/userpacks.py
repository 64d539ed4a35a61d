"""Internal plugin: the packs the user installed from a folder or an archive (``pack install``),
offered through the same ``ob_packs`` hook as packs installed with pip, so they are validated, listed,
searched and exported like any other."""

from pathlib import Path

from ouderbetrokkenheid.hookspecs import hookimpl


@hookimpl
def ob_packs() -> list[Path]:
    """The folders of the user's installed packs (none when nothing was installed)."""
    from ouderbetrokkenheid.packstore import installed_packs

    return list(installed_packs().values())
