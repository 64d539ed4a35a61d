"""Internal plugin: the built-in exporters, registered through the same hook as any other plugin."""

from ouderbetrokkenheid.exporters.base import Exporter
from ouderbetrokkenheid.hookspecs import hookimpl


@hookimpl
def ob_exporters() -> list[Exporter]:
    """The exporters that ship with the core."""
    from ouderbetrokkenheid.exporters.csv import CsvExporter
    from ouderbetrokkenheid.exporters.json import JsonExporter
    from ouderbetrokkenheid.exporters.jsonld import JsonLdExporter
    from ouderbetrokkenheid.exporters.markdown import MarkdownExporter
    from ouderbetrokkenheid.exporters.site import SiteExporter
    from ouderbetrokkenheid.sheets.exporter import XlsxExporter

    return [
        JsonExporter(),
        JsonLdExporter(),
        CsvExporter(),
        MarkdownExporter(),
        SiteExporter(),
        XlsxExporter(),
    ]
