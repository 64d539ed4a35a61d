"""The exported site in a real browser: headless Chromium (Debian's ``chromium`` package) driven by
Playwright with the system browser. Skipped, with a message saying what to install, when either is
missing. Never runs ``playwright install`` (that downloads browsers).

Every test records every request and console message: the site must make no request that is not a
``file://`` URL and log no error.
"""

import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.catalog.catalog import Catalog
from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.exporters.site.paths import safe_name

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PACKS = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]
CHROMIUM = Path(os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` to run the "
            "browser tests (or point OUDERBETROKKENHEID_CHROMIUM at it)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(
            "Playwright not installed: `pip install playwright` to run the browser tests (they use the "
            "system Chromium; do not run `playwright install`)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def library() -> ob.Library:
    return ob.Library.discover(PACKS, plugins=False)


@pytest.fixture(scope="module")
def site(library, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    SiteExporter().export(library, out, {"lang": "nl"})
    return out


@attrs.define
class Recorder:
    """Everything a page asked for or said."""

    requests: list[str] = attrs.field(factory=list)
    console: list[tuple[str, str]] = attrs.field(factory=list)
    errors: list[str] = attrs.field(factory=list)

    def assert_clean(self) -> None:
        outside = [url for url in self.requests if not url.startswith("file://")]
        assert not outside, f"requests left the page: {outside}"
        problems = [(kind, text) for kind, text in self.console if kind in {"error", "warning"}]
        assert not problems, f"console: {problems}"
        assert not self.errors, f"page errors: {self.errors}"


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    recorder = Recorder()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("console", lambda message: recorder.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    yield page, recorder
    context.close()


def url(site: Path, path: str) -> str:
    return (site / path).as_uri()


def runs(page) -> int:
    return int(page.evaluate("document.documentElement.dataset.obRuns || '0'"))


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll *expression* in the page until it is true. (``page.wait_for_function`` evaluates a string
    with ``eval``, which the site's Content-Security-Policy forbids, as it should.)"""
    from playwright.sync_api import Error

    for _ in range(int(timeout / 0.02)):
        try:
            if page.evaluate(expression):
                return
        except Error:  # the page is navigating: ask again
            pass
        page.wait_for_timeout(20)
    pytest.fail(f"timed out waiting for {expression}")


def wait_for_update(page, before: int) -> None:
    wait_until(page, f"Number(document.documentElement.dataset.obRuns || 0) > {before}")


def search(page, site: Path, path: str, words: str) -> None:
    """Open the catalog at *path* and type *words* into its search field, until the results follow."""
    page.goto(url(site, path))
    page.wait_for_selector("#ob-q", state="visible")
    before = runs(page)
    page.locator("#ob-q").press_sequentially(words, delay=10)
    wait_for_update(page, before)


def result_hrefs(page) -> list[str]:
    return page.eval_on_selector_all(
        "#ob-results > li > a", "links => links.map(a => a.getAttribute('href'))"
    )


def expected_href(record: ob.Record) -> str:
    if isinstance(record, ob.Resource):
        return f"resources/{safe_name(record.id)}.html"
    if isinstance(record, ob.Framework):
        return f"frameworks/{safe_name(record.id)}.html"
    if isinstance(record, ob.Assessment):
        return f"instruments/{safe_name(record.id)}.html"
    return f"evidence.html#f-{safe_name(record.id)}"


def test_search_facet_resource_and_language_switch(tab, site, library):
    page, recorder = tab
    catalog = Catalog(library)
    page.goto(url(site, "nl/index.html"))
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.click("nav.menu >> text=Catalogus")
    page.wait_for_selector("#ob-q", state="visible")
    records = (
        len(catalog.library.resources())
        + len(library.frameworks())
        + len(library.findings())
        + len(library.assessments())
    )
    total = len(set(catalog.works()))  # one item per publication (same_as)
    assert 0 < records - total <= 4
    assert page.text_content("#ob-status") == f"{total} items in de catalogus"

    # type a query: the results update as you type, ranked as Catalog.search ranks them
    before = runs(page)
    page.locator("#ob-q").press_sequentially("thuis", delay=20)
    wait_for_update(page, before)
    wait_until(page, "document.querySelector('#ob-status').textContent.includes('resultaten')")
    hits = catalog.search("thuis", lang="nl", limit=None)
    assert result_hrefs(page) == [expected_href(hit.record) for hit in hits][:50]
    assert page.text_content("#ob-status") == f"{len(hits)} resultaten"
    assert page.get_attribute("#ob-status", "role") == "status"

    # apply a facet: the theme "thuisbetrokkenheid"
    before = runs(page)
    page.check("#ob-filters input[name=theme][value=home-involvement]")
    wait_for_update(page, before)
    filtered = catalog.search("thuis", lang="nl", limit=None, theme="home-involvement")
    shown = result_hrefs(page)
    resources_shown = [href for href in shown if href.startswith("resources/")]
    assert resources_shown == [expected_href(hit.record) for hit in filtered]
    assert 0 < len(shown) < len(hits)
    assert "q=thuis" in page.url and "theme=home-involvement" in page.url
    english = page.get_attribute("nav.langs a[hreflang=en]", "href")
    assert english.endswith("en/catalog.html#q=thuis&theme=home-involvement")

    # open a resource
    first = filtered[0].record
    page.click(f"#ob-results a[href='{expected_href(first)}']")
    page.wait_for_load_state()
    assert page.url.endswith(f"/nl/{expected_href(first)}")
    assert page.text_content("h1") == first.title.get_text("nl")

    # switch language: the same page in French
    page.click("nav.langs a[hreflang=fr]")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.url.endswith(f"/fr/{expected_href(first)}")
    machine = any(tr.language == "fr" and tr.method == "machine" for tr in first.provenance.translations)
    mark = " (traduction automatique)" if machine else ""  # said where a machine translation is shown
    assert page.text_content("h1") == first.title.get_text("fr") + mark

    # and the catalog keeps the search across languages
    page.go_back()
    page.go_back()
    page.wait_for_selector("#ob-q", state="visible")
    page.click("nav.langs a[hreflang=en]")
    page.wait_for_load_state()
    page.wait_for_selector("#ob-q", state="visible")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.input_value("#ob-q") == "thuis"
    assert page.is_checked("#ob-filters input[name=theme][value=home-involvement]")
    recorder.assert_clean()


def test_unmatched_words_are_said_and_a_publication_is_one_result(tab, site, library):
    page, recorder = tab
    search(page, site, "nl/catalog.html", "warm welkom xyzzyq")
    wait_until(page, "document.querySelector('#ob-status').textContent.includes('xyzzyq')")
    assert "Geen enkel item bevat: xyzzyq" in page.text_content("#ob-status")
    hrefs = [href for href in result_hrefs(page) if "warm-welkom" in href]
    assert len(hrefs) == 1  # the book of two packs, once
    recorder.assert_clean()


def test_keyboard_reaches_the_search_field_and_a_result(tab, site):
    page, recorder = tab
    page.goto(url(site, "nl/catalog.html"))
    page.wait_for_selector("#ob-q", state="visible")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ob-q":
            break
    else:
        pytest.fail("Tab never reached the search field")
    before = runs(page)
    page.keyboard.type("ouders")
    wait_for_update(page, before)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#ob-results') !== null"):
            break
    else:
        pytest.fail("Tab never reached a result link")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    visible = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle !== 'none' && "
        "parseFloat(getComputedStyle(document.activeElement).outlineWidth) >= 2"
    )
    assert visible, "the focused link has no visible focus outline"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/nl/" + href)
    recorder.assert_clean()


def test_skip_link_moves_to_the_content(tab, site):
    page, recorder = tab
    page.goto(url(site, "fr/evidence.html"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    recorder.assert_clean()


def test_search_box_of_other_pages_opens_the_catalog(tab, site):
    page, recorder = tab
    page.goto(url(site, "nl/index.html"))
    page.fill("#quick-q", "meertaligheid")
    page.press("#quick-q", "Enter")
    page.wait_for_selector("#ob-q", state="visible")
    wait_until(page, "document.querySelector('#ob-status').textContent.includes('resultat')")
    assert page.input_value("#ob-q") == "meertaligheid"
    assert len(result_hrefs(page)) >= 1
    recorder.assert_clean()


def _queries(index, rng: random.Random, count: int) -> list[str]:
    """Queries as people type them: words of the records and the thesaurus, inflected, cut short,
    misspelt, upper-cased, with stop words, unknown words and phrases."""
    known = sorted(index.surface)
    extra = ["Één", "Straße", "ideeën", "ﬁnale", "café's", "l'école", "ＡＢＣ", "xyzzy", "hoe", "de", "les"]
    queries = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            word = rng.choice(known) if rng.random() < 0.85 else rng.choice(extra)
            roll = rng.random()
            if roll < 0.15 and len(word) > 5:
                cut = rng.randrange(1, len(word) - 1)
                word = word[:cut] + word[cut + 1 :]  # a letter left out
            elif roll < 0.25 and len(word) > 5:
                cut = rng.randrange(1, len(word) - 2)
                word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]  # two letters swapped
            elif roll < 0.35 and len(word) > 4:
                word = word[: rng.randint(3, len(word) - 1)]  # the start of a word
            elif roll < 0.45:
                word = word.upper()
            parts.append(word)
        queries.append(rng.choice(["", "hoe ", "les ", "the "]) + " ".join(parts))
    return queries


def test_search_ranks_as_python(tab, site, library):
    """The site's search (search.js over the shipped index) gives exactly Catalog.find's results:
    the same records in the same order, the same scores, the same unmatched words, for the judged
    query set and for 400 generated queries per language (a seeded property test)."""
    import yaml

    page, recorder = tab
    catalog = Catalog(library)
    judged = yaml.safe_load((ROOT / "benchmarks" / "judged_queries.yaml").read_text("utf-8"))["queries"]
    rng = random.Random(20261204)
    compared = 0
    for lang in ("nl", "fr", "en"):
        page.goto(url(site, f"{lang}/catalog.html"))
        page.wait_for_selector("#ob-q", state="visible")
        queries = [q["q"] for q in judged if q["lang"] == lang] + _queries(catalog.index(lang), rng, 400)
        js = page.evaluate(
            "([queries, lang]) => { const index = OB_SEARCH[lang]; return queries.map(q => {"
            " const r = OB.rank(index, q, null);"
            " return [r.docs.map(d => index.docs[d].id), r.docs.map(d => r.scores[d]), r.unmatched]; }); }",
            [queries, lang],
        )
        for query, (ids, scores, unmatched) in zip(queries, js, strict=True):
            results = catalog.find(query, lang=lang, limit=None)
            expected = [hit.id for hit in results.hits]
            if not any(ch.isalnum() for ch in query):
                continue
            assert ids == expected, (lang, query)
            assert scores == pytest.approx([hit.score for hit in results.hits], abs=1e-4), (lang, query)
            assert unmatched == list(results.unmatched), (lang, query)
            compared += 1
    assert compared > 1200
    recorder.assert_clean()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_kind_of_page_loads_cleanly(tab, site, lang):
    page, recorder = tab
    page.goto(url(site, "index.html"))  # the root sends the visitor on to the default language
    wait_until(page, "location.href.endsWith('/nl/index.html') && document.readyState === 'complete'")
    assert page.evaluate("document.documentElement.lang") == "nl"
    paths = [
        f"{lang}/index.html",
        f"{lang}/catalog.html",
        f"{lang}/evidence.html",
        f"{lang}/instruments.html",
        f"{lang}/resources/ocb__boekje-bij-de-thee.html",
        f"{lang}/frameworks/ref__lusse.html",
        f"{lang}/frameworks/ocb__themas.html",
        f"{lang}/instruments/instrumenten__partnerschapsmeting.html",
        f"forms/instrumenten__partnerschapsmeting-parents-{lang}.html",
    ]
    for path in paths:
        page.goto(url(site, path))
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == lang, path
        assert page.locator("h1").count() == 1, path
    svg = page.goto(url(site, f"{lang}/evidence.html"))
    assert svg is not None
    charts = page.locator("svg.scale[role=img]")
    assert charts.count() >= 4
    labelled = page.evaluate(
        "[...document.querySelectorAll('svg.scale')].every(s => s.getAttribute('aria-labelledby')"
        ".split(' ').every(id => document.getElementById(id) && document.getElementById(id).textContent))"
    )
    assert labelled
    recorder.assert_clean()


def test_contrast_of_text_is_sufficient(tab, site):
    """Every visible text element's colour against its (first opaque) background has a contrast of at
    least 4.5:1."""
    page, recorder = tab
    worst = []
    for path in ("nl/index.html", "nl/catalog.html", "nl/evidence.html", "en/frameworks/ref__lusse.html"):
        page.goto(url(site, path))
        page.wait_for_load_state()
        found = page.evaluate(
            """() => {
              const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
              const background = el => {
                for (let e = el; e; e = e.parentElement) {
                  const c = rgb(getComputedStyle(e).backgroundColor);
                  if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
                }
                return [255, 255, 255];
              };
              const out = [];
              for (const el of document.querySelectorAll('body *')) {
                const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own || !el.getClientRects().length || el.closest('svg')) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden') continue;
                const fg = lum(rgb(style.color).slice(0, 3)), bg = lum(background(el));
                const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
                if (ratio < 4.5) out.push([el.tagName, el.className, ratio.toFixed(2), el.textContent.slice(0, 40)]);
              }
              return out;
            }"""
        )
        worst += [(path, *item) for item in found]
    assert not worst, worst[:10]
    recorder.assert_clean()


def test_no_request_even_for_external_content_links(tab, site):
    """Content links to http(s) sites are there, but nothing is fetched from them."""
    page, recorder = tab
    page.goto(url(site, "en/frameworks/ref__lusse.html"))
    page.wait_for_load_state()
    external = page.eval_on_selector_all("a.out", "links => links.map(a => a.href)")
    assert external and all(re.match(r"https?://", href) for href in external)
    recorder.assert_clean()


def test_a_result_whose_words_are_a_machine_translation_says_so_in_chromium(tab, site, library):
    """The script renders a result as the server renders the first page: the items whose French title or
    summary is a machine translation end their kind line with "(traduction automatique)", the others not."""
    page, recorder = tab
    search(page, site, "fr/catalog.html", "parents")
    shown = page.eval_on_selector_all(
        "#ob-results > li",
        "items => items.map(li => [li.querySelector('a').getAttribute('href'),"
        " li.querySelector('.meta .mt-mark') ? li.querySelector('.meta .mt-mark').textContent : null])",
    )
    assert shown
    records = (*library.resources(), *library.frameworks(), *library.assessments(), *library.findings())
    by_href = {expected_href(record): record for record in records}
    for href, mark in shown:
        record = by_href[href]
        machine = any(tr.language == "fr" and tr.method == "machine" for tr in record.provenance.translations)
        if not machine:
            assert mark is None, href
    assert any(mark == "(traduction automatique)" for _, mark in shown)
    recorder.assert_clean()
