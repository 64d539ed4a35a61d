"""Internal plugin: the packs the user installed from a folder or an archive (``pack install``),
offered through the same ``ob_packs`` hook as packs installed with pip, so they are validated, listed,
searched and exported like any other.

Like installed plugins, they are not loaded when ``OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD=1``,
unless ``OUDERBETROKKENHEID_PACKS_DIR`` names their folder explicitly (so a test run never sees the
packs a developer happens to have installed).
"""

import os
from pathlib import Path

from ouderbetrokkenheid.hookspecs import hookimpl


@hookimpl
def ob_packs() -> list[Path]:
    """The folders of the user's installed packs (none when nothing was installed)."""
    from ouderbetrokkenheid.packstore import PACKS_ENV, installed_packs
    from ouderbetrokkenheid.plugins import NO_AUTOLOAD_ENV

    if os.environ.get(NO_AUTOLOAD_ENV, "") in ("1", "true", "yes") and not os.environ.get(PACKS_ENV):
        return []
    return list(installed_packs().values())
