"""The hook specifications: what a plugin can contribute.

A plugin is a module (or an object) with functions marked ``@ouderbetrokkenheid.hookimpl`` whose names
are the hook names below. An installable plugin announces the module under the entry-point group
``ouderbetrokkenheid``::

    [project.entry-points.ouderbetrokkenheid]
    my-pack = "my_pack_plugin"

Hooks are called with keyword arguments. An implementation may accept fewer arguments than the
specification lists (pluggy passes only the ones it names), so arguments can be added to a hook later
without breaking plugins. Every hook here collects results from *all* plugins; the plugin registered
last is called first, and the built-in plugins are registered last.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from os import PathLike

    from ouderbetrokkenheid.exporters.base import Exporter
    from ouderbetrokkenheid.model import ContentPack

#: The one name for the markers, the plugin manager and the entry-point group.
PROJECT = "ouderbetrokkenheid"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class PackSpecs:
    """Hooks through which a plugin contributes content."""

    @hookspec
    def ob_packs(self) -> "Sequence[ContentPack | Traversable | PathLike[str] | str]":
        """Return the content packs this plugin ships.

        Each entry is either the folder of a pack on disk (a path, or a
        :class:`importlib.resources.abc.Traversable` such as ``files(__name__) / "pack"``, the usual way
        for an installed package), or an already built :class:`~ouderbetrokkenheid.model.ContentPack`.
        Folders are loaded and fully validated by the host, exactly as ``ouderbetrokkenheid validate``
        would; a pack with errors is reported by the plugin's distribution name and left out.

        Called once per :class:`~ouderbetrokkenheid.Library`; results of all plugins are collected.

        :return: a sequence of packs (may be empty).
        """
        raise NotImplementedError


class ExporterSpecs:
    """Hooks through which a plugin contributes exporters."""

    @hookspec
    def ob_exporters(self) -> "Sequence[Exporter]":
        """Return the exporters this plugin provides.

        An exporter has a ``name`` (used with ``export --to NAME``), a ``media_type``, a file
        ``extension`` (empty for exporters that write a folder), the record ``kinds`` it accepts, and
        an ``export(library, destination, options)`` method; see :class:`~ouderbetrokkenheid.Exporter`.
        Two exporters with the same name are an error that names both plugins.

        Called once per plugin manager; results of all plugins are collected.

        :return: a sequence of exporters (may be empty).
        """
        raise NotImplementedError
