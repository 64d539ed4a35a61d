"""``ouderbetrokkenheid score ID RESPONSES...``: scores per respondent group and dimension, the
perception gaps between groups, and resources for the dimensions that need work."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

EXIT_OK = 0
EXIT_USAGE = 2
#: ``ouderbetrokkenheid.responses.FORMATS``, written out so that building the parser imports nothing.
INPUT_FORMATS = ("csv", "json", "kobo", "odk")


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``score`` command to the *commands* subparsers."""
    sub = commands.add_parser(
        "score",
        parents=[common],
        help="score responses (CSV, JSON, KoboToolbox/ODK): per group and dimension, gaps, recommendations",
        description=(
            "Read response files, check every answer against the assessment and its version, and score"
            " them per respondent group and dimension. Groups smaller than the minimum group size are"
            " not reported. Dimensions that need work get resources from every loaded pack."
        ),
        epilog="Exit codes: 0 scored, 1 the responses have problems (all are listed), 2 usage error.",
    )
    sub.add_argument("id", metavar="ID", help="the assessment id (voorbeeld/mini-scan)")
    sub.add_argument("responses", nargs="+", metavar="RESPONSES", help="response files (.csv, .json)")
    sub.add_argument(
        "--min-group-size",
        type=int,
        metavar="N",
        help="groups with fewer respondents are not reported (default: the assessment's, usually 5)",
    )
    sub.add_argument("--group", metavar="G", help="the respondent group of rows that name none")
    sub.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        metavar="FORMAT",
        help=f"the files' format: {', '.join(INPUT_FORMATS)} (default: told from each file)",
    )
    sub.add_argument("--limit", type=int, default=5, metavar="N", help="resources per dimension (default 5)")
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help="extra pack folder (repeatable)"
    )
    sub.set_defaults(handler=run)


def run(args: argparse.Namespace, out: Any) -> int:
    """Run ``score``."""
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.responses import read_many
    from ouderbetrokkenheid.scoring import recommend, score

    if args.min_group_size is not None and not 1 <= args.min_group_size <= 1000:
        out.error("--min-group-size must be 1 to 1000")
        return EXIT_USAGE
    if args.limit < 1:
        out.error("--limit must be at least 1")
        return EXIT_USAGE
    library = ob.Library.discover(list(args.path))
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    from ouderbetrokkenheid.cli.commands import require_given

    require_given(library, args.path, out)
    assessment = library.get(args.id)
    if not isinstance(assessment, ob.Assessment):
        out.error(f"{args.id} is a {type(assessment).__name__.lower()}, not an assessment")
        return EXIT_USAGE
    if assessment.version is None or not assessment.items():
        out.error(f"{args.id} has no items (its content is {assessment.content_status}): it cannot be scored")
        return EXIT_USAGE
    responses = read_many(args.responses, assessment, group=args.group, format=args.input_format)
    result = score(assessment, responses, min_group_size=args.min_group_size)
    result = recommend(result, assessment, library, limit=args.limit)
    if out.json:
        data = ob.unstructure(result)
        if not ob.schema.fast_validator("result").is_valid(data):  # pragma: no cover - a bug if it happens
            errors = [e.message for e in ob.schema.validator("result").iter_errors(data)]
            raise AssertionError(f"the result does not validate against result.schema.json: {errors}")
        out.data(data)
        return EXIT_OK
    _print(result, assessment, library, out, len(responses))
    return EXIT_OK


def _print(result: Any, assessment: Any, library: Any, out: Any, total: int) -> None:
    default = library.pack_of(assessment.id).manifest.default_language

    def text(value: Any, lang_default: str | None = default) -> str:
        return str(out.text(value, lang_default))

    dimensions = {d.id: d for d in assessment.dimensions}
    groups = {g.id: g for g in assessment.groups}
    bands = {b.id: b for b in assessment.bands}
    out.line(f"{text(assessment.title)}  ({assessment.id} {assessment.version})")
    out.line(f"{total} respondent(s); groups with fewer than {result.min_group_size} are not reported.")
    names = [text(dimensions[d.id].label) for d in assessment.dimensions]
    width = max([len("dimension"), *map(len, names)])
    for group in result.groups:
        out.line()
        label = f"{text(groups[group.group].label)} ({group.group}): {group.respondents} respondent(s)"
        if group.suppressed:
            out.line(f"{label} — not reported (fewer than {result.min_group_size})")
            continue
        out.line(label)
        out.line(f"  {'dimension':<{width}}  answers    mean   score  band")
        for score in group.dimensions:
            name = text(dimensions[score.dimension].label)
            if score.score is None:
                out.line(f"  {name:<{width}}  {score.answers:>7}       -       -  -")
                continue
            band = bands.get(score.band) if score.band else None
            out.line(
                f"  {name:<{width}}  {score.answers:>7}  {score.mean:>6.2f}  {score.score:>6.1f}  "
                + (text(band.label) if band else "-")
            )
            if band is not None and band.interpretation is not None:
                out.line(f"  {'':<{width}}  {text(band.interpretation)}")
    if result.gaps:
        out.line()
        out.line("Perception gaps (score of the first group minus the second, 0-100 points)")
        for gap in result.gaps:
            items = ", ".join(f"{item.link_id} {item.difference:+.1f}" for item in gap.items)
            out.line(
                f"  {text(dimensions[gap.dimension].label):<{width}}  {gap.first} - {gap.second}"
                f"  {gap.difference:+6.1f}" + (f"   items: {items}" if items else "")
            )
    if result.recommendations:
        out.line()
        out.line("Recommendations for the dimensions that need work")
        for dimension, resources in result.recommendations.items():
            out.line(f"  {text(dimensions[dimension].label)}")
            if not resources:
                out.line("    (no resource of the loaded packs is tied to this dimension)")
            for resource_id in resources:
                resource = library.get(resource_id)
                own = library.pack_of(resource_id).manifest.default_language
                out.line(f"    {resource_id}  {text(resource.title, own)}")
