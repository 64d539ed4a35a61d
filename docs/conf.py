"""Sphinx configuration of the ouderbetrokkenheid documentation.

Build (offline, warnings are errors)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest

The commands that the pages show are run during the build by the extension in ``commands.py``
(directives ``cli``, ``cli-file`` and ``cli-edit``; results cached in ``_build/.commands``).

Besides the configuration, this file holds a tiny Sphinx extension with three directives that render
tables straight from the code, so that the documentation cannot drift from it:

``problem-codes``
    every problem code of :data:`ouderbetrokkenheid.errors.CODES` with its meaning;
``vocabulary`` *name* (or no argument for all of them)
    the terms of a controlled vocabulary of :data:`ouderbetrokkenheid.model.VOCABULARIES`;
``schema-table``
    the published JSON Schemas: kind, ``$id``, file name and title.
"""

import os
import sys
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
# Document the checkout next to this folder, also when another version is installed in the environment.
sys.path.insert(0, str(ROOT / "src"))
# The extension that runs the commands the pages show (docs/commands.py).
sys.path.insert(0, str(DOCS))

import ouderbetrokkenheid  # noqa: E402 - needs the path above

# -- project ----------------------------------------------------------------------------------------
project = "ouderbetrokkenheid"
author = "The ouderbetrokkenheid maintainers"
copyright = "the ouderbetrokkenheid maintainers"
version = ouderbetrokkenheid.__version__
release = ouderbetrokkenheid.__version__

# -- general ----------------------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "commands",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"
nitpicky = False
# No warning is suppressed: every warning fails the build (-W).
suppress_warnings: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_substitutions = {"release": release}
myst_heading_anchors = 3

# -- autodoc ----------------------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_class_signature = "mixed"
napoleon_google_docstring = False
napoleon_numpy_docstring = False

# -- intersphinx ------------------------------------------------------------------------------------
# The build must work offline, so no inventory is fetched by default. Set
# OUDERBETROKKENHEID_DOCS_ONLINE=1 to link Python names to docs.python.org.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
if os.environ.get("OUDERBETROKKENHEID_DOCS_ONLINE") == "1":
    intersphinx_mapping["python"] = ("https://docs.python.org/3", None)

# -- doctest ----------------------------------------------------------------------------------------
# The doctest builder runs in the directory sphinx was started from, so paths are made absolute here.
doctest_global_setup = f"""
import pathlib
from ouderbetrokkenheid import (
    Library, Problem, Report, Severity, CODES, PackError, UnknownIdError,
    load_pack, validate_pack, check_pack, structure, unstructure,
)
from ouderbetrokkenheid.model import *
# Docstrings that autodoc pulls in are tested too; these are the names their examples use.
from ouderbetrokkenheid.catalog.analysis import analyse, fold, stem, words
EXAMPLE_PACK = pathlib.Path({str(ROOT / "examples" / "voorbeeldpack")!r})
SCHEMAS = pathlib.Path({str(ROOT / "schemas")!r})
"""

# -- HTML -------------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"ouderbetrokkenheid {release}"
html_static_path: list[str] = []


# -- the extension: tables generated from the code --------------------------------------------------
Cell = str | nodes.Node


def _cell(value: Cell) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.Node):
        entry += nodes.paragraph("", "", value)
    else:
        entry += nodes.paragraph(text=value)
    return entry


def _table(headers: list[str], rows: list[list[Cell]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["generated-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        row += _cell(header)
    head += row
    body = nodes.tbody()
    group += body
    for values in rows:
        row = nodes.row()
        for value in values:
            row += _cell(value)
        body += row
    return table


def _code(text: str) -> nodes.literal:
    return nodes.literal(text=text)


class _CodeTableDirective(Directive):
    """Base class: records a dependency on the source file the table is read from."""

    def depend_on(self, module: object) -> None:
        path = getattr(module, "__file__", None)
        if path:
            self.state.document.settings.env.note_dependency(path)


class ProblemCodesDirective(_CodeTableDirective):
    """Render :data:`ouderbetrokkenheid.errors.CODES` as a table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from ouderbetrokkenheid import errors

        self.depend_on(errors)
        rows: list[list[Cell]] = [[_code(code), meaning] for code, meaning in errors.CODES.items()]
        return [_table(["code", "meaning"], rows, [30, 70])]


class VocabularyDirective(_CodeTableDirective):
    """Render one controlled vocabulary (or all, without an argument) as tables."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from ouderbetrokkenheid.model import VOCABULARIES, vocabularies

        self.depend_on(vocabularies)
        names = [self.arguments[0]] if self.arguments else list(VOCABULARIES)
        out: list[nodes.Node] = []
        for name in names:
            if name not in VOCABULARIES:
                raise self.error(f"unknown vocabulary {name!r}; known: {', '.join(VOCABULARIES)}")
            vocabulary = VOCABULARIES[name]
            with_system = any(term.system for term in vocabulary)
            with_match = any(term.match for term in vocabulary)
            headers = ["code", "nl", "fr", "en"]
            widths = [18, 22, 22, 22]
            if with_system:
                headers.append("system")
                widths.append(8)
            if with_match:
                headers.append("closest standard term")
                widths.append(30)
            rows: list[list[Cell]] = []
            for term in vocabulary:
                row: list[Cell] = [_code(term.code), term.label["nl"], term.label["fr"], term.label["en"]]
                if with_system:
                    row.append(term.system or "")
                if with_match:
                    row.append(_code(term.match) if term.match else "")
                rows.append(row)
            if not self.arguments:
                title = nodes.paragraph()
                title += nodes.strong(text=vocabulary.name)
                title += nodes.Text(f" ({vocabulary.label['en']})")
                out.append(title)
            out.append(_table(headers, rows, widths))
        return out


class SchemaTableDirective(_CodeTableDirective):
    """Render the list of published schemas."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from ouderbetrokkenheid import schema

        self.depend_on(schema)
        rows: list[list[Cell]] = [
            [
                _code(kind),
                _code(schema.schema_id(kind)),
                _code(schema.schema_filename(kind)),
                str(schema.load_schema(kind).get("title", "")),
            ]
            for kind in schema.KINDS
        ]
        return [_table(["kind", "$id", "file", "title"], rows, [12, 40, 24, 34])]


def _attrs_factory_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None]:
    """Show ``field={}`` instead of ``field=NOTHING`` for attrs fields with a default factory."""
    import attrs

    if what != "class" or signature is None or not (isinstance(obj, type) and attrs.has(obj)):
        return signature, return_annotation
    for field in attrs.fields(obj):
        default = field.default
        if isinstance(default, attrs.Factory) and not default.takes_self:  # type: ignore[arg-type]
            signature = signature.replace(f"{field.name}=NOTHING", f"{field.name}={default.factory()!r}")
    return signature, return_annotation


def setup(app: Sphinx) -> dict[str, object]:
    """Register the directives of this documentation."""
    app.connect("autodoc-process-signature", _attrs_factory_defaults)
    app.add_directive("problem-codes", ProblemCodesDirective)
    app.add_directive("vocabulary", VocabularyDirective)
    app.add_directive("schema-table", SchemaTableDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
