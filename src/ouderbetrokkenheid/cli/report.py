"""The ``report`` and ``paper-form`` commands: a result as a Markdown or HTML report, and an
assessment as a printable paper form for one respondent group.

``report ID RESULT.json --to markdown|html --out FILE`` reads a result (JSON or YAML), checks it
against ``result.schema.json`` and against the assessment *ID* (its version, groups, dimensions, bands
and items), and writes the report atomically. ``paper-form ID --group G --out FILE`` writes the form.
"""

from __future__ import annotations

import argparse

from ouderbetrokkenheid.cli import N_

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.cli.commands import Output
    from ouderbetrokkenheid.errors import Problem
    from ouderbetrokkenheid.loading.documents import Document
    from ouderbetrokkenheid.model import Assessment, Result

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

#: Report formats, by ``--to`` name, with the file suffixes that imply them.
FORMATS: dict[str, tuple[str, ...]] = {"markdown": (".md", ".markdown"), "html": (".html", ".htm")}


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``report`` and ``paper-form`` commands to *commands* (the sub-parsers)."""
    sub = commands.add_parser(
        "report",
        parents=[common],
        help=N_("write a result as a Markdown or HTML report"),
        description=N_(
            "Write the report on a scored result (JSON, valid against result.schema.json) of assessment ID: "
            "Markdown, or one self-contained HTML page with charts that prints well. Groups with fewer "
            "respondents than the minimum are named, never shown."
        ),
    )
    sub.add_argument("id", metavar="ID", help=N_("the assessment id (voorbeeld/mini-scan)"))
    sub.add_argument("result", metavar="RESULT", help=N_("the result file (.json, or .yaml)"))
    sub.add_argument(
        "--to",
        dest="report_format",
        choices=tuple(FORMATS),
        help=N_("markdown or html (default: from the --out suffix, .md or .html)"),
    )
    sub.add_argument(
        "--out", required=True, metavar="FILE", help=N_("the file to write (replaced atomically)")
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(handler=run)

    sub = commands.add_parser(
        "paper-form",
        parents=[common],
        help=N_("write a printable paper form of an assessment for one respondent group"),
        description=N_(
            "Write one respondent group's questionnaire as a printable HTML page, in --lang (labels missing "
            "in that language fall back and are marked)."
        ),
    )
    sub.add_argument("id", metavar="ID", help=N_("the assessment id (voorbeeld/mini-scan)"))
    sub.add_argument("--group", required=True, metavar="GROUP", help=N_("the respondent group id (parents)"))
    sub.add_argument(
        "--out", required=True, metavar="FILE", help=N_("the file to write (replaced atomically)")
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(handler=run)


def run(args: argparse.Namespace, out: Output) -> int:
    """Run ``report`` or ``paper-form`` (after :func:`add_parser`)."""
    from ouderbetrokkenheid.errors import ProblemError, UnknownValueError

    try:
        if args.command == "paper-form":
            return _paper_form(args, out)
        return _report(args, out)
    except ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    except UnknownValueError as exc:
        out.mistake(exc)
        return EXIT_USAGE


def _assessment(args: argparse.Namespace, out: Output) -> tuple[Library, Assessment]:
    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.cli.commands import require_given
    from ouderbetrokkenheid.model import Assessment

    library = Library.discover(args.path)
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    require_given(library, args.path, out)
    from ouderbetrokkenheid.cli.mistakes import get_record

    record = get_record(library, args.id, kind=Assessment)
    assert isinstance(record, Assessment)
    return library, record


def _language(args: argparse.Namespace, out: Output, library: Library) -> tuple[str, str]:
    """The asked language (or the pack's default) and the pack's default language."""
    default = library.pack_of(args.id).manifest.default_language
    return (out.lang or default), default


def _report(args: argparse.Namespace, out: Output) -> int:
    from pathlib import Path

    from ouderbetrokkenheid.exporters.base import atomic_file

    kind = args.report_format or next(
        (name for name, suffixes in FORMATS.items() if Path(args.out).suffix.lower() in suffixes), None
    )
    if kind is None:
        out.error(
            out.say(N_("give --to markdown or --to html (or an --out file ending in .md or .html)")),
            code="usage",
        )
        return EXIT_USAGE
    library, assessment = _assessment(args, out)
    result = read_result(Path(args.result), assessment, library=library)
    lang, default = _language(args, out, library)
    if kind == "html":
        from ouderbetrokkenheid.reports.html import render_html

        text = render_html(result, assessment, lang=lang, library=library, default=default)
    else:
        from ouderbetrokkenheid.reports.markdown import render_markdown

        text = render_markdown(result, assessment, lang=lang, library=library, default=default)
    with atomic_file(Path(args.out)) as handle:
        handle.write(text.encode("utf-8"))
    if out.json:
        out.data({"report": kind, "assessment": assessment.id, "lang": lang, "out": args.out})
    else:
        out.line(
            out.say(
                N_("wrote the {format} report on {id} ({lang}) to {file}"),
                format=kind,
                id=assessment.id,
                lang=lang,
                file=args.out,
            )
        )
    return EXIT_OK


def _paper_form(args: argparse.Namespace, out: Output) -> int:
    from pathlib import Path

    from ouderbetrokkenheid.exporters.base import atomic_file
    from ouderbetrokkenheid.reports.paper import correction_address, group_items, render_paper_form

    library, assessment = _assessment(args, out)
    if args.group not in {group.id for group in assessment.groups}:
        from ouderbetrokkenheid.cli.mistakes import unknown
        from ouderbetrokkenheid.cli.score import _groups

        raise unknown("unknown-group", "--group", args.group, _groups(assessment))
    lang, default = _language(args, out, library)
    text = render_paper_form(
        assessment,
        args.group,
        lang=lang,
        default=default,
        correction_url=correction_address(library.pack_of(args.id).manifest),
    )
    if not group_items(assessment, args.group):
        out.error(
            out.say(
                N_(
                    "assessment '{id}' has no items for group '{group}' ({status}); there is no form to print"
                ),
                id=assessment.id,
                group=args.group,
                status=out.term("status", assessment.content_status),
            ),
            code="no-items",
        )
        return EXIT_INVALID
    with atomic_file(Path(args.out)) as handle:
        handle.write(text.encode("utf-8"))
    if out.json:
        out.data({"form": assessment.id, "group": args.group, "lang": lang, "out": args.out})
    else:
        out.line(
            out.say(
                N_("wrote the paper form of {id} for {group} ({lang}) to {file}"),
                id=assessment.id,
                group=args.group,
                lang=lang,
                file=args.out,
            )
        )
    return EXIT_OK


def read_result(path: Path, assessment: Assessment, *, library: Library | None = None) -> Result:
    """Read a result file, check it against the schema and against *assessment* (and, given a
    *library*, that every recommended record exists), and structure it. Raise
    :class:`~ouderbetrokkenheid.ProblemError` with every problem found (located in the file)."""
    from ouderbetrokkenheid.converter import structure
    from ouderbetrokkenheid.errors import ProblemError
    from ouderbetrokkenheid.loading.documents import read_document
    from ouderbetrokkenheid.model import Result
    from ouderbetrokkenheid.validation.schema_check import schema_problems

    document = read_document(path)
    problems = schema_problems(document, "result")  # python-jsonschema: schema.validator("result")
    if problems:
        raise ProblemError(problems)
    problems = result_problems(document, assessment, library=library)
    if problems:
        raise ProblemError(problems)
    return structure(document.data, Result)


def result_problems(
    document: Document, assessment: Assessment, *, library: Library | None = None
) -> list[Problem]:
    """What in a schema-valid result does not fit *assessment*: another assessment or version;
    groups, dimensions, bands or items it does not have; a band that is not the one of its score;
    a group below the minimum size that is not suppressed (or a suppressed one with scores or
    gaps); and, given a *library*, recommended records that do not exist."""
    import difflib

    from ouderbetrokkenheid.errors import Phrase

    data = document.data
    hint = N_("Score the responses again against this assessment, or give the assessment the result is for.")
    if data["assessment"] != assessment.id:
        message = Phrase(
            N_("the result is for assessment '{given}', not '{assessment}'"),
            given=data["assessment"],
            assessment=assessment.id,
        )
        return [document.problem("unknown-reference", message, pointer="/assessment", hint=hint)]
    problems = []
    if assessment.version is not None and data["version"] != assessment.version:
        message = Phrase(
            N_(
                "the result is for version '{given}' of {assessment}; the loaded assessment is version '{version}'"
            ),
            given=data["version"],
            assessment=assessment.id,
            version=assessment.version,
        )
        problems.append(document.problem("unknown-reference", message, pointer="/version", hint=hint))
    known = {
        "group": {g.id for g in assessment.groups},
        "dimension": {d.id for d in assessment.dimensions},
        "band": {b.id for b in assessment.bands},
        "item": {i.link_id for i in assessment.items()},
    }

    unknown = {
        "group": N_("assessment {assessment} has no group '{value}'"),
        "dimension": N_("assessment {assessment} has no dimension '{value}'"),
        "band": N_("assessment {assessment} has no band '{value}'"),
        "item": N_("assessment {assessment} has no item '{value}'"),
    }

    def check(kind: str, value: str, pointer: str) -> None:
        if value not in known[kind]:
            close = difflib.get_close_matches(value, sorted(known[kind]), n=1)
            listed = ", ".join(sorted(known[kind])) or Phrase(N_("none"))
            problems.append(
                document.problem(
                    "unknown-reference",
                    Phrase(unknown[kind], assessment=assessment.id, value=value),
                    pointer=pointer,
                    hint=Phrase(N_("Did you mean '{close}'? Known: {known}."), close=close[0], known=listed)
                    if close
                    else Phrase(N_("Known: {known}."), known=listed),
                )
            )

    def mismatch(message: str, pointer: str, advice: str = hint) -> None:
        problems.append(document.problem("result-mismatch", message, pointer=pointer, hint=advice))

    from ouderbetrokkenheid.scoring.score import band_for

    bands = sorted(assessment.bands, key=lambda b: b.min)
    minimum = data["min_group_size"]  # `score --min-group-size` may set another than the assessment's
    suppressed = set()
    seen_groups: set[str] = set()
    for g, group in enumerate(data.get("groups", [])):
        check("group", group["group"], f"/groups/{g}/group")
        if group["group"] in seen_groups:
            mismatch(
                Phrase(N_("group '{group}' is in the result twice"), group=group["group"]),
                f"/groups/{g}/group",
            )
        seen_groups.add(group["group"])
        dimensions = [score["dimension"] for score in group.get("dimensions", [])]
        for d, dimension in enumerate(dimensions):
            if dimension in dimensions[:d]:
                mismatch(
                    Phrase(
                        N_("dimension '{dimension}' of group '{group}' is in the result twice"),
                        dimension=dimension,
                        group=group["group"],
                    ),
                    f"/groups/{g}/dimensions/{d}/dimension",
                )
        if group["suppressed"]:
            suppressed.add(group["group"])
            if group.get("dimensions"):
                mismatch(
                    Phrase(
                        N_("group '{group}' is suppressed but the result holds its scores"),
                        group=group["group"],
                    ),
                    f"/groups/{g}/dimensions",
                    N_("A suppressed group has no scores: score the responses again."),
                )
        elif group["respondents"] < minimum:
            mismatch(
                Phrase(
                    N_(
                        "group '{group}' has {n} respondents, fewer than the minimum of {minimum}, and is not suppressed"
                    ),
                    group=group["group"],
                    n=group["respondents"],
                    minimum=minimum,
                ),
                f"/groups/{g}/suppressed",
                N_("Groups below the minimum size are never shown: score the responses again."),
            )
        for d, score in enumerate(group.get("dimensions", [])):
            check("dimension", score["dimension"], f"/groups/{g}/dimensions/{d}/dimension")
            if "band" in score:
                at = f"/groups/{g}/dimensions/{d}/band"
                check("band", score["band"], at)
                expected = band_for(bands, score["score"]) if "score" in score else None
                if score["band"] in known["band"] and (expected is None or expected.id != score["band"]):
                    if "score" not in score:
                        message = Phrase(N_("band '{band}' is given without a score"), band=score["band"])
                    elif expected is None:
                        message = Phrase(N_("band '{band}' does not fit the score given"), band=score["band"])
                    else:
                        message = Phrase(
                            N_("band '{band}' does not fit the score {score} (its band is '{expected}')"),
                            band=score["band"],
                            score=f"{score['score']:g}",
                            expected=expected.id,
                        )
                    mismatch(message, at)
    for n, gap in enumerate(data.get("gaps", [])):
        check("dimension", gap["dimension"], f"/gaps/{n}/dimension")
        check("group", gap["first"], f"/gaps/{n}/first")
        check("group", gap["second"], f"/gaps/{n}/second")
        for side in ("first", "second"):
            if gap[side] in suppressed:
                mismatch(
                    Phrase(N_("a gap compares suppressed group '{group}'"), group=gap[side]),
                    f"/gaps/{n}/{side}",
                    N_("Suppressed groups are never compared: score the responses again."),
                )
        for i, item in enumerate(gap.get("items", [])):
            check("item", item["link_id"], f"/gaps/{n}/items/{i}/link_id")
    for dimension, identifiers in data.get("recommendations", {}).items():
        check("dimension", dimension, f"/recommendations/{dimension}")
        for r, identifier in enumerate(identifiers):
            if library is not None and identifier not in library:
                mismatch(
                    Phrase(N_("recommended record '{id}' does not exist in the loaded packs"), id=identifier),
                    f"/recommendations/{dimension}/{r}",
                    N_(
                        "Score the responses again with the packs installed here, or install the pack it is in."
                    ),
                )
    return problems
