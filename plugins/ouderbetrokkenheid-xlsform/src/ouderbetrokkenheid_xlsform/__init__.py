"""The ``xlsform`` exporter for ouderbetrokkenheid: assessments as XLSForms for KoboToolbox and ODK.

An exporter plugin with a dependency of its own (openpyxl). Installed, it registers through the entry-point
group ``ouderbetrokkenheid``, and ``ouderbetrokkenheid export --to xlsform --out forms/`` writes one
workbook per assessment and respondent group.

Names are imported on first use, so that loading the plugin (which every command does) stays cheap.
"""

import importlib
from typing import TYPE_CHECKING, Any

from ouderbetrokkenheid import hookimpl

if TYPE_CHECKING:
    from ouderbetrokkenheid_xlsform.exporter import XLSFormExporter

_EXPORTS: dict[str, str] = {
    "XLSFormExporter": "ouderbetrokkenheid_xlsform.exporter",
    "plan_export": "ouderbetrokkenheid_xlsform.exporter",
    "Form": "ouderbetrokkenheid_xlsform.form",
    "Sheet": "ouderbetrokkenheid_xlsform.form",
    "build_form": "ouderbetrokkenheid_xlsform.form",
    "label_column": "ouderbetrokkenheid_xlsform.languages",
    "language_name": "ouderbetrokkenheid_xlsform.languages",
    "write_workbook": "ouderbetrokkenheid_xlsform.workbook",
}

__all__ = [*sorted(_EXPORTS), "ob_exporters"]  # noqa: PLE0604


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


@hookimpl
def ob_exporters() -> "list[XLSFormExporter]":
    """Provide the ``xlsform`` exporter."""
    from ouderbetrokkenheid_xlsform.exporter import XLSFormExporter

    return [XLSFormExporter()]
