"""``ouderbetrokkenheid score ID RESPONSES...``: scores per respondent group and dimension, the
perception gaps between groups, and resources for the dimensions that need work."""

from __future__ import annotations

import argparse

from ouderbetrokkenheid.cli import N_

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
        help=N_(
            "score responses (CSV, JSON, KoboToolbox/ODK): per group and dimension, gaps, recommendations"
        ),
        description=N_(
            "Read response files, check every answer against the assessment and its version, and score"
            " them per respondent group and dimension. Groups smaller than the minimum group size are"
            " not reported. Dimensions that need work get resources from every loaded pack."
        ),
        epilog=N_("Exit codes: 0 scored, 1 the responses have problems (all are listed), 2 usage error."),
    )
    sub.add_argument("id", metavar="ID", help=N_("the assessment id (voorbeeld/mini-scan)"))
    sub.add_argument("responses", nargs="+", metavar="RESPONSES", help=N_("response files (.csv, .json)"))
    sub.add_argument(
        "--min-group-size",
        type=int,
        metavar="N",
        help=N_("groups with fewer respondents are not reported (default: the assessment's, usually 5)"),
    )
    sub.add_argument("--group", metavar="G", help=N_("the respondent group of rows that name none"))
    sub.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        metavar="FORMAT",
        help=N_("the files' format: csv, json, kobo, odk (default: told from each file)"),
    )
    sub.add_argument(
        "--limit", type=int, default=5, metavar="N", help=N_("resources per dimension (default 5)")
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(handler=run)


def run(args: argparse.Namespace, out: Any) -> int:
    """Run ``score``."""
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.responses import read_many
    from ouderbetrokkenheid.scoring import recommend, score

    if args.min_group_size is not None and not 1 <= args.min_group_size <= 1000:
        out.error(out.say(N_("--min-group-size must be 1 to 1000")), code="usage")
        return EXIT_USAGE
    if args.limit < 1:
        out.error(out.say(N_("--limit must be at least 1")), code="usage")
        return EXIT_USAGE
    library = ob.Library.discover(list(args.path))
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    from ouderbetrokkenheid.cli.commands import require_given
    from ouderbetrokkenheid.cli.mistakes import get_record, unknown

    require_given(library, args.path, out)
    assessment = get_record(library, args.id, kind=ob.Assessment)
    if assessment.version is None or not assessment.items():
        out.error(
            out.say(
                N_("{id} has no items (its content is {status}): it cannot be scored"),
                id=args.id,
                status=out.term("status", assessment.content_status),
            ),
            code="no-items",
        )
        return EXIT_USAGE
    if args.group is not None and args.group not in {g.id for g in assessment.groups}:
        raise unknown("unknown-group", "--group", args.group, _groups(assessment))
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


def _groups(assessment: Any) -> dict[str, str]:
    """The respondent groups of *assessment*: ids and labels in every language -> id."""
    out = {group.id: group.id for group in assessment.groups}
    for group in assessment.groups:
        for _, text in group.label.items():
            out.setdefault(text, group.id)
    return out


def _print(result: Any, assessment: Any, library: Any, out: Any, total: int) -> None:
    from ouderbetrokkenheid.i18n import NP_

    say = out.say
    default = library.pack_of(assessment.id).manifest.default_language

    def text(value: Any, lang_default: str | None = default) -> str:
        return str(out.text(value, lang_default))

    dimensions = {d.id: d for d in assessment.dimensions}
    groups = {g.id: g for g in assessment.groups}
    bands = {b.id: b for b in assessment.bands}
    out.line(f"{text(assessment.title)}  ({assessment.id} {assessment.version})")
    out.line(
        say.ngettext("{n} respondent", "{n} respondents", total).format(n=total)
        + "; "
        + say(N_("groups with fewer than {n} are not reported."), n=result.min_group_size)
    )
    names = [text(dimensions[d.id].label) for d in assessment.dimensions]
    heads = [say(N_("dimension")), say(N_("answers")), say(N_("mean")), say(N_("score")), say(N_("band"))]
    width = max([len(heads[0]), *map(len, names)])
    cols = [max(7, len(heads[1])), max(6, len(heads[2])), max(6, len(heads[3]))]
    for group in result.groups:
        out.line()
        count = say.ngettext("{n} respondent", "{n} respondents", group.respondents).format(
            n=group.respondents
        )
        label = f"{text(groups[group.group].label)} ({group.group}): {count}"
        if group.suppressed:
            out.line(f"{label} — " + say(N_("not reported (fewer than {n})"), n=result.min_group_size))
            continue
        out.line(label)
        out.line(
            f"  {heads[0]:<{width}}  {heads[1]:>{cols[0]}}  {heads[2]:>{cols[1]}}  {heads[3]:>{cols[2]}}  {heads[4]}"
        )
        for score in group.dimensions:
            name = text(dimensions[score.dimension].label)
            if score.score is None:
                out.line(
                    f"  {name:<{width}}  {score.answers:>{cols[0]}}  {'-':>{cols[1]}}  {'-':>{cols[2]}}  -"
                )
                continue
            band = bands.get(score.band) if score.band else None
            out.line(
                f"  {name:<{width}}  {score.answers:>{cols[0]}}  {score.mean:>{cols[1]}.2f}  {score.score:>{cols[2]}.1f}  "
                + (text(band.label) if band else "-")
            )
            if band is not None and band.interpretation is not None:
                out.line(f"  {'':<{width}}  {text(band.interpretation)}")
    items_word = say(NP_("questions of an assessment", "items"))
    if result.gaps:
        out.line()
        out.line(say(N_("Perception gaps (score of the first group minus the second, 0-100 points)")))
        for gap in result.gaps:
            items = ", ".join(f"{item.link_id} {item.difference:+.1f}" for item in gap.items)
            out.line(
                f"  {text(dimensions[gap.dimension].label):<{width}}  {gap.first} - {gap.second}"
                f"  {gap.difference:+6.1f}" + (f"   {items_word}: {items}" if items else "")
            )
    if result.recommendations:
        out.line()
        out.line(say(N_("Recommendations for the dimensions that need work")))
        for dimension, resources in result.recommendations.items():
            out.line(f"  {text(dimensions[dimension].label)}")
            if not resources:
                out.line("    " + say(N_("(no resource of the loaded packs is tied to this dimension)")))
            for resource_id in resources:
                resource = library.get(resource_id)
                own = library.pack_of(resource_id).manifest.default_language
                out.line(f"    {resource_id}  {text(resource.title, own)}")
