"""Internal plugin: the built-in exporters."""

from ouderbetrokkenheid.exporters.base import Exporter
from ouderbetrokkenheid.hookspecs import hookimpl


@hookimpl
def ob_exporters() -> list[Exporter]:
    """The exporters that ship with the core."""
    from ouderbetrokkenheid.exporters.json import JsonExporter

    return [JsonExporter()]
