"""The site on a phone and the quickscan in the browser, in headless Chromium (as ``test_site_browser``):
no page scrolls sideways at 360 px, the catalog's layout does not shift, the new pages pass axe-core,
and a quickscan filled in at 390 px survives a reload, gives its scores, and downloads files that
``ouderbetrokkenheid score`` reads as they are. No request leaves ``file://``."""

import json
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main
from ouderbetrokkenheid.exporters.site.quickscan_page import scoring_available
from ouderbetrokkenheid.reports.paper import group_items
from tests import test_site_browser
from tests.test_site_browser import PACKS, Recorder, url, wait_until

pytestmark = pytest.mark.browser

# the fixtures of the site's browser tests: one Chromium, the bundled packs, the site exported once
browser = test_site_browser.browser
library = test_site_browser.library
site = test_site_browser.site

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
INSTRUMENT = "instrumenten/partnerschapsmeting"
QUICKSCAN = "quickscan/instrumenten__partnerschapsmeting-parents.html"


def _tab(browser, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, accept_downloads=True, **options)
    page = context.new_page()
    recorder = Recorder()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("console", lambda message: recorder.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    return context, page, recorder


def _clean(recorder: Recorder) -> None:
    """As :meth:`Recorder.assert_clean`; the downloads are ``blob:`` URLs the page made itself."""
    recorder.requests = [u for u in recorder.requests if not u.startswith("blob:file://")]
    recorder.assert_clean()


def test_no_page_scrolls_sideways_at_360_px(browser, site):
    context, page, recorder = _tab(browser, 360)
    pages = sorted(p for p in site.rglob("*.html") if p.parent != site)  # the root index.html redirects
    assert len(pages) > 300
    wide = []
    for path in pages:
        page.goto(path.as_uri())
        width, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if width > inner:
            wide.append((str(path.relative_to(site)), width))
    context.close()
    assert not wide, wide[:20]
    _clean(recorder)


def test_chart_labels_stay_readable_at_360_px(browser, site):
    context, page, recorder = _tab(browser, 360)
    page.goto(url(site, "nl/evidence.html"))
    page.wait_for_load_state()
    heights = page.evaluate(
        "[...document.querySelectorAll('svg.scale text')].filter(t => getComputedStyle(t).display !== 'none')"
        ".map(t => t.getBoundingClientRect().height)"
    )
    context.close()
    assert len(heights) > 20
    assert min(heights) >= 10, sorted(heights)[:5]  # pixels on the screen, not units of the drawing
    _clean(recorder)


@pytest.mark.parametrize("width", [360, 1280])
def test_catalog_results_come_first_and_the_layout_does_not_shift(browser, site, width):
    context, page, recorder = _tab(browser, width)
    page.goto(url(site, "nl/catalog.html"))
    wait_until(page, "!document.getElementById('ob-filters').hidden")
    page.wait_for_timeout(600)
    shift = page.evaluate(
        """() => new Promise(done => {
            let total = 0;
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
            }).observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done(total), 300);
        })"""
    )
    assert shift < 0.1, shift
    results = page.locator("#ob-results").bounding_box()
    filters = page.locator("#ob-filters").bounding_box()
    assert results is not None and filters is not None
    if width == 360:
        assert results["y"] < 800, results  # the first results are on the first screen
        assert filters["y"] > results["y"]
    else:
        assert filters["x"] < results["x"]  # side by side, filters on the left
    context.close()
    _clean(recorder)


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed: npm ci --prefix tools/axe")
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violation_on_the_new_pages(browser, site, width):
    context, page, recorder = _tab(browser, width)
    source = AXE.read_text(encoding="utf-8")
    found = {}
    for path in (
        "nl/index.html",
        "fr/index.html",
        f"nl/{QUICKSCAN}",
        "en/instruments.html",
        "nl/catalog.html",
        "fr/frameworks/ref__epstein.html",
        f"en/instruments/{INSTRUMENT.replace('/', '__')}.html",
    ):
        page.goto(url(site, path))
        page.wait_for_load_state()
        page.evaluate(source)  # evaluated by the test, not loaded by the page (its CSP allows no such script)
        violations = page.evaluate(
            "axe.run(document, {resultTypes: ['violations'], preload: false}).then(r => r.violations.map("
            "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')]))"
        )
        if violations:
            found[path] = violations
    context.close()
    assert not found, found
    _clean(recorder)


def _expected(packs: ob.Library) -> tuple[ob.Assessment, dict[str, str]]:
    """The instrument and the answers the test gives: the options in turn, the last item 'not applicable'."""
    assessment = packs.get(INSTRUMENT)
    assert isinstance(assessment, ob.Assessment)
    items = group_items(assessment, "parents")
    scale = {s.id: s for s in assessment.scales}
    answers = {}
    for n, item in enumerate(items):
        options = scale[item.scale].options
        answers[item.link_id] = options[-1].code if n == len(items) - 1 else options[n % 5].code
    return assessment, answers


def _score(files: list[Path], capsys) -> dict:
    capsys.readouterr()
    packs = [arg for pack in PACKS for arg in ("--path", str(pack))]
    code = main(["--format", "json", "score", INSTRUMENT, *map(str, files), "--min-group-size", "1", *packs])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_a_quickscan_filled_at_390_px_survives_a_reload_and_scores_with_the_cli(
    browser, site, library, tmp_path, capsys
):
    assessment, answers = _expected(library)
    # the result Python gives for these answers: the page must show it (OBScore's own equality with
    # Python is proven by its own tests); until the site ships OBScore, a stand-in returns it
    reference = tmp_path / "reference.json"
    reference.write_text(
        json.dumps(
            [
                {
                    "assessment": INSTRUMENT,
                    "version": assessment.version,
                    "group": "parents",
                    "respondent": "ref",
                    "answers": answers,
                }
            ]
        ),
        encoding="utf-8",
    )
    expected = _score([reference], capsys)
    init = None
    if not scoring_available():  # a stand-in until the site ships OBScore: it returns Python's result
        init = (
            f"window.OB_SCORE_BUNDLES = {{{json.dumps(INSTRUMENT)}: {{}}}};"
            "window.OBScore = {readFiles: () => ({responses: {}, problems: []}),"
            f" score: () => ({json.dumps(expected)})}};"
        )
    context, page, recorder = _tab(browser, 390)
    if init:
        context.add_init_script(init)
    page.goto(url(site, f"nl/{QUICKSCAN}"))
    page.wait_for_load_state()
    items = list(answers)
    half = len(items) // 2
    for link_id in items[:half]:
        page.locator(f'input[name="{link_id}"][value="{answers[link_id]}"]').check()
    page.reload()
    page.wait_for_load_state()
    restored = page.evaluate(
        "[...document.querySelectorAll('#ob-qs input:checked')].map(i => [i.name, i.value])"
    )
    assert dict(restored) == {k: answers[k] for k in items[:half]}
    assert f"{half} van {len(items)}" in page.locator("#ob-qs-progress").inner_text()
    page.locator("#ob-qs-finish").click()  # not done yet: the missing questions are listed
    assert page.locator("#ob-qs-missing").is_visible()
    assert page.locator("#ob-qs-missing li").count() == len(items) - half
    assert page.locator("#ob-qs-results").is_hidden()
    for link_id in items[half:]:
        page.locator(f'input[name="{link_id}"][value="{answers[link_id]}"]').check()
    page.locator("#ob-qs-finish").click()
    assert page.locator("#ob-qs-results").is_visible()
    assert page.locator("#ob-qs-missing").is_hidden()
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert width <= inner
    # the scores per dimension, with their band and the recommended resources as links to the site
    cards = page.locator("#ob-qs-scores li.card")
    dimensions = next(g for g in expected["groups"] if g["group"] == "parents")["dimensions"]
    assert cards.count() == len(dimensions)
    labels = {d.id: d.label.resolve("nl")[1] for d in assessment.dimensions}
    bands = {b.id: b.label.resolve("nl")[1] for b in assessment.bands}
    for card, dimension in zip(cards.all(), dimensions, strict=True):
        text = card.inner_text()
        assert labels[dimension["dimension"]] in text
        assert f"{round(dimension['score'])} / 100" in text and bands[dimension["band"]] in text
        for link in card.locator("a").all():
            target = (site / "nl" / "quickscan" / link.get_attribute("href")).resolve()
            assert target.is_file() and target.parent.name == "resources"
        assert card.locator("a").count() == len(expected["recommendations"].get(dimension["dimension"], []))
    # the downloads: read by `ouderbetrokkenheid score` as they are, the same scores
    files = []
    for button in ("#ob-qs-json", "#ob-qs-csv"):
        with page.expect_download() as info:
            page.locator(button).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        files.append(target)
    assert [f.suffix for f in files] == [".json", ".csv"]
    saved = json.loads(files[0].read_text(encoding="utf-8"))
    assert saved[0]["answers"] == answers and saved[0]["group"] == "parents" and saved[0]["language"] == "nl"
    for file in files:
        result = _score([file], capsys)
        assert result["groups"] == expected["groups"], file.name
        assert result["recommendations"] == expected["recommendations"]
    # a closed tab loses nothing either: a new page of the same browser finds the answers
    page.close()
    again = context.new_page()
    again.goto(url(site, f"fr/{QUICKSCAN}"))
    again.wait_for_load_state()
    assert again.locator("#ob-qs input:checked").count() == len(items)
    context.close()
    _clean(recorder)
