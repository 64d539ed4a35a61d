"""The commands of the command line. They use only the public API (``import ouderbetrokkenheid``)."""

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli.mistakes import get_record
from ouderbetrokkenheid.i18n import N_, NP_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ouderbetrokkenheid.errors import UnknownValueError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


#: The command line's own words that appear among content (labels come from the packs).
_WORDS: dict[str, str] = {
    "ordered": N_("ordered"),
    "unordered": N_("unordered, no ranking"),
    "unknown": N_("unknown"),
    "not-known": N_("({missing} of {total} not known)"),
}

#: Facets and fields whose values are codes of a vocabulary (shown by their labels).
_VOCABULARY_OF = {
    "kind": "resource-kind",
    "theme": "theme",
    "audience": "audience-role",
    "level": "education-level",
    "access": "access",
    "status": "content-status",
    "predicate": "mapping-predicate",
}
#: The names of the facets, as the search prints them.
_FACETS = {
    "kind": N_("kind of resource"),
    "theme": N_("theme"),
    "audience": N_("audience"),
    "level": N_("education level"),
    "language": N_("language"),
    "publisher": N_("publisher"),
    "access": N_("access"),
    "pack": N_("pack"),
    "concept": N_("concept"),
}


class Output:
    """Where the commands write: people get text, scripts get JSON (``--format json``)."""

    def __init__(self, *, lang: str | None, json: bool) -> None:
        from ouderbetrokkenheid.i18n import interface_language, words

        self.lang = lang
        self.json = json
        #: The interface's words: in ``--lang``, else the user's locale, else Dutch.
        self.say = words(interface_language(lang))

    def text(self, value: Any, default: str | None = None) -> str:
        """A localized text in the asked language (with fallback), or ``""``."""
        if value is None:
            return ""
        return str(value.get_text(self.lang, default))

    def word(self, key: str, **fields: object) -> str:
        """A word of the command line's own text in the interface language."""
        return self.say(_WORDS[key], **fields)

    def term(self, vocabulary: str, code: str) -> str:
        """The label of *code* in a vocabulary (by its name or a facet's), in the interface language;
        *code* itself when the vocabulary has no such code."""
        try:
            term = ob.VOCABULARIES[_VOCABULARY_OF.get(vocabulary, vocabulary)].term(code)
        except KeyError:
            return code
        return str(term.label.get_text(self.say.lang))

    def line(self, text: str = "") -> None:
        """Print a line to standard output (control characters escaped: see :func:`ob.terminal_safe`)."""
        print(ob.terminal_safe(text))

    def data(self, value: Any) -> None:
        """Print *value* as JSON (every control character escaped, as JSON allows)."""
        print(ob.json_terminal_safe(json.dumps(value, ensure_ascii=False, indent=2)))

    def error(self, message: str, *, code: str = "error") -> None:
        """Report an error: ``{"ok": false, "error": {"code": ..., "message": ...}}`` on standard output
        with ``--format json``, else a line on standard error (control characters escaped)."""
        if self.json:
            self.data({"ok": False, "error": {"code": code, "message": message}})
            return
        label = self.say(N_("error"))
        print(f"ouderbetrokkenheid: {label}: {ob.terminal_safe(message)}", file=sys.stderr)

    def mistake(self, error: "UnknownValueError") -> None:
        """Report a value that names nothing (:mod:`ouderbetrokkenheid.cli.mistakes`), with the close
        values and what exists, in the interface language."""
        from ouderbetrokkenheid.cli.mistakes import message

        text = message(error, self.say)
        if self.json:
            self.data(
                {
                    "ok": False,
                    "error": {
                        "code": error.code,
                        "message": text,
                        "option": error.option,
                        "value": error.value,
                        "suggestions": list(error.suggestions),
                        "choices": list(error.choices),
                    },
                }
            )
            return
        label = self.say(N_("error"))
        print(f"ouderbetrokkenheid: {label}: {ob.terminal_safe(text)}", file=sys.stderr)

    def problems(self, problems: Iterable["ob.Problem"], *, stream: Any = None) -> None:
        """Print problems, one block each: ``file:line:col: severity[code] message``, pointer and hint;
        with ``--format json``: ``{"ok": false, "problems": [...]}`` (``ok`` true when all are warnings)."""
        problems = list(problems)
        if self.json:
            ok = not any(p.is_error for p in problems)
            self.data({"ok": ok, "problems": [self.problem(p) for p in problems]})
            return
        stream = stream or sys.stderr
        safe = ob.terminal_safe
        severities = {"error": self.say(N_("error")), "warning": self.say(N_("warning"))}
        at, hint = self.say(N_("at")), self.say(N_("hint"))
        for problem in problems:
            severity = severities.get(problem.severity.value, problem.severity.value)
            message, advice = problem.in_words(self.say)
            print(safe(f"{problem.location(self.say)}: {severity}[{problem.code}] {message}"), file=stream)
            if problem.pointer:
                print(safe(f"    {at} {problem.pointer}"), file=stream)
            if advice:
                print(safe(f"    {hint}: {advice}"), file=stream)

    def problem(self, problem: "ob.Problem") -> dict[str, object]:
        """A problem as JSON: :meth:`ob.Problem.to_dict` (``message`` and ``hint`` in English, stable
        for tools, beside the stable ``code``) and ``localized``: ``lang``, ``message`` and ``hint`` in
        the interface language (docs/json-output.md)."""
        message, advice = problem.in_words(self.say)
        localized: dict[str, str] = {"lang": self.say.lang, "message": message}
        if advice:
            localized["hint"] = advice
        return {**problem.to_dict(), "localized": localized}


def _library(paths: Iterable[str], out: Output, *, plugins: bool = True) -> "ob.Library":
    paths = list(paths)
    library = ob.Library.open(paths, plugins=plugins)  # from the cache while the packs are unchanged
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    require_given(library, paths, out)
    return library


def require_given(library: "ob.Library", paths: Iterable[str], out: Output) -> None:
    """Fail (exit 1) when a pack folder the user asked for (``--path``) could not be loaded: a
    command never carries on without it as if nothing happened."""
    loaded = {pack.name for pack in library.packs}
    missing = [str(path) for path in paths if ob.peek_manifest(Path(path))[0] not in loaded]
    if not missing:
        return
    if out.json:  # the problems were not printed yet
        raise ob.ProblemError(library.report.problems)
    raise ob.OuderbetrokkenheidError(
        out.say(
            N_("the pack at {paths} has errors (listed above); fix them, then run the command again"),
            paths=", ".join(missing),
        )
    )


# -- plugins -------------------------------------------------------------------------------------
def cmd_plugins(args: argparse.Namespace, out: Output) -> int:
    """List plugins with their distribution, version, hooks, packs and exporters. Exit 1 when a
    plugin is broken: it fails to load, raises in a hook, returns something that is not a pack or an
    exporter, or ships a pack with errors or one that clashes with another (both are named)."""
    host = ob.get_plugin_manager()
    packs: dict[str, list[str]] = {}
    for info, item in host.pack_sources():
        if isinstance(item, ob.ContentPack):
            name = item.name
        else:
            name = ob.peek_manifest(Path(str(item)))[0] or Path(str(item)).name
        packs.setdefault(info.name, []).append(name)
    exporters: dict[str, list[str]] = {}
    for exporter_name, (info, _) in host.exporters().items():
        exporters.setdefault(info.name, []).append(exporter_name)
    # the packs are loaded as every other command loads them: the same checks, the same problems
    problems = list(ob.Library.open(host=host).report.problems)  # kept while the packs are unchanged
    rows = [
        {
            "name": info.name,
            "distribution": info.distribution,
            "version": info.version,
            "builtin": info.builtin,
            "hooks": list(info.hooks),
            "packs": packs.get(info.name, []),
            "exporters": exporters.get(info.name, []),
        }
        for info in host.plugins()
    ]
    if out.json:
        out.data({"plugins": rows, "problems": [out.problem(p) for p in problems]})
    else:
        for row in rows:
            origin = (
                out.say(N_("built-in"))
                if row["builtin"]
                else f"{row['distribution'] or '-'} {row['version'] or ''}".strip()
            )
            out.line(f"{row['name']}  ({origin})")
            hooks, packs_word, exporters_word = (
                out.say(N_("hooks")),
                out.say(N_("packs")),
                out.say(N_("exporters")),
            )
            out.line(f"    {hooks}: {', '.join(row['hooks']) or '-'}")
            if row["packs"]:
                out.line(f"    {packs_word}: {', '.join(row['packs'])}")
            if row["exporters"]:
                out.line(f"    {exporters_word}: {', '.join(row['exporters'])}")
        out.problems(problems)
    return EXIT_INVALID if any(p.is_error for p in problems) else EXIT_OK


# -- validate ------------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace, out: Output) -> int:
    """Validate pack folders (or the installed packs); report every problem at once."""
    if args.max_file_size is not None and args.max_file_size <= 0:
        out.error(out.say(N_("--max-file-size must be a positive number of MiB")), code="usage")
        return EXIT_USAGE
    paths = [Path(p) for p in args.paths]
    if not paths and (args.no_plugins or args.max_file_size is not None):
        out.error(out.say(N_("--no-plugins and --max-file-size need at least one PATH")), code="usage")
        return EXIT_USAGE
    if paths:
        reports = _validate_paths(paths, args)
    else:
        library = ob.Library.discover()
        reports = {out.say(N_("installed packs")): library.report}
        if not out.json and library.report.ok:
            counts = library.counts()
            for name, kinds in counts.items():
                out.line(
                    f"{name}: "
                    + ", ".join(f"{n} {out.say(_KINDS.get(kind, kind))}" for kind, n in kinds.items() if n)
                )
    problems = [p for report in reports.values() for p in report.problems]
    failed = any(p.is_error or args.strict for p in problems)
    if out.json:
        out.data(
            {
                "ok": not failed,
                "errors": sum(p.is_error for p in problems),
                "warnings": sum(not p.is_error for p in problems),
                "problems": [out.problem(p) for p in problems],
            }
        )
    else:
        out.problems(problems)
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        verdict = out.say(N_("invalid")) if failed else out.say(N_("valid"))
        counted = out.say(N_("({errors} error(s), {warnings} warning(s))"), errors=errors, warnings=warnings)
        out.line(f"{', '.join(map(str, reports))}: {verdict} {counted}")
    return EXIT_INVALID if failed else EXIT_OK


def _validate_paths(paths: list[Path], args: argparse.Namespace) -> dict[str, "ob.Report"]:
    kwargs: dict[str, Any] = {}
    if args.max_file_size is not None:
        kwargs["max_bytes"] = args.max_file_size * 1024 * 1024
    context = None
    given = {ob.peek_manifest(path)[0] for path in paths} - {None}  # unreadable ones: reported below
    if not args.no_plugins:
        context = ob.Library.discover()
    reports: dict[str, ob.Report] = {}
    checked: dict[str, ob.ContentPack] = {}

    def lookup(identifier: str) -> bool | None:
        namespace = identifier.split("/", 1)[0]
        pack = checked.get(namespace)
        if pack is not None:
            return identifier in {r.id for r in pack.records()} | {
                c.id for f in pack.frameworks for c in f.concepts
            }
        if context is not None and namespace not in given and namespace in {p.name for p in context.packs}:
            return identifier in context
        return None

    folder_of: dict[str, Path] = {}
    for path in paths:
        pack, report = ob.check_pack(path, external=lookup, **kwargs)
        if pack is not None and pack.name in checked:
            clash = ob.Problem(
                code="duplicate-pack",
                severity=ob.Severity.ERROR,
                message=ob.Phrase(
                    N_("two packs are named '{pack}': one in {first}, one in {second}"),
                    pack=pack.name,
                    first=folder_of[pack.name],
                    second=path,
                ),
                hint=N_(
                    "Two packs with one name cannot be loaded together: rename one, or validate them apart."
                ),
                file=str(path),
            )
            report = ob.Report(problems=(*report.problems, clash))
        elif pack is not None:
            checked[pack.name] = pack
            folder_of[pack.name] = path
        reports[str(path)] = report
    # A second pass resolves references between the given packs whatever their order.
    for path in paths:
        problems = reports[str(path)].problems
        if any(p.code == "unresolved-external-reference" for p in problems):
            clashes = tuple(p for p in problems if p.code == "duplicate-pack")
            again = ob.check_pack(path, external=lookup, **kwargs)[1]
            reports[str(path)] = ob.Report(problems=again.problems + clashes)
    return reports


# -- schemas -------------------------------------------------------------------------------------
def cmd_schemas(args: argparse.Namespace, out: Output) -> int:
    """List the schemas, or write them to a folder."""
    rows = [
        {
            "kind": kind,
            "id": ob.schema.schema_id(kind),
            "file": ob.schema.schema_filename(kind),
            "title": ob.schema.load_schema(kind).get("title", ""),
        }
        for kind in ob.schema.KINDS
    ]
    if args.out:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in ob.schema.KINDS:
            (folder / ob.schema.schema_filename(kind)).write_text(ob.schema.schema_text(kind), "utf-8")
        if not out.json:
            out.line(out.say(N_("wrote {n} schemas to {folder}"), n=len(rows), folder=folder))
    if out.json:
        out.data({"schemas": rows})
    elif not args.out:
        for row in rows:
            # the file (what --out writes), the $id and the title in the interface language
            out.line(f"{row['file']:<24} {row['id']:<45} {out.say.gettext(row['title'])}")
    return EXIT_OK


#: The titles of the JSON Schemas, marked for the catalogue: ``schemas`` shows them in the interface
#: language (tests/test_i18n.py checks that they are the schemas' titles).
SCHEMA_TITLES = (
    N_("Shared definitions"),
    N_("Content pack manifest (pack.yaml)"),
    N_("Records file"),
    N_("Resource"),
    N_("Finding"),
    N_("Framework"),
    N_("Mapping"),
    N_("Assessment"),
    N_("Response"),
    N_("Result"),
)


# -- catalog -------------------------------------------------------------------------------------
def cmd_catalog(args: argparse.Namespace, out: Output) -> int:
    """List the records of the loaded packs."""
    library = _library(args.paths, out)
    if args.pack and args.pack not in {pack.name for pack in library.packs}:
        from ouderbetrokkenheid.cli.mistakes import unknown

        raise unknown("unknown-pack", "--pack", args.pack, {p.name: p.name for p in library.packs})
    packs = [library.pack(args.pack)] if args.pack else list(library.packs)
    kinds = [args.kind] if args.kind else ["frameworks", "resources", "findings", "assessments", "mappings"]
    if out.json:
        out.data(
            {
                pack.name: {kind: [ob.unstructure(r) for r in getattr(pack, kind)] for kind in kinds}
                for pack in packs
            }
        )
        return EXIT_OK
    for pack in packs:
        default = pack.manifest.default_language
        out.line(f"== {pack.name} {pack.manifest.version}: {out.text(pack.manifest.title, default)}")
        for kind in kinds:
            records = getattr(pack, kind)
            if not records:
                continue
            out.line(f"  {out.say(_KINDS[kind])} ({len(records)})")
            for record in records:
                out.line(f"    {record.id:<48} {_title(record, out, default)}")
    shown = sum(len(getattr(pack, kind)) for pack in packs for kind in kinds)
    out.line(
        out.say.ngettext("{n} record", "{n} records", shown).format(n=shown)
        + " "
        + out.say.ngettext("in {n} pack", "in {n} packs", len(packs)).format(n=len(packs))
    )
    return EXIT_OK


def _title(record: Any, out: Output, default: str | None = None) -> str:
    for field in ("title", "claim", "justification"):
        value = getattr(record, field, None)
        if value is not None:
            text = out.text(value, default)
            if field == "justification":
                text = f"{record.subject} {out.term('predicate', record.predicate)} {record.object}"
            return text if len(text) <= 90 else text[:87] + "..."
    return ""


# -- show ----------------------------------------------------------------------------------------
def cmd_show(args: argparse.Namespace, out: Output) -> int:
    """Show one record (or concept) with every language, its provenance and its links."""
    library = _library(args.path, out)
    if "#" in args.id and args.id not in {r.id for r in library}:
        if args.id not in library:
            from ouderbetrokkenheid.cli.mistakes import concept_candidates, unknown

            raise unknown("unknown-concept", "ID", args.id, concept_candidates(library))
        framework, concept = library.concept(args.id)
        if out.json:
            out.data({"framework": framework.id, "concept": ob.unstructure(concept)})
        else:
            of = out.say(N_("concept of {framework}"), framework=framework.id)
            out.line(f"{concept.id}  ({of})")
            _show_mapping(out, "  ", {k: v for k, v in ob.unstructure(concept).items() if k != "id"})
        return EXIT_OK
    record = get_record(library, args.id)
    pack = library.pack_of(args.id)
    data = ob.unstructure(record)
    source = (
        pack.source(record.provenance.source)
        if record.provenance.source in {s.id for s in pack.manifest.sources}
        else None
    )
    if out.json:
        related = [hit.record.id for hit in ob.Catalog(library).related(record.id, limit=5)]
        source_data = ob.unstructure(source) if source else None
        out.data({"pack": pack.name, "record": data, "source": source_data, "related": related})
        return EXIT_OK
    kind = out.say(_KINDS.get(type(record).__name__.lower(), type(record).__name__.lower()))
    in_pack = out.say(N_("pack {name}"), name=pack.name)
    out.line(f"{record.id}  ({kind}, {in_pack})")
    _show_mapping(out, "", {k: v for k, v in data.items() if k not in ("id", "provenance")})
    out.line(f"{out.say(_FIELDS['provenance'])}:")
    _show_mapping(out, "  ", data["provenance"])
    if source is not None:
        out.line("  " + out.say(N_("source document")) + ":")
        _show_mapping(out, "    ", ob.unstructure(source))
    related = ob.Catalog(library).related(record.id, limit=5)
    if related:
        out.line(out.say(N_("related")) + ":")
        for hit in related:
            out.line(f"  {hit.record.id:<48} {_title(hit.record, out)}")
    return EXIT_OK


#: The fields of a record, as ``show`` names them (the data's keys are English codes).
_FIELDS: dict[str, str] = {
    "access": NP_("field of a record", "access"),
    "alt_labels": NP_("field of a record", "other labels"),
    "audiences": NP_("field of a record", "audiences"),
    "author": NP_("field of a record", "author"),
    "authors": NP_("field of a record", "authors"),
    "bands": NP_("field of a record", "bands"),
    "broader": NP_("field of a record", "broader"),
    "by": NP_("field of a record", "by"),
    "caveats": NP_("field of a record", "caveats"),
    "claim": NP_("field of a record", "claim"),
    "code": NP_("field of a record", "code"),
    "collections": NP_("field of a record", "collections"),
    "concepts": NP_("field of a record", "concepts"),
    "confidence": NP_("field of a record", "confidence"),
    "content_status": NP_("field of a record", "content status"),
    "cost": NP_("field of a record", "cost"),
    "definition": NP_("field of a record", "definition"),
    "described_in": NP_("field of a record", "described in"),
    "description": NP_("field of a record", "description"),
    "dimension": NP_("field of a record", "dimension"),
    "dimensions": NP_("field of a record", "dimensions"),
    "document": NP_("field of a record", "document"),
    "edition": NP_("field of a record", "edition"),
    "effects": NP_("field of a record", "effects"),
    "evidence": NP_("field of a record", "evidence"),
    "expected_members": NP_("field of a record", "expected members"),
    "framework": NP_("field of a record", "framework"),
    "free": NP_("field of a record", "free"),
    "groups": NP_("field of a record", "groups"),
    "id": NP_("field of a record", "id"),
    "interpretation": NP_("field of a record", "interpretation"),
    "items": NP_("field of a record", "items"),
    "justification": NP_("field of a record", "justification"),
    "kind": NP_("field of a record", "kind"),
    "known_gaps": NP_("field of a record", "known gaps"),
    "label": NP_("field of a record", "label"),
    "language": NP_("field of a record", "language"),
    "languages": NP_("field of a record", "languages"),
    "levels": NP_("field of a record", "levels"),
    "licence": NP_("field of a record", "licence"),
    "link_id": NP_("field of a record", "item id"),
    "links": NP_("field of a record", "links"),
    "locator": NP_("field of a record", "locator"),
    "max": NP_("field of a record", "maximum"),
    "members": NP_("field of a record", "members"),
    "method": NP_("field of a record", "method"),
    "metric": NP_("field of a record", "metric"),
    "min": NP_("field of a record", "minimum"),
    "name": NP_("field of a record", "name"),
    "needs_work": NP_("field of a record", "needs work"),
    "not_applicable": NP_("field of a record", "not applicable"),
    "notation": NP_("field of a record", "notation"),
    "note": NP_("field of a record", "note"),
    "object": NP_("field of a record", "object"),
    "options": NP_("field of a record", "options"),
    "ordered": NP_("field of a record", "ordered"),
    "part_of": NP_("field of a record", "part of"),
    "predicate": NP_("field of a record", "predicate"),
    "provenance": NP_("field of a record", "provenance"),
    "provider": NP_("field of a record", "provider"),
    "publisher": NP_("field of a record", "publisher"),
    "related": NP_("field of a record", "related"),
    "retrieved": NP_("field of a record", "retrieved"),
    "reverse": NP_("field of a record", "reverse"),
    "role": NP_("field of a record", "role"),
    "same_as": NP_("field of a record", "same as"),
    "scale": NP_("field of a record", "scale"),
    "scales": NP_("field of a record", "scales"),
    "score": NP_("field of a record", "score"),
    "sections": NP_("field of a record", "sections"),
    "source": NP_("field of a record", "source"),
    "sources": NP_("field of a record", "sources"),
    "status": NP_("field of a record", "status"),
    "subject": NP_("field of a record", "subject"),
    "subtitle": NP_("field of a record", "subtitle"),
    "summary": NP_("field of a record", "summary"),
    "target": NP_("field of a record", "target"),
    "text": NP_("field of a record", "text"),
    "themes": NP_("field of a record", "themes"),
    "title": NP_("field of a record", "title"),
    "translations": NP_("field of a record", "translations"),
    "url": NP_("field of a record", "URL"),
    "value": NP_("field of a record", "value"),
    "version": NP_("field of a record", "version"),
    "year": NP_("field of a record", "year"),
    "min_group_size": NP_("field of a record", "minimum group size"),
    "required": NP_("field of a record", "required"),
    "type": NP_("field of a record", "type"),
    "dimension_of": NP_("field of a record", "dimension of"),
    "hidden_labels": NP_("field of a record", "hidden labels"),
    "depends": NP_("field of a record", "depends"),
}
#: Fields whose values are codes of a vocabulary (``show`` prints their labels).
_VALUE_VOCABULARY = {
    "kind": ("resource-kind", "agent-kind"),
    "themes": ("theme",),
    "audiences": ("audience-role",),
    "role": ("audience-role",),
    "levels": ("education-level",),
    "access": ("access",),
    "content_status": ("content-status",),
    "predicate": ("mapping-predicate",),
    "metric": ("effect-metric",),
    "method": ("translation-method",),
    "status": ("verification",),
}


def _show_mapping(out: Output, indent: str, data: Any, key: str | None = None) -> None:
    if isinstance(data, dict):
        for name, value in data.items():
            label = out.say(_FIELDS[name]) if name in _FIELDS else name
            if isinstance(value, str | int | float | bool):
                out.line(f"{indent}{label}: {_show_value(out, name, value)}")
            else:
                out.line(f"{indent}{label}:")
                _show_mapping(out, indent + "  ", value, name)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, dict | list):
                out.line(f"{indent}-")
                _show_mapping(out, indent + "  ", value)
            else:
                out.line(f"{indent}- {_show_value(out, key, value)}")
    else:
        out.line(f"{indent}{_show_value(out, key, data)}")


def _show_value(out: Output, key: str | None, value: Any) -> str:
    """A value as ``show`` prints it: yes/no, a vocabulary code by its label, else as it is."""
    if isinstance(value, bool):
        return out.say(N_("yes")) if value else out.say(N_("no"))
    if isinstance(value, str) and key in _VALUE_VOCABULARY:
        for vocabulary in _VALUE_VOCABULARY[key]:
            label = out.term(vocabulary, value)
            if label != value or value in ob.VOCABULARIES[vocabulary]:
                return label
    return str(value)


# -- export --------------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace, out: Output) -> int:
    """Export every loaded pack with one exporter."""
    host = ob.get_plugin_manager()
    exporters = host.exporters()
    if not args.list and not args.exporter and out.json:  # one JSON document: the mistake
        out.error(out.say(N_("give --to NAME and --out PATH to export")), code="usage")
        return EXIT_USAGE
    if args.list or not args.exporter:
        if host.problems and not out.json:  # a broken plugin is named, and the list goes on
            out.problems(host.problems)
        if out.json:
            out.data(
                {
                    "exporters": [
                        {
                            "name": name,
                            "plugin": info.name,
                            "media_type": e.media_type,
                            "extension": e.extension,
                            "kinds": sorted(e.kinds),
                            "description": e.description,
                        }
                        for name, (info, e) in exporters.items()
                    ]
                }
            )
        else:
            for name, (info, exporter) in exporters.items():
                description = out.say.gettext(exporter.description)  # a msgid of the catalogue, or as given
                out.line(f"{name:<10} {exporter.media_type:<24} {description}  [{info.name}]")
        if not args.list:
            out.error(out.say(N_("give --to NAME and --out PATH to export")), code="usage")
            return EXIT_USAGE
        return EXIT_OK
    if args.exporter not in exporters:
        from ouderbetrokkenheid.cli.mistakes import unknown

        raise unknown("unknown-exporter", "--to", args.exporter, {name: name for name in exporters})
    if not args.out:
        out.error(out.say(N_("give --out PATH")), code="usage")
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        out.error(out.say(N_("give --workers a whole number of processes, 1 or more")), code="usage")
        return EXIT_USAGE
    home_languages = []  # --home-languages ar,tr: each checked, in its standard form, in the user's words
    for tag in filter(None, (part.strip() for part in (args.home_languages or "").split(","))):
        from ouderbetrokkenheid.i18n import NOT_A_LANGUAGE_TAG, LanguageTagError, checked_language

        try:
            standard = checked_language(tag)[0]
        except LanguageTagError:
            out.error(out.say(NOT_A_LANGUAGE_TAG, tag=tag), code="language-tag")
            return EXIT_USAGE
        if not _page_language(standard):
            out.error(out.say(_NOT_A_PAGE_LANGUAGE, tag=tag), code="language-tag")
            return EXIT_USAGE
        home_languages.append(standard)
    if args.exporter == "html" and out.lang and not _page_language(out.lang):  # --lang de-1996: said here
        out.error(out.say(_NOT_A_PAGE_LANGUAGE, tag=out.lang), code="language-tag")
        return EXIT_USAGE
    library = ob.Library.discover(args.path, host=host)
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    require_given(library, args.path, out)
    filters = _filters(args)
    if filters:
        keep = {r.id for r in ob.Catalog(library).filter(filters)}
        packs = set(filters.pack)

        def wanted(record: Any) -> bool:
            if isinstance(record, ob.Resource):
                return record.id in keep
            return not packs or record.id.split("/", 1)[0] in packs  # --pack applies to every kind

        library = library.filtered(wanted)
    info, exporter = exporters[args.exporter]
    options: dict[str, Any] = {"lang": out.lang}
    if args.assessment:
        options["assessment"] = args.assessment
    if args.templates:
        options["templates"] = args.templates
    if args.workers is not None:
        options["workers"] = args.workers
    if home_languages:
        options["languages"] = home_languages
    if not args.quiet and not out.json and sys.stderr.isatty():
        options["progress"] = _progress
    exported = sum(len(getattr(pack, kind, ())) for pack in library.packs for kind in exporter.kinds)
    try:
        exporter.export(library, Path(args.out), options)
    except (ob.OuderbetrokkenheidError, OSError):
        raise
    except (Exception, SystemExit) as exc:  # a plugin's bug is reported as the plugin's, not ours
        out.error(
            out.say(
                N_("exporter '{name}' of {plugin} failed: {error}; nothing was written"),
                name=args.exporter,
                plugin=info.label,
                error=f"{type(exc).__name__}: {exc}",
            )
        )
        return EXIT_INVALID
    finally:
        if "progress" in options:
            print(file=sys.stderr)
    if out.json:
        out.data({"exporter": args.exporter, "out": args.out, "records": exported})
    else:
        kinds = ", ".join(out.say(_KINDS.get(kind, kind)) for kind in sorted(exporter.kinds))
        out.line(
            out.say.ngettext(
                "exported {n} record ({kinds}) with '{name}' to {out}",
                "exported {n} records ({kinds}) with '{name}' to {out}",
                exported,
            ).format(n=exported, kinds=kinds, name=args.exporter, out=args.out)
        )
    return EXIT_OK


#: Language subtags that name no language: undetermined, no linguistic content, uncoded, several.
_NO_LANGUAGE = frozenset({"und", "zxx", "mis", "mul"})

_NOT_A_PAGE_LANGUAGE = N_(
    "'{tag}' cannot be the language of the site's pages: give a language, with its script or region if "
    "needed, such as ar, tr, pt-BR or sr-Latn"
)


def _page_language(tag: str | None) -> bool:
    """Whether the site's pages can be in *tag* (a checked BCP 47 tag): a language, with a script or a
    region (``ll[-Scrp][-RR]``), not a variant or an extension (``de-1996``), nor ``und`` or ``zxx``."""
    return tag is not None and ob.is_language_tag(tag) and tag.split("-")[0] not in _NO_LANGUAGE


def _progress(done: int, total: int) -> None:
    print(f"\r  {done}/{total}", end="", file=sys.stderr, flush=True)


def _filters(args: argparse.Namespace) -> "ob.Filters":
    return ob.Filters.of(**{name: getattr(args, name) for name in ob.FACETS}, free=args.free)


# -- search, frameworks, crosswalk ---------------------------------------------------------------
def cmd_search(args: argparse.Namespace, out: Output) -> int:
    """Ranked full-text search with filters and facets; the index is kept in the user's cache
    folder while the installed packs are unchanged (``--no-cache``: build it anew)."""
    catalog = ob.Catalog.open(args.path, cache=not args.no_cache)
    try:
        results = catalog.find(
            args.query, lang=out.lang, limit=args.limit, filters=_filters(args), facets=args.facets
        )
    except ob.UnknownFilterError as exc:
        if exc.facet != "concept":
            raise
        from ouderbetrokkenheid.cli.mistakes import concept_candidates, unknown

        # concepts by their labels in every language too (Learning at home, Leren thuis)
        raise unknown("unknown-value", "--concept", exc.value, concept_candidates(catalog.library)) from None
    if catalog.problems and not out.json:
        out.problems(catalog.problems)
    facets = results.facets if args.facets else None
    if out.json:
        out.data(
            {
                "query": args.query,
                "lang": out.lang,
                "total": results.total,
                "unmatched": list(results.unmatched),
                "results": [
                    {
                        "id": hit.id,
                        "type": hit.type,
                        "kind": hit.kind,
                        "pack": hit.pack,
                        "score": hit.score,
                        "matched": list(hit.matched),
                        "title": hit.title_in(out.lang),
                        "same_as": [{"id": other, "pack": pack} for other, pack in hit.same_as],
                    }
                    for hit in results.hits
                ],
                **({"facets": facets} if facets is not None else {}),
            }
        )
        return EXIT_OK
    if results.unmatched:
        out.line(out.say(N_("no record has: {words}"), words=", ".join(results.unmatched)))
    if not results.hits:
        out.line(out.say(N_("no results")))
        return EXIT_OK
    for hit in results.hits:
        out.line(_short(hit.title_in(out.lang)))
        packs = ", ".join([hit.pack, *(pack for _, pack in hit.same_as)])
        kind = out.say(_KINDS[hit.kind]) if hit.kind in _KINDS else out.term("kind", hit.kind or hit.type)
        line = f"    {hit.id}  [{kind}]  " + out.say(N_("score {score}"), score=f"{hit.score:g}")
        if hit.same_as:
            line += "  " + out.say(
                N_("(also in {ids}; packs {packs})"),
                ids=", ".join(other for other, _ in hit.same_as),
                packs=packs,
            )
        out.line(line)
    if results.total > len(results.hits):
        out.line(
            out.say(
                N_("{shown} of {total} results (--limit to see more)"),
                shown=len(results.hits),
                total=results.total,
            )
        )
    if facets is not None:
        for name, counts in facets.items():
            if counts:
                out.line(
                    f"{out.say(_FACETS.get(name, name))}: "
                    + ", ".join(f"{out.term(name, value)} ({n})" for value, n in counts.items())
                )
    return EXIT_OK


#: The kinds of records, as the catalogue and the search name them.
_KINDS = {
    "frameworks": N_("frameworks"),
    "resources": N_("resources"),
    "findings": N_("research findings"),
    "assessments": N_("assessments"),
    "mappings": N_("mappings"),
    "framework": N_("framework"),
    "resource": N_("resource"),
    "finding": N_("research finding"),
    "assessment": N_("assessment"),
}


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:87] + "..."


def cmd_frameworks(args: argparse.Namespace, out: Output) -> int:
    """Each framework as a tree; collections say whether they are ordered."""
    library = _library(args.path, out)
    frameworks = (
        [get_record(library, i, kind=ob.Framework) for i in args.ids]
        if args.ids
        else list(library.frameworks())
    )
    if out.json:
        out.data({"frameworks": [ob.unstructure(f) for f in frameworks]})
        return EXIT_OK
    for framework in frameworks:
        default = library.pack_of(framework.id).manifest.default_language
        status = out.term("status", framework.content_status)
        out.line(f"{out.text(framework.title, default)}  ({framework.id}, {status})")
        labels = {c.id: out.text(c.label, default) for c in framework.concepts}

        def tree(
            parent: str | None, depth: int, fw: ob.Framework = framework, lab: dict[str, str] = labels
        ) -> None:
            for concept in fw.concepts:
                if concept.broader == parent:
                    notation = f"{concept.notation}. " if concept.notation else ""
                    out.line(f"{'  ' * depth}- {notation}{lab[concept.id]}  [{concept.id.split('#', 1)[1]}]")
                    tree(concept.id, depth + 1)

        tree(None, 1)
        for collection in framework.collections:
            order = out.word("ordered") if collection.ordered else out.word("unordered")
            out.line(f"  {out.text(collection.label, default)} ({order}):")
            for index, member in enumerate(collection.members, 1):
                bullet = f"{index}." if collection.ordered else "-"
                out.line(f"    {bullet} {labels.get(member, member)}")
            if collection.expected_members and len(collection.members) < collection.expected_members:
                out.line(
                    "    "
                    + out.word(
                        "not-known",
                        missing=collection.expected_members - len(collection.members),
                        total=collection.expected_members,
                    )
                )
        if framework.known_gaps is not None:
            out.line(f"  {out.word('unknown')}: {out.text(framework.known_gaps, default)}")
        out.line()
    return EXIT_OK


def cmd_crosswalk(args: argparse.Namespace, out: Output) -> int:
    """The mappings between the concepts of two frameworks, in either direction."""
    library = _library(args.path, out)
    for option, identifier in (("A", args.first), ("B", args.second)):
        get_record(library, identifier, option=option, kind=ob.Framework)
    rows = []
    for mapping in library.mappings():
        ends = (mapping.subject.split("#", 1)[0], mapping.object.split("#", 1)[0])
        if set(ends) == {args.first, args.second}:
            rows.append(mapping)
    if out.json:
        out.data({"first": args.first, "second": args.second, "mappings": [ob.unstructure(m) for m in rows]})
        return EXIT_OK

    def label(concept_id: str) -> str:
        framework, concept = library.concept(concept_id)
        return out.text(concept.label, library.pack_of(framework.id).manifest.default_language)

    count = out.say.ngettext("{n} mapping", "{n} mappings", len(rows)).format(n=len(rows))
    out.line(f"{args.first} <-> {args.second}: {count}")
    for mapping in rows:
        predicate = out.term("predicate", mapping.predicate)
        out.line(
            f"  {label(mapping.subject)}  --{predicate} ({mapping.confidence:g})-->  {label(mapping.object)}"
        )
        status = out.term("verification", mapping.provenance.status)
        out.line(f"      {out.text(mapping.justification)}  [{mapping.author.name}, {status}]")
    return EXIT_OK


def cmd_new_pack(args: argparse.Namespace, out: Output) -> int:
    """Scaffold an installable pack."""
    root = ob.scaffold_pack(args.name, args.dir, publisher=args.publisher)
    if out.json:
        out.data({"created": str(root)})
    else:
        out.line(out.say(N_("created {folder}"), folder=root))
        out.line(out.say(N_("next: {commands}"), commands=f"cd {root} && pip install -e '.[test]' && pytest"))
    return EXIT_OK


# -- mistakes ------------------------------------------------------------------------------------
#: The option that takes each filter's values.
_OPTION = {
    name: f"--{name}"
    for name in ("kind", "theme", "audience", "level", "language", "publisher", "access", "pack", "concept")
}


def filter_mistake(error: "ob.UnknownFilterError") -> "UnknownValueError":
    """An unknown filter value as a mistake of its option: close values over the codes and the labels
    in every language (:func:`ouderbetrokkenheid.catalog.filters.label_map`), and every value."""
    from ouderbetrokkenheid.catalog.filters import label_map
    from ouderbetrokkenheid.cli.mistakes import suggest
    from ouderbetrokkenheid.errors import UnknownValueError

    candidates = {code: code for code in error.choices} | label_map(error.facet)
    suggestions = suggest(error.value, candidates)
    return UnknownValueError(
        code="unknown-pack" if error.facet == "pack" else "unknown-value",
        option=_OPTION.get(error.facet, error.facet),
        value=error.value,
        suggestions=suggestions,
        choices=error.choices,
    )


def id_mistake(error: "ob.UnknownIdError", args: argparse.Namespace) -> "UnknownValueError":
    """An unknown id the library reported, as a mistake (the library's close ids as suggestions)."""
    from ouderbetrokkenheid.errors import UnknownValueError

    code = {"concept": "unknown-concept", "pack": "unknown-pack"}.get(error.kind, "unknown-id")
    option = "--pack" if error.kind == "pack" else "ID"
    return UnknownValueError(code=code, option=option, value=error.key, suggestions=error.suggestions)
