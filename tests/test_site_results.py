"""The results page in a real browser (headless Chromium, as tests/test_site_browser.py drives it).

Three response files are dropped on the page (a CSV as Excel saves it in Belgium, a JSON file as the
site's forms download, and a broken KoboToolbox export); the page must list the broken file's
problems exactly as ``ouderbetrokkenheid score --format json`` does, score the two good files to the
very numbers the command line gives, and show the report that ``report --to html`` writes (the same
HTML, only its links lead to the site's pages). No request leaves ``file://``; axe-core finds no
violation; nothing scrolls sideways at 360 px. Screenshots at 360 and 1280 px in nl and fr go to
``$OUDERBETROKKENHEID_SCREENSHOTS`` when it is set.
"""

import base64
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.reports.html import render_html
from tests.test_site_browser import PACKS, Recorder, browser, library, site, url  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
INSTRUMENT = "instrumenten/succesfactoren-scan"
SHOTS = os.environ.get("OUDERBETROKKENHEID_SCREENSHOTS")


def _answers(assessment: ob.Assessment, rng: random.Random, low: bool) -> dict[str, str]:
    codes = ["1", "2", "2", "3", "na"] if low else ["3", "4", "4", "3", "na"]
    return {item.link_id: rng.choice(codes) for item in assessment.items()}


@pytest.fixture(scope="module")
def files(library, tmp_path_factory) -> tuple[Path, list[Path]]:  # noqa: F811 - the fixture
    """team.csv (Excel in Belgium: semicolons, Windows-1252, CRLF, capitals), parents.json (the site's
    forms' format) and kobo.csv (a KoboToolbox export with an answer off the scale and a wrong version)."""
    assessment = library.get(INSTRUMENT)
    rng = random.Random(8)
    folder = tmp_path_factory.mktemp("answers")
    links = [item.link_id for item in assessment.items()]
    lines = [";".join(["respondent", "group", *links])]
    for n in range(6):
        answers = _answers(assessment, rng, low=True)
        cells = [answers[link].upper() for link in links]
        lines.append(";".join([f"Léa-{n}", "team", *cells]))
    team = folder / "team.csv"
    team.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    parents = folder / "parents.json"
    responses = [
        {
            "assessment": INSTRUMENT,
            "version": assessment.version,
            "group": "parents",
            "respondent": f"ouder-{n}",
            "answers": _answers(assessment, rng, low=False),
            "submitted": "2026-03-01T10:15:00+01:00",
        }
        for n in range(5)
    ]
    parents.write_text(json.dumps(responses, indent=2) + "\n", encoding="utf-8")
    kobo = folder / "kobo.csv"
    header = [
        "start",
        "end",
        *(f"contact/{link}" for link in links),
        "ob_instrument",
        "ob_version",
        "ob_group",
    ]
    header += ["_id", "_uuid", "_submission_time"]
    rows = [",".join(header)]
    for n in range(3):
        answers = _answers(assessment, rng, low=True)
        if n == 1:
            answers[links[2]] = "7"
        version = "0.9" if n == 2 else assessment.version
        rows.append(
            ",".join(
                [
                    "2026-03-01T10:00:00.000+01:00",
                    "2026-03-01T10:09:00.000+01:00",
                    *(answers[link] for link in links),
                    INSTRUMENT,
                    version,
                    "parents",
                    str(100 + n),
                    f"uuid-{n}",
                    "2026-03-01T09:10:00",
                ]
            )
        )
    kobo.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder, [team, parents, kobo]


def _cli(folder: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "ouderbetrokkenheid", "--format", "json", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1", "OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD": "1"},
        check=False,
    )
    assert done.stdout, done.stderr
    return json.loads(done.stdout)


def _tab(browser, width: int):  # noqa: F811 - the fixture
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    recorder = Recorder()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("console", lambda message: recorder.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    return context, page, recorder


def choose(page, instrument: str) -> None:
    """Pick *instrument* in the page's list (its options carry the id in ``data-instrument``)."""
    index = page.eval_on_selector(
        "#ob-instrument",
        "(select, id) => Array.from(select.options).findIndex((o) => o.dataset.instrument === id)",
        instrument,
    )
    assert index >= 0, f"{instrument} is not offered"
    page.select_option("#ob-instrument", index=index)


def _drop(page, paths: list[Path]) -> None:
    """Drop *paths* on the page's drop zone, as a person drags them from a file manager."""
    payload = [{"name": p.name, "b64": base64.b64encode(p.read_bytes()).decode()} for p in paths]
    page.evaluate(
        """(files) => {
            const data = new DataTransfer();
            for (const f of files) {
                const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
                data.items.add(new File([bytes], f.name));
            }
            const zone = document.getElementById("ob-drop");
            zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }""",
        payload,
    )
    page.wait_for_selector("#ob-read:not([hidden])")


def _same(python, javascript, where=""):
    if isinstance(python, dict):
        assert set(python) == set(javascript), (where, python, javascript)
        for key in python:
            _same(python[key], javascript[key], f"{where}/{key}")
    elif isinstance(python, list):
        assert len(python) == len(javascript), (where, python, javascript)
        for index, (a, b) in enumerate(zip(python, javascript, strict=True)):
            _same(a, b, f"{where}/{index}")
    elif isinstance(python, float):
        assert float(javascript) == python, (where, python, javascript)
    else:
        assert python == javascript, (where, python, javascript)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_dropped_files_give_the_report_of_the_command_line(browser, site, library, files, lang):  # noqa: F811
    folder, paths = files
    names = [p.name for p in paths]
    packs = [arg for pack in PACKS for arg in ("--path", str(pack))]  # the site's packs, no others
    broken = _cli(folder, "score", INSTRUMENT, *names, *packs)
    expected = _cli(folder, "score", INSTRUMENT, *names[:2], *packs)
    assert broken["problems"] and "groups" in expected  # the CLI: problems for the three, a result for two

    context, page, recorder = _tab(browser, 1280)
    page.goto(url(site, f"{lang}/results.html"))
    choose(page, INSTRUMENT)
    _drop(page, paths)
    page.wait_for_selector("#ob-report:not([hidden])")

    # every problem, with file, row and column, as the command line lists them
    shown = page.eval_on_selector_all(
        "#ob-problem-table tbody tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))",
    )
    listed = [
        [p.get("file", ""), str(p.get("line", "")), str(p.get("column", "")), p["message"], p.get("hint", "")]
        for p in broken["problems"]
    ]
    assert shown == listed
    assert {p["file"] for p in broken["problems"]} == {"kobo.csv"}
    files_shown = page.eval_on_selector_all("#ob-file-list li", "items => items.map(i => i.textContent)")
    assert len(files_shown) == 3 and "kobo.csv" in files_shown[2]

    # the result: every number equal to the command line's on the two good files
    produced = json.loads(page.get_attribute("#ob-report", "data-result"))
    _same(expected, produced)

    # the report: the HTML `report --to html` writes for that result, links aside
    result = ob.structure(expected, ob.Result)
    assessment = library.get(INSTRUMENT)
    python = render_html(result, assessment, lang=lang, library=library)
    main = python.split("<main>\n", 1)[1].split("</main>", 1)[0]
    theirs, mine = page.evaluate(
        """(python) => {
            const parsed = new DOMParser().parseFromString("<body>" + python + "</body>", "text/html");
            const report = document.getElementById("ob-report").cloneNode(true);
            report.querySelector("header.report-head").remove();
            report.querySelectorAll("figure, table").forEach((f) => f.removeAttribute("tabindex"));  // the page's own
            return [parsed.body.innerHTML.trim(), report.innerHTML.trim()];
        }""",
        main,
    )
    unlinked = re.compile(r"</?a\b[^>]*>")  # the report links a resource's own site, the page its page here
    assert unlinked.sub("", mine) == unlinked.sub("", theirs)
    assert 'aria-describedby="chart-scores-desc"' in mine and 'aria-describedby="chart-gaps-desc"' in mine
    # recommendations lead to the site's own pages, which exist
    hrefs = page.eval_on_selector_all(
        "#recommendations ~ ul a, section[aria-labelledby=recommendations] a",
        "links => links.map(a => a.href)",
    )
    assert hrefs and all(h.startswith("file://") and Path(h[len("file://") :]).is_file() for h in hrefs)

    # the report names no instrument, item or group by its id (the problems do: as the CLI, they name
    # the item and the column to fix in the file)
    seen = page.inner_text("#ob-report")
    assessment_ids = [INSTRUMENT, *(item.link_id for item in assessment.items())]
    assert not [x for x in assessment_ids if x in seen]
    code = {"nl": "parents", "fr": "team"}[lang]  # a group code that is not a word of the page's language
    assert not re.search(rf"\b{code}\b", seen)

    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/results-{lang}-1280.png", full_page=True)
    context.close()
    recorder.assert_clean()


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_phone_width_and_a_broken_file_alone(browser, site, files, lang):  # noqa: F811
    _, paths = files
    context, page, recorder = _tab(browser, 360)
    page.goto(url(site, f"{lang}/results.html"))
    choose(page, INSTRUMENT)
    _drop(page, [paths[2]])  # only the broken file: problems, no report, and the page goes on working
    assert page.is_hidden("#ob-report") and page.is_visible("#ob-problems")
    assert page.text_content("#ob-status")
    page.set_input_files("#ob-files", [str(p) for p in paths[:2]])  # chosen, this time, not dropped
    page.wait_for_selector("#ob-report:not([hidden])")
    assert page.is_hidden("#ob-problems")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways at 360 px ({width} px wide)"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/results-{lang}-360.png", full_page=True)
        height = page.evaluate("document.documentElement.scrollHeight")
        for number, top in enumerate(range(0, height, 1600)):  # phone-sized pieces, to look at
            clip = {"x": 0, "y": top, "width": 360, "height": min(1600, height - top)}
            page.screenshot(path=f"{SHOTS}/results-{lang}-360-{number}.png", full_page=True, clip=clip)
    context.close()
    recorder.assert_clean()


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed: npm ci --prefix tools/axe")
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violation_on_the_results_page(browser, site, files, width):  # noqa: F811
    _, paths = files
    context, page, recorder = _tab(browser, width)
    source = AXE.read_text(encoding="utf-8")
    found = {}
    for lang in ("nl", "fr"):
        page.goto(url(site, f"{lang}/results.html"))
        choose(page, INSTRUMENT)
        _drop(page, paths)
        page.wait_for_selector("#ob-report:not([hidden])")
        page.evaluate(source)  # evaluated by the test, not loaded by the page (its CSP allows no such script)
        violations = page.evaluate(
            "axe.run(document, {resultTypes: ['violations'], preload: false}).then(r => r.violations.map("
            "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')]))"
        )
        if violations:
            found[lang] = violations
    context.close()
    assert not found, found
    recorder.assert_clean()
