"""The site's scoring in JavaScript (``assets/ob-score.js``) against Python, the truth.

Hypothesis generates assessments, response sets and catalogs; both implementations score them and
every number must be equal (not close: equal, as floats). The readers are compared the same way on
generated CSV (comma, semicolon, tab; BOM; UTF-8 and Windows-1252), KoboToolbox/ODK and JSON files,
broken ones included: the same responses, and the same problems with the same file, row, column,
pointer and message. The JavaScript runs in node (skipped, saying so, when node is missing).
"""

import json
import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.site.bundle import scoring_bundle
from ouderbetrokkenheid.exporters.site.exporter import static_file
from ouderbetrokkenheid.exporters.site.results_page import words
from ouderbetrokkenheid.model import Mapping
from ouderbetrokkenheid.model.direction import RTL_SCRIPTS
from ouderbetrokkenheid.reports.html import render_html
from ouderbetrokkenheid.reports.messages import RTL_LANGUAGES, direction
from ouderbetrokkenheid.responses import ResponseError, ResponseSet, read_many
from ouderbetrokkenheid.scoring import recommend, score
from ouderbetrokkenheid.testing import strategies as obst

ROOT = Path(__file__).resolve().parent.parent
BRIDGE = ROOT / "tests" / "js" / "obscore_bridge.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node not found: install Node.js to test ob-score.js")


class Node:
    """One node process running ob-score.js, answering one JSON request per line."""

    def __init__(self, script: Path, report: Path) -> None:
        self.process = subprocess.Popen(
            [str(NODE), str(BRIDGE), str(script), str(report)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "crash" not in answer, answer["crash"]
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture(scope="module")
def node(tmp_path_factory) -> Iterator[Node]:
    folder = tmp_path_factory.mktemp("js")
    for name in ("ob-score.js", "ob-report.js"):
        (folder / name).write_bytes(static_file(name))
    running = Node(folder / "ob-score.js", folder / "ob-report.js")
    yield running
    running.close()


class FakeCatalog:
    """A library's resources and mappings, nothing else (what recommending needs)."""

    def __init__(self, resources: tuple[ob.Resource, ...], mappings: tuple[Mapping, ...]) -> None:
        self._resources, self._mappings = resources, mappings

    def resources(self) -> tuple[ob.Resource, ...]:
        return self._resources

    def mappings(self) -> tuple[Mapping, ...]:
        return self._mappings

    def __contains__(self, identifier: object) -> bool:
        return False  # a report without a library: recommended resources by id


# -- generated cases -------------------------------------------------------------------------------
@st.composite
def cases(
    draw: st.DrawFn, *, noisy: bool = False, catalog: bool = True
) -> tuple[ob.Assessment, list[ob.Response], FakeCatalog]:
    """An assessment, responses to it (with *noisy*: some that do not fit) and a catalog to recommend from."""
    assessment = draw(obst.assessments(min_items=1))
    scales = {s.id: s for s in assessment.scales}
    rows = []
    for index in range(draw(st.integers(0, 14))):
        number = index
        group = draw(st.sampled_from(assessment.groups)).id
        answers = {}
        for item in assessment.items():
            if group in item.text and (item.required or draw(st.booleans())):
                answers[item.link_id] = draw(st.sampled_from(scales[item.scale].options)).code
        if noisy and draw(st.integers(0, 4)) == 0:
            kind = draw(st.sampled_from(["off", "drop", "group", "twice", "extra"]))
            if kind == "off" and answers:
                answers[draw(st.sampled_from(sorted(answers)))] = "zz9"
            elif kind == "drop" and answers:
                del answers[draw(st.sampled_from(sorted(answers)))]
            elif kind == "group":
                group = "nogroup"
            elif kind == "twice" and rows:
                number = int(rows[0].respondent[1:])
            elif kind == "extra":
                answers["nolink"] = "1"
        rows.append(
            ob.Response(
                assessment=assessment.id,
                version=assessment.version,
                group=group,
                respondent=f"r{number}",
                answers=answers,
            )
        )
    if not catalog:
        return assessment, rows, FakeCatalog((), ())
    concepts = sorted({c for d in assessment.dimensions for c in d.concepts}) or ["x/y#z"]
    pool = st.one_of(st.sampled_from(concepts), obst.concept_ids())
    resources = tuple(
        attrs.evolve(
            resource,
            id=f"p/r{index}",
            concepts=tuple(draw(st.lists(pool, max_size=3, unique=True))),
            themes=tuple(
                draw(st.lists(st.sampled_from(sorted(assessment.themes) or ["family"]), max_size=2))
            ),
        )
        for index, resource in enumerate(draw(st.lists(obst.resources(), max_size=6)))
    )
    mappings = tuple(
        attrs.evolve(mapping, id=f"p/m{index}", subject=draw(pool), object=draw(pool))
        for index, mapping in enumerate(draw(st.lists(obst.mappings(), max_size=4)))
    )
    return assessment, rows, FakeCatalog(resources, mappings)


def columns(assessment: ob.Assessment, rows: list[ob.Response]) -> dict[str, Any]:
    """The responses as ob-score.js takes them (a response set in columns)."""
    found = ResponseSet.from_responses(
        rows,
        assessment=assessment.id,
        version=assessment.version or "",
        link_ids=[item.link_id for item in assessment.items()],
    )
    return {
        "assessment": found.assessment,
        "version": found.version,
        "respondents": list(found.respondents),
        "groups": list(found.groups),
        "answers": {link: list(column) for link, column in found.answers.items()},
        "order": list(found.answers),
    }


def same(python: Any, javascript: Any, where: str = "") -> None:
    """Equal JSON data; numbers equal as floats (bit for bit), counts as integers."""
    if isinstance(python, dict):
        assert isinstance(javascript, dict) and set(python) == set(javascript), (where, python, javascript)
        for key in python:
            same(python[key], javascript[key], f"{where}/{key}")
    elif isinstance(python, list):
        assert isinstance(javascript, list) and len(python) == len(javascript), (where, python, javascript)
        for index, (a, b) in enumerate(zip(python, javascript, strict=True)):
            same(a, b, f"{where}/{index}")
    elif isinstance(python, float):
        assert isinstance(javascript, int | float) and not isinstance(javascript, bool), (where, javascript)
        assert float(javascript) == python or (math.isnan(python) and math.isnan(javascript)), (
            where,
            python.hex(),
            float(javascript).hex(),
        )
    else:
        assert python == javascript and type(python) is type(javascript), (where, python, javascript)


SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # examples: the profile's


@SETTINGS
@given(cases(), st.integers(1, 6), st.integers(1, 4))
def test_scores_equal_python(node, case, size, limit):
    assessment, rows, catalog = case
    python = ob.unstructure(
        recommend(score(assessment, rows, min_group_size=size), assessment, catalog, limit=limit)
    )
    answer = node.ask(
        {
            "op": "score",
            "bundle": scoring_bundle(assessment, catalog),
            "responses": columns(assessment, rows),
            "options": {"minGroupSize": size, "limit": limit},
        }
    )
    same(python, answer["result"])


@SETTINGS
@given(cases(noisy=True, catalog=False))
def test_problems_equal_python(node, case):
    assessment, rows, catalog = case
    try:
        python = ob.unstructure(
            score(
                assessment,
                ResponseSet.from_responses(
                    rows,
                    assessment=assessment.id,
                    version=assessment.version or "",
                    link_ids=[item.link_id for item in assessment.items()],
                ),
                min_group_size=1,
            )
        )
        problems = None
    except ResponseError as exc:
        problems = [p.to_dict() for p in exc.problems]
    answer = node.ask(
        {
            "op": "score",
            "bundle": scoring_bundle(assessment, catalog),
            "responses": columns(assessment, rows),
            "options": {"minGroupSize": 1},
        }
    )
    if problems is None:
        same(python, {k: v for k, v in answer["result"].items() if k != "recommendations"})
    else:
        assert answer.get("problems") == problems


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "ar"])
@SETTINGS
@given(cases(), st.integers(1, 6))
def test_report_equals_python(node, lang, case, size):
    """The report the results page draws is the report ``report --to html`` writes: the same HTML,
    character for character, from the result's numbers to the charts' coordinates; in Arabic too,
    right to left, with every number isolated in ``<bdi>`` as Python isolates it."""
    assessment, rows, catalog = case
    result = recommend(score(assessment, rows, min_group_size=size), assessment, catalog)
    python = render_html(result, assessment, lang=lang, default="nl")
    main = python.split("<main>\n", 1)[1].split("</main>", 1)[0]
    bundle = scoring_bundle(assessment, catalog, languages=[lang], default="nl")
    bundle["catalog"]["resources"] = []  # the report has no library: resources by id
    drawn = node.ask(
        {
            "op": "render",
            "result": ob.unstructure(result),
            "bundle": bundle,
            "words": words(lang)["report"],
            "options": {"lang": lang},
        }
    )
    assert drawn["main"] == main


#: Tags whose writing direction the report's two implementations must agree on: every right-to-left
#: language of the shared list, the languages of the site and of the parents' home languages, regions,
#: scripts and cases.
DIRECTION_TAGS = [
    *sorted(RTL_LANGUAGES),
    *("nl", "fr", "en", "tr", "pl", "ro", "es", "pt", "uk", "de"),
    *("ar-MA", "AR", "ar_BE", "fa-IR", "he-IL", "nl-BE", "en-Arab", "", "x", "arz-EG", "ur-PK"),
    # a script subtag wins over the language; none after a singleton
    *(
        "uz-Arab",
        "uz-Arab-AF",
        "pa-Arab",
        "ar-Latn",
        "sd-Deva",
        "ks-Deva",
        "az-arab",
        "ar-x-latn",
        "nl-x-arab",
    ),
]


def test_direction_equals_python(node):
    """ob-report.js and Python share one rule for the writing direction (a script subtag in
    ``RTL_SCRIPTS``, else the primary subtag in ``reports.messages.RTL_LANGUAGES``): the same answer
    for every tag, and the same lists."""
    answer = node.ask({"op": "direction", "tags": DIRECTION_TAGS})
    assert answer["directions"] == [direction(tag) for tag in DIRECTION_TAGS]
    script = static_file("ob-report.js").decode("utf-8")
    listed = re.search(r"var RTL = \[([^\]]*)\];", script)
    assert listed is not None
    assert frozenset(json.loads(f"[{listed.group(1)}]")) == RTL_LANGUAGES
    scripts = re.search(r"var RTL_SCRIPTS = \[([^\]]*)\];", script)
    assert scripts is not None
    assert frozenset(json.loads(f"[{scripts.group(1)}]")) == {s.lower() for s in RTL_SCRIPTS}


@SETTINGS
@given(st.from_regex(r"[a-zA-Z]{2,3}([-_][A-Za-z]{4})?([-_][A-Z]{2})?", fullmatch=True))
def test_direction_of_generated_tags_equals_python(node, tag):
    assert node.ask({"op": "direction", "tags": [tag]})["directions"] == [direction(tag)]


# -- files -------------------------------------------------------------------------------------------
_CELL_NOISE = st.sampled_from(["", " ", "  "])


@st.composite
def files(draw: st.DrawFn, folder: Path) -> tuple[ob.Assessment, list[Path]]:
    """An assessment and one to three response files for it, as people and tools write them; about
    half of the examples are *clean* (no mistake put in on purpose), so that both outcomes, files read
    and files with problems, are compared in every run."""
    clean = draw(st.booleans())
    assessment, rows, _ = draw(cases(noisy=not clean, catalog=False))
    written = []
    respondent_base = 0
    for number in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["csv", "excel", "kobo", "json", *([] if clean else ["broken"])]))
        share = rows[respondent_base : respondent_base + draw(st.integers(0, 6))]
        respondent_base += len(share)
        path = folder / f"f{number}.{'json' if kind == 'json' else 'csv'}"
        if kind == "json":
            entries: list[Any] = [ob.unstructure(r) for r in share]
            if not clean and draw(st.booleans()) and entries:
                entries[0]["answers"] = {"Bad": 3} if draw(st.booleans()) else "none"
            if not clean and draw(st.booleans()):
                entries.append("not an object")
            data = {"responses": entries} if draw(st.booleans()) else entries
            path.write_text(json.dumps(data, indent=draw(st.sampled_from([None, 2]))), encoding="utf-8")
        elif kind == "broken":
            path.write_bytes(
                draw(st.sampled_from([b"", b'respondent,group\n"r1"x,a\n', b"a,b\n\x81\x9d\n", b'x,"y\n']))
            )
        else:
            links = [item.link_id for item in assessment.items()]
            if not clean and draw(st.booleans()):
                links.append(draw(st.sampled_from(["nolink", "Welkom", links[0] + "x"])))
            kobo = kind == "kobo"
            head = (
                ["_uuid", "ob_group", "ob_version", "_submission_time"] if kobo else ["respondent", "group"]
            )
            if not kobo and draw(st.booleans()):
                head.append("version")
            prefix = draw(st.sampled_from(["", "s1/", "s1-"])) if kobo else ""
            header = head + [prefix + link for link in links]
            delimiter = ";" if kind == "excel" else draw(st.sampled_from([",", ";", "\t"]))
            lines = [header]
            for response in share:
                cells = [response.respondent, response.group, assessment.version or ""]
                if kobo:
                    cells.append(
                        draw(
                            st.sampled_from(
                                [
                                    "2026-03-01T10:15:00",
                                    "2026-03-01 10:15:00+01:00",
                                    *([] if clean else ["gisteren"]),
                                ]
                            )
                        )
                    )
                cells = cells[: len(head)]
                for link in links:
                    code = response.answers.get(link, "")
                    if code and draw(st.integers(0, 5)) == 0:
                        code = code.upper()
                    cells.append(
                        draw(_CELL_NOISE) + code + draw(_CELL_NOISE) if draw(st.integers(0, 4)) == 0 else code
                    )
                if not clean and draw(st.integers(0, 8)) == 0:
                    cells.append("extra")
                if draw(st.integers(0, 8)) == 0:
                    lines.append([])
                lines.append(cells)
            if not clean and draw(st.integers(0, 8)) == 0:
                lines[-1] = [*lines[-1][:-1], '"' + lines[-1][-1]]  # an unclosed quote
            text = "\r\n".join(delimiter.join(_quoted(c, delimiter) for c in line) for line in lines) + "\r\n"
            if kind == "excel":
                raw = (
                    ("\ufeff" + text).encode("utf-8")
                    if draw(st.booleans())
                    else text.encode("cp1252", "replace")
                )
            else:
                raw = text.encode("utf-8")
            path.write_bytes(raw)
        written.append(path)
    return assessment, written


def _quoted(cell: str, delimiter: str) -> str:
    if delimiter in cell or "\n" in cell or (cell.startswith('"') and cell.count('"') > 1):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _python_read(assessment: ob.Assessment, paths: list[Path]) -> tuple[Any, list[dict[str, Any]]]:
    try:
        found = read_many([str(p) for p in paths], assessment)
    except ResponseError as exc:
        return None, [p.to_dict() for p in exc.problems]
    return found, []


READ_OUTCOMES = {"read": 0, "problems": 0}


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_readers_equal_python(node, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("files")
    outcomes = READ_OUTCOMES
    assessment, paths = data.draw(files(folder))
    bundle = scoring_bundle(assessment, FakeCatalog((), ()))
    answer = node.ask(
        {"op": "read", "bundle": bundle, "files": [{"name": str(p), "path": str(p)} for p in paths]}
    )
    python, problems = _python_read(assessment, paths)
    if python is not None:
        # every file read: the same responses, in the same order
        assert answer["problems"] == []
        got = answer["responses"]
        assert got["respondents"] == list(python.respondents)
        assert got["groups"] == list(python.groups)
        assert got["answers"] == {k: list(v) for k, v in python.answers.items()}
        outcomes["read"] += 1
        return
    outcomes["problems"] += len(problems)
    # the CLI stops at the files with problems; the page lists the same problems and scores the rest
    mine = [
        p
        for p in answer["problems"]
        if p["code"] != "response-duplicate-respondent" or "another file" not in p["message"]
    ]
    theirs = [
        p
        for p in problems
        if p["code"] != "response-duplicate-respondent" or "another file" not in p["message"]
    ]
    _same_problems(theirs, mine)
    good = [p for p, f in zip(paths, answer["files"], strict=True) if not f["problems"]]
    if good and answer["responses"] is not None:
        python_good, _ = _python_read(assessment, good)
        assert python_good is not None
        assert answer["responses"]["respondents"] == list(python_good.respondents)


def _same_problems(python: list[dict[str, Any]], javascript: list[dict[str, Any]]) -> None:
    """Equal problems; the wording of JSON-syntax and schema messages is the port's own (the
    location and code are not)."""
    assert len(python) == len(javascript), (python, javascript)
    for a, b in zip(python, javascript, strict=True):
        if a["message"].startswith("malformed JSON") or ("pointer" in a and a["code"] == "response-syntax"):
            keys = ("code", "file", "pointer")
        else:
            keys = ("code", "severity", "message", "hint", "file", "line", "column", "pointer")
        assert {k: a.get(k) for k in keys} == {k: b.get(k) for k in keys}, (a, b)


def test_readers_were_compared_both_ways():
    """The generated files gave both outcomes: some read cleanly, some had problems to compare."""
    if not READ_OUTCOMES["read"] and not READ_OUTCOMES["problems"]:
        pytest.skip("test_readers_equal_python did not run")
    assert READ_OUTCOMES["read"] > 0 and READ_OUTCOMES["problems"] > 0, READ_OUTCOMES


def test_belgian_excel_csv_reads_as_python(node, tmp_path, mini_scan):
    """Semicolons, a BOM or Windows-1252, CRLF, codes in capitals: as Excel saves it in Belgium."""
    assessment, library = mini_scan
    text = "respondent;group;welkom;drempel\r\nJosé;parents;3;2\r\nRené;parents;NA;1\r\n"
    cp1252 = tmp_path / "excel.csv"
    cp1252.write_bytes(text.encode("cp1252"))
    bom = tmp_path / "excel-utf8.csv"
    bom.write_bytes(("\ufeff" + text.replace("José", "Joséphine").replace("René", "Renée")).encode("utf-8"))
    bundle = scoring_bundle(assessment, library)
    answer = node.ask(
        {"op": "read", "bundle": bundle, "files": [{"name": str(p), "path": str(p)} for p in (cp1252, bom)]}
    )
    python = read_many([cp1252, bom], assessment)
    assert answer["problems"] == []
    assert (
        answer["responses"]["respondents"]
        == list(python.respondents)
        == ["José", "René", "Joséphine", "Renée"]
    )
    assert (
        answer["responses"]["answers"]["welkom"] == list(python.answers["welkom"]) == ["3", "na", "3", "na"]
    )
    scored = node.ask(
        {"op": "score", "bundle": bundle, "responses": answer["responses"], "options": {"minGroupSize": 1}}
    )
    same(
        ob.unstructure(recommend(score(assessment, python, min_group_size=1), assessment, library)),
        scored["result"],
    )


@pytest.fixture(scope="module")
def mini_scan() -> tuple[ob.Assessment, ob.Library]:
    library = ob.Library.discover(
        [ROOT / "examples" / "voorbeeldpack", *sorted(ROOT.glob("plugins/*/src/*/pack"))], plugins=False
    )
    return library.get("voorbeeld/mini-scan"), library


def test_the_scripts_make_no_request():
    """The results page's scripts never ask the network for anything (the CSP would block it anyway)."""
    for name in ("ob-score.js", "ob-report.js", "ob-results.js"):
        source = static_file(name).decode("utf-8")
        for call in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import("):
            assert call not in source, (name, call)
