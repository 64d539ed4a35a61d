"""ouderbetrokkenheid: knowledge about parent-school partnership as structured, reusable data.

The public API is what this module exports. Names are imported on first use, so that
``import ouderbetrokkenheid`` (and the command line's ``--help``) stays fast.
"""

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which costs ~10 ms at start-up

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # plugins
    "hookimpl": "ouderbetrokkenheid.hookspecs",
    "hookspec": "ouderbetrokkenheid.hookspecs",
    "PROJECT": "ouderbetrokkenheid.hookspecs",
    "get_plugin_manager": "ouderbetrokkenheid.plugins",
    "PluginHost": "ouderbetrokkenheid.plugins",
    "PluginInfo": "ouderbetrokkenheid.plugins",
    # loading and validation
    "load_pack": "ouderbetrokkenheid.validation",
    "validate_pack": "ouderbetrokkenheid.validation",
    "check_pack": "ouderbetrokkenheid.validation",
    "peek_manifest": "ouderbetrokkenheid.loading.manifest",
    "read_document": "ouderbetrokkenheid.loading.documents",
    "read_bytes": "ouderbetrokkenheid.loading.files",
    "InputFileError": "ouderbetrokkenheid.loading.files",
    "os_error_problem": "ouderbetrokkenheid.loading.files",
    # catalog
    "Library": "ouderbetrokkenheid.catalog.library",
    "Catalog": "ouderbetrokkenheid.catalog.catalog",
    "Filters": "ouderbetrokkenheid.catalog.catalog",
    "Hit": "ouderbetrokkenheid.catalog.catalog",
    "Found": "ouderbetrokkenheid.catalog.catalog",
    "Results": "ouderbetrokkenheid.catalog.catalog",
    "UnknownFilterError": "ouderbetrokkenheid.catalog.filters",
    "FACETS": "ouderbetrokkenheid.catalog.catalog",
    "scaffold_pack": "ouderbetrokkenheid.scaffold",
    # assessments
    "score": "ouderbetrokkenheid.scoring",
    "recommend": "ouderbetrokkenheid.scoring",
    "ResponseSet": "ouderbetrokkenheid.scoring",
    "ResponseError": "ouderbetrokkenheid.scoring",
    "read_responses": "ouderbetrokkenheid.responses",
    "read_many": "ouderbetrokkenheid.responses",
    "render_markdown": "ouderbetrokkenheid.reports",
    "render_html": "ouderbetrokkenheid.reports",
    "render_paper_form": "ouderbetrokkenheid.reports",
    "ScaffoldError": "ouderbetrokkenheid.scaffold",
    # spreadsheets and packs installed from files
    "write_template": "ouderbetrokkenheid.sheets",
    "write_workbook": "ouderbetrokkenheid.sheets",
    "check_workbook": "ouderbetrokkenheid.sheets",
    "import_workbook": "ouderbetrokkenheid.sheets",
    "install_pack": "ouderbetrokkenheid.packstore",
    "remove_pack": "ouderbetrokkenheid.packstore",
    "build_pack": "ouderbetrokkenheid.packstore",
    "installed_packs": "ouderbetrokkenheid.packstore",
    "packs_folder": "ouderbetrokkenheid.packstore",
    # exporters
    "Exporter": "ouderbetrokkenheid.exporters.base",
    "OutputError": "ouderbetrokkenheid.exporters.base",
    "neutralise_formula": "ouderbetrokkenheid.exporters.formulas",
    # output
    "terminal_safe": "ouderbetrokkenheid.terminal",
    "json_terminal_safe": "ouderbetrokkenheid.terminal",
    # errors
    "Problem": "ouderbetrokkenheid.errors",
    "Phrase": "ouderbetrokkenheid.errors",
    "Report": "ouderbetrokkenheid.errors",
    "Severity": "ouderbetrokkenheid.errors",
    "CODES": "ouderbetrokkenheid.errors",
    "OuderbetrokkenheidError": "ouderbetrokkenheid.errors",
    "ProblemError": "ouderbetrokkenheid.errors",
    "PackError": "ouderbetrokkenheid.errors",
    "LibraryError": "ouderbetrokkenheid.errors",
    "UnknownIdError": "ouderbetrokkenheid.errors",
    # schemas and conversion
    "schema": "ouderbetrokkenheid.schema",
    "structure": "ouderbetrokkenheid.converter",
    "unstructure": "ouderbetrokkenheid.converter",
    "get_converter": "ouderbetrokkenheid.converter",
}
_MODEL = (  # kept equal to ouderbetrokkenheid.model.__all__ by a test (importing it here costs start-up time)
    "KINDS",
    "Agent",
    "Assessment",
    "Band",
    "Collection",
    "Concept",
    "ContentPack",
    "Dimension",
    "DimensionScore",
    "Effect",
    "Finding",
    "Framework",
    "Gap",
    "GroupResult",
    "Item",
    "ItemGap",
    "Link",
    "LocalizedText",
    "Mapping",
    "Option",
    "PackManifest",
    "Provenance",
    "Rating",
    "Record",
    "RespondentGroup",
    "Resource",
    "Response",
    "Result",
    "Scale",
    "Section",
    "Source",
    "Term",
    "ThesaurusEntry",
    "Translation",
    "Vocabulary",
    "VOCABULARIES",
    "fallback_chain",
    "is_language_tag",
)
_EXPORTS.update(dict.fromkeys(_MODEL, "ouderbetrokkenheid.model"))

__all__ = [
    "CODES",
    "FACETS",
    "KINDS",
    "PROJECT",
    "VOCABULARIES",
    "Agent",
    "Assessment",
    "Band",
    "Catalog",
    "Collection",
    "Concept",
    "ContentPack",
    "Dimension",
    "DimensionScore",
    "Effect",
    "Exporter",
    "Filters",
    "Finding",
    "Found",
    "Framework",
    "Gap",
    "GroupResult",
    "Hit",
    "InputFileError",
    "Item",
    "ItemGap",
    "Library",
    "LibraryError",
    "Link",
    "LocalizedText",
    "Mapping",
    "Option",
    "OuderbetrokkenheidError",
    "OutputError",
    "PackError",
    "PackManifest",
    "Phrase",
    "PluginHost",
    "PluginInfo",
    "Problem",
    "ProblemError",
    "Provenance",
    "Rating",
    "Record",
    "Report",
    "Resource",
    "RespondentGroup",
    "Response",
    "ResponseError",
    "ResponseSet",
    "Result",
    "Results",
    "ScaffoldError",
    "Scale",
    "Section",
    "Severity",
    "Source",
    "Term",
    "ThesaurusEntry",
    "Translation",
    "UnknownFilterError",
    "UnknownIdError",
    "Vocabulary",
    "__version__",
    "build_pack",
    "check_pack",
    "check_workbook",
    "fallback_chain",
    "get_converter",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "import_workbook",
    "install_pack",
    "installed_packs",
    "is_language_tag",
    "json_terminal_safe",
    "load_pack",
    "neutralise_formula",
    "os_error_problem",
    "packs_folder",
    "peek_manifest",
    "read_bytes",
    "read_document",
    "read_many",
    "read_responses",
    "recommend",
    "remove_pack",
    "render_html",
    "render_markdown",
    "render_paper_form",
    "scaffold_pack",
    "schema",
    "score",
    "structure",
    "terminal_safe",
    "unstructure",
    "validate_pack",
    "write_template",
    "write_workbook",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ouderbetrokkenheid' has no attribute {name!r}")
    if name == "schema":
        value: object = importlib.import_module(module)
    else:
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from ouderbetrokkenheid import schema
    from ouderbetrokkenheid.catalog.catalog import FACETS, Catalog, Filters, Found, Hit, Results
    from ouderbetrokkenheid.catalog.filters import UnknownFilterError
    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.converter import get_converter, structure, unstructure
    from ouderbetrokkenheid.errors import (
        CODES,
        LibraryError,
        OuderbetrokkenheidError,
        PackError,
        Phrase,
        Problem,
        ProblemError,
        Report,
        Severity,
        UnknownIdError,
    )
    from ouderbetrokkenheid.exporters.base import Exporter, OutputError
    from ouderbetrokkenheid.exporters.formulas import neutralise_formula
    from ouderbetrokkenheid.hookspecs import PROJECT, hookimpl, hookspec
    from ouderbetrokkenheid.loading.documents import read_document
    from ouderbetrokkenheid.loading.files import InputFileError, os_error_problem, read_bytes
    from ouderbetrokkenheid.loading.manifest import peek_manifest
    from ouderbetrokkenheid.model import (
        KINDS,
        VOCABULARIES,
        Agent,
        Assessment,
        Band,
        Collection,
        Concept,
        ContentPack,
        Dimension,
        DimensionScore,
        Effect,
        Finding,
        Framework,
        Gap,
        GroupResult,
        Item,
        ItemGap,
        Link,
        LocalizedText,
        Mapping,
        Option,
        PackManifest,
        Provenance,
        Rating,
        Record,
        Resource,
        RespondentGroup,
        Response,
        Result,
        Scale,
        Section,
        Source,
        Term,
        ThesaurusEntry,
        Translation,
        Vocabulary,
        fallback_chain,
        is_language_tag,
    )
    from ouderbetrokkenheid.packstore import (
        build_pack,
        install_pack,
        installed_packs,
        packs_folder,
        remove_pack,
    )
    from ouderbetrokkenheid.plugins import PluginHost, PluginInfo, get_plugin_manager
    from ouderbetrokkenheid.reports import render_html, render_markdown, render_paper_form
    from ouderbetrokkenheid.responses import read_many, read_responses
    from ouderbetrokkenheid.scaffold import ScaffoldError, scaffold_pack
    from ouderbetrokkenheid.scoring import ResponseError, ResponseSet, recommend, score
    from ouderbetrokkenheid.sheets import check_workbook, import_workbook, write_template, write_workbook
    from ouderbetrokkenheid.terminal import json_terminal_safe, terminal_safe
    from ouderbetrokkenheid.validation import check_pack, load_pack, validate_pack
