"""The site right to left: a site asked for in Arabic (``export --to html --lang ar``) has Arabic pages
with ``dir="rtl"``, a mirrored layout (CSS logical properties only), number lines and charts kept left
to right, and numbers, ranges and codes isolated in ``<bdi>`` so that they keep their order among
Arabic words. The HTML is checked here without a browser; the layout in headless Chromium (skipped,
saying what to install, when Chromium or Playwright is missing).
"""

import itertools
import json
import re
from pathlib import Path

import pytest

from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.exporters.site.exporter import static_file
from ouderbetrokkenheid.reports.messages import RTL_LANGUAGES, direction
from tests.test_site_browser import CHROMIUM, PACKS, browser, library  # noqa: F401 - fixtures

QUICKSCAN = "quickscan/instrumenten__succesfactoren-scan-parents.html"
RESOURCE = "resources/ocb__boekje-bij-de-thee.html"
#: The pages every site language has, and a page of each kind a visitor reaches.
PAGES = (
    "index.html",
    "catalog.html",
    "evidence.html",
    "instruments.html",
    "results.html",
    QUICKSCAN,
    RESOURCE,
)


@pytest.fixture(scope="module")
def arabic(library, tmp_path_factory) -> Path:  # noqa: F811 - the fixture
    out = tmp_path_factory.mktemp("rtl") / "site"
    SiteExporter().export(library, out, {"lang": "ar"})
    return out


@pytest.fixture(scope="module")
def persian(library, tmp_path_factory) -> Path:  # noqa: F811 - the fixture
    """A right-to-left language no pack has a word of: every label falls back, marked ltr."""
    out = tmp_path_factory.mktemp("rtl-fa") / "site"
    SiteExporter().export(library, out, {"lang": "fa"})
    return out


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# --- the HTML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_arabic_pages_are_right_to_left_and_the_others_left_to_right(arabic, page):
    assert '<html lang="ar" dir="rtl">' in read(arabic, f"ar/{page}")
    for lang in ("nl", "fr", "en"):
        assert f'<html lang="{lang}" dir="ltr">' in read(arabic, f"{lang}/{page}")


def test_asking_for_arabic_opens_the_site_in_arabic(arabic):
    root = read(arabic, "index.html")
    assert '<html lang="ar" dir="rtl">' in root
    assert 'content="0; url=ar/index.html"' in root
    # the quickscan asks the parents in the instrument's (machine-translated) Arabic
    quickscan = read(arabic, f"ar/{QUICKSCAN}")
    assert "أشعر بالترحيب" in quickscan


def test_each_language_is_named_in_its_own_direction(arabic):
    """The language switch: العربية right to left on a Dutch page, Nederlands left to right on an
    Arabic one (each name isolated by its ``dir``)."""
    assert 'lang="ar" dir="rtl">العربية</a>' in read(arabic, "nl/index.html")
    assert 'lang="nl" dir="ltr">Nederlands</a>' in read(arabic, "ar/index.html")
    assert 'lang="ar" dir="rtl">العربية</a>' in read(arabic, "index.html")


def test_dutch_words_on_an_arabic_page_are_marked_left_to_right(arabic):
    """Words the site has no Arabic for yet come in Dutch, each marked as Dutch and left to right."""
    page = read(arabic, f"ar/{RESOURCE}")
    assert '<h1 lang="nl" dir="ltr">Boekje bij de thee</h1>' in page
    assert '<div lang="fr" dir="ltr" class="in-language">' in page


def test_ranges_licences_and_values_are_isolated_on_right_to_left_pages_only(arabic):
    evidence = read(arabic, "ar/evidence.html")
    assert "(<bdi>−0.20 – 0.00</bdi>)" in evidence  # a zone of Hattie's barometer in the legend
    assert "<bdi>0.40</bdi>" in evidence  # the hinge point
    assert ", <bdi>CC-BY-4.0</bdi></li>" in read(arabic, "ar/index.html")  # the footer's pack licences
    for lang in ("nl", "fr", "en"):
        assert "<bdi>" not in read(arabic, f"{lang}/evidence.html")
        assert "<bdi>" not in read(arabic, f"{lang}/index.html")


def test_a_title_in_another_direction_is_marked_in_the_results_page_menu(persian):
    options = re.findall(r"<option [^>]*>", read(persian, "fa/results.html"))
    assert options and all('lang="nl" dir="ltr"' in option for option in options)
    assert not any(
        "dir=" in option for option in re.findall(r"<option [^>]*>", read(persian, "nl/results.html"))
    )


@pytest.mark.parametrize("lang", ["ar", "fa", "tr"])
def test_report_words_a_catalogue_lacks_are_marked_as_dutch_left_to_right(lang):
    """A partial catalogue (Arabic, Turkish) gives the report's words it has not translated in Dutch:
    each such word is marked ``lang="nl"`` (and ``dir="ltr"`` on a right-to-left page), so that it is
    read, and laid out, as Dutch; the words it has are not marked. A language without a catalogue
    (Persian) gets every word in Dutch, marked."""
    from ouderbetrokkenheid.reports.markup import message
    from ouderbetrokkenheid.reports.messages import MESSAGES, message_language

    marker = '<span lang="nl" dir="ltr">' if direction(lang) == "rtl" else '<span lang="nl">'
    for key in MESSAGES:
        fields = dict.fromkeys(
            ("n", "version", "title", "bands", "groups", "first", "second", "label", "value", "group"), "x"
        )
        html = message(key, lang, **fields)
        if message_language(key, lang) == "nl":
            assert html.startswith(marker), (key, html)
        else:
            assert message_language(key, lang) == lang and not html.startswith("<span lang="), (key, html)
    if lang == "fa":
        assert {message_language(key, lang) for key in MESSAGES} == {"nl"}


def test_a_persian_page_is_right_to_left_too(persian):
    assert '<html lang="fa" dir="rtl">' in read(persian, "fa/index.html")
    assert direction("fa") == "rtl"


def test_the_right_to_left_languages_are_those_cldr_writes_in_a_right_to_left_script():
    """``RTL_LANGUAGES`` is every language whose likely script (CLDR's likely subtags, through
    langcodes) is written right to left, so that the reports' and the site's rule (shared with
    ob-report.js) says what ``model.direction`` says for any language; a script subtag decides
    before the language, in both."""
    import langcodes
    from langcodes.data_dicts import LIKELY_SUBTAGS  # only to list the languages CLDR knows

    from ouderbetrokkenheid.model import direction as by_script

    codes = sorted(tag for tag in LIKELY_SUBTAGS if "-" not in tag and tag != "und")
    right_to_left = {
        code for code in codes if langcodes.Language.get(code).maximize().script in by_script.RTL_SCRIPTS
    }
    assert right_to_left == RTL_LANGUAGES
    for code in codes:
        assert direction(code) == by_script.direction(code), code
        for script in ("Arab", "Latn", "Hebr", "Cyrl"):
            assert direction(f"{code}-{script}") == by_script.direction(f"{code}-{script}"), (code, script)


@pytest.mark.parametrize("name", ["site.css", "results.css"])
def test_the_styles_use_logical_properties_only(name):
    """No physical left or right in the site's styles: margins, paddings, positions, floats, borders
    and alignment follow the page's direction (``inline-start``, ``inline-end``, ``start``, ``end``)."""
    css = re.sub(r"/\*.*?\*/", "", static_file(name).decode("utf-8"), flags=re.DOTALL)
    physical = re.findall(
        r"(?:^|[;{\s])((?:margin|padding|border)-(?:left|right)[\w-]*|left|right|float:\s*(?:left|right)"
        r"|text-align:\s*(?:left|right)|clear:\s*(?:left|right))\s*:",
        css,
    )
    physical += re.findall(r"(float|text-align|clear):\s*(left|right)", css)
    # a four-value margin or padding whose right and left differ ("0 0 .3rem 1.25rem")
    physical += [
        found.group(0)
        for found in re.finditer(
            r"\b(?:margin|padding):\s*([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)", css
        )
        if found.group(2) != found.group(4)
    ]
    assert not physical, f"{name}: physical properties {physical}"


def test_the_fonts_include_arabic_system_fonts_and_nothing_to_download():
    css = static_file("site.css").decode("utf-8")
    assert '"Noto Sans Arabic"' in css and "Tahoma" in css
    assert "@font-face" not in css and "url(" not in css.replace('url("data:', "")


# --- in Chromium -------------------------------------------------------------------------------------

#: The geometry the checks read: the page's direction, where its parts are, and the visual order of
#: the characters of an isolated number.
MEASURE = """(sel) => {
  const box = (el) => el.getBoundingClientRect();
  const main = document.querySelector('main');
  const pad = parseFloat(getComputedStyle(main).paddingInlineStart);
  const order = (el) => {
    if (!el) { return null; }
    const text = el.firstChild, xs = [];
    for (let i = 0; i < text.length; i++) {
      const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
      xs.push(r.getBoundingClientRect().x);
    }
    return xs.every((x, i) => i === 0 || x > xs[i - 1]);  // left to right as written
  };
  const h1 = document.querySelector('main h1');
  const kicker = document.querySelector('.kicker');
  const svg = document.querySelector(sel.svg);
  return {
    direction: getComputedStyle(document.body).direction,
    textAlign: getComputedStyle(main).textAlign,
    h1Right: box(h1).right, h1Left: box(h1).left,
    mainLeft: box(main).left + pad, mainRight: box(main).right - pad,
    kickerSpacing: kicker ? getComputedStyle(kicker).letterSpacing : null,
    svgDirection: svg ? getComputedStyle(svg).direction : null,
    isolated: order(document.querySelector(sel.isolated)),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}"""


def measure(page, svg: str = "svg.scale", isolated: str = "bdi") -> dict:
    return page.evaluate(MEASURE, {"svg": svg, "isolated": isolated})


@pytest.fixture
def tab(browser):  # noqa: F811 - the fixture
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_arabic_pages_are_mirrored_in_chromium(arabic, tab, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto((arabic / "ar" / "index.html").as_uri())
    found = measure(tab)
    assert found["direction"] == "rtl" and found["textAlign"] == "start"
    assert abs(found["h1Right"] - found["mainRight"]) < 2  # the heading starts on the right
    assert found["overflow"] <= 0
    # the skip link, once focused, appears at the top right: where an Arabic page starts
    tab.keyboard.press("Tab")
    skip = tab.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return {cls: document.activeElement.className, left: r.left, right: r.right}; })()"
    )
    assert skip["cls"] == "skip"
    assert width - skip["right"] < 20 and skip["left"] > width / 3
    tab.goto((arabic / "nl" / "index.html").as_uri())
    dutch = measure(tab)
    assert dutch["direction"] == "ltr" and abs(dutch["h1Left"] - dutch["mainLeft"]) < 2
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getBoundingClientRect().left") < 20


@pytest.mark.browser
def test_arabic_quickscan_reads_from_the_right_in_chromium(arabic, tab):
    tab.goto((arabic / "ar" / QUICKSCAN).as_uri())
    found = tab.evaluate(
        """() => {
        const item = document.querySelector('fieldset.item');
        const legend = item.querySelector('legend'), options = item.querySelectorAll('label.option');
        const pad = parseFloat(getComputedStyle(item).paddingRight) + parseFloat(getComputedStyle(item).borderRightWidth);
        return {legendRight: legend.getBoundingClientRect().right, itemRight: item.getBoundingClientRect().right - pad,
                first: options[0].getBoundingClientRect().left, second: options[1].getBoundingClientRect().left,
                kicker: getComputedStyle(document.querySelector('.kicker')).letterSpacing};
    }"""
    )
    assert abs(found["legendRight"] - found["itemRight"]) < 2  # the question starts on the right
    assert found["first"] > found["second"]  # the first answer is the rightmost: read from the right
    assert found["kicker"] in {"normal", "0px"}  # letters spaced apart would break Arabic joins


@pytest.mark.browser
def test_number_lines_keep_their_order_and_ranges_are_isolated_in_chromium(arabic, tab):
    """An effect size's scale runs from left to right on an Arabic page too (its numbers are written
    left to right in Arabic as well, and its labels are placed for that direction); a range in the
    legend reads "−0.20 – 0.00", not reversed."""
    tab.goto((arabic / "ar" / "evidence.html").as_uri())
    found = measure(tab, isolated="ul.legend bdi")
    assert found["direction"] == "rtl" and found["svgDirection"] == "ltr"
    assert found["isolated"] is True
    # the scale's lowest tick, "−0.2", is drawn with its sign before its digits, leftmost
    tick = measure(tab, isolated="svg.scale text.tick-label")
    assert tick["isolated"] is True
    ticks = tab.eval_on_selector_all(
        "svg.scale text.tick-label", "ts => ts.slice(0, 2).map(t => t.getBoundingClientRect().x)"
    )
    assert ticks[0] < ticks[1]


@pytest.mark.browser
def test_arabic_report_in_the_results_page_keeps_its_charts_left_to_right_in_chromium(
    arabic,
    library,  # noqa: F811 - the fixture
    tab,
    tmp_path,
):
    """The report drawn in the page: right to left, its numbers isolated, its charts left to right
    (as ``report --to html`` draws them); a chart inheriting rtl puts every label on the wrong side."""
    instrument = "instrumenten/succesfactoren-scan"
    assessment = library.get(instrument)
    responses = [
        {
            "assessment": instrument,
            "version": assessment.version,
            "group": group,
            "respondent": f"{group}-{n}",
            "answers": {
                item.link_id: str(1 + (n + index) % 4) for index, item in enumerate(assessment.items())
            },
        }
        for group in ("team", "parents")
        for n in range(5)
    ]
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(responses), encoding="utf-8")
    tab.goto((arabic / "ar" / "results.html").as_uri())
    instruments = tab.eval_on_selector_all("#ob-instrument option", "os => os.map(o => o.dataset.instrument)")
    tab.select_option("#ob-instrument", index=instruments.index(instrument))
    tab.set_input_files("#ob-files", [str(answers)])
    tab.wait_for_selector("#ob-report:not([hidden])")
    found = measure(tab, svg=".report figure svg", isolated=".report td.num bdi")
    assert found["direction"] == "rtl" and found["svgDirection"] == "ltr"
    assert found["isolated"] is True
    assert found["overflow"] <= 0
    labels = tab.evaluate(
        """() => [...document.querySelectorAll('#ob-report figure svg text[text-anchor=end]')].slice(0, 3)
               .map(t => [t.getBoundingClientRect().right, Number(t.getAttribute('x'))])"""
    )
    # a label anchored at its end ends where the chart says (it would start there if rtl applied)
    svg_box = tab.evaluate("document.querySelector('#ob-report figure svg').getBoundingClientRect().toJSON()")
    scale = svg_box["width"] / 760
    assert labels and all(abs(right - (svg_box["x"] + x * scale)) < 3 for right, x in labels)


@pytest.mark.browser
def test_arabic_quickscan_scores_read_in_order_in_chromium(arabic, tab):
    """The scores the quickscan shows on an Arabic page: digits 0-9 as everywhere on the site (not the
    browser's default ٠-٩ for Arabic), and "47 / 100" isolated: one unit, not two numbers in reverse."""
    tab.goto((arabic / "ar" / QUICKSCAN).as_uri())
    for name in tab.eval_on_selector_all("fieldset.item", "items => items.map(i => i.id.slice(2))"):
        tab.locator(f'input[name="{name}"]').nth(1).check()
    tab.locator("#ob-qs-finish").click()
    assert tab.locator("#ob-qs-results").is_visible()
    found = measure(tab, isolated="#ob-qs-scores bdi")
    assert found["isolated"] is True and found["overflow"] <= 0
    scores = tab.eval_on_selector_all("#ob-qs-scores bdi", "bs => bs.map(b => b.textContent)")
    assert scores and all(re.fullmatch(r"\d{1,3} / 100", score) for score in scores), scores


def test_the_direction_examples():
    import doctest

    from ouderbetrokkenheid.reports import messages

    outcome = doctest.testmod(messages)
    assert outcome.attempted > 0 and outcome.failed == 0


@pytest.mark.browser
def test_dutch_text_on_an_arabic_page_reads_left_to_right_in_chromium(arabic, tab):
    """A paragraph in Dutch (a pack's content, words a partial catalogue lacks) is laid out by its own
    letters: 'Ook: Wederkerige communicatie' keeps its colon after 'Ook' (it read ':Ook' on the right)."""
    tab.goto((arabic / "ar" / "index.html").as_uri())
    found = tab.evaluate(
        """() => {
        const p = [...document.querySelectorAll('p.muted')].find(e => e.textContent.startsWith('Ook'));
        const spans = p.querySelectorAll('span');
        return {ook: spans[0].getBoundingClientRect().left, rest: spans[1].getBoundingClientRect().left,
                arabic: getComputedStyle(document.querySelector('h1')).direction};
    }"""
    )
    assert found["ook"] < found["rest"]  # 'Ook' first, from the left, then the colon and the rest
    assert found["arabic"] == "rtl"


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_an_inline_list_item_in_the_other_direction_is_never_split_beside_the_next_in_chromium(
    arabic, tab, width
):
    """The translations of a record (Dutch on an Arabic page: 'Frans: automatische vertaling, door
    ouderbetrokkenheid project · Engels: ...') wrapped at 360 px with the end of the first item placed
    beside the start of the second ('· Engels:ouderbetrokkenheid project'). Each item is now one box
    that wraps inside itself, and the next item starts below it or after its end."""
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto((arabic / "ar" / RESOURCE).as_uri())
    items = tab.evaluate(
        """() => [...document.querySelectorAll('ul.inline > li')].map(li => {
        const r = li.getBoundingClientRect();
        return {rects: li.getClientRects().length, top: r.top, bottom: r.bottom, left: r.left, right: r.right};
    })"""
    )
    assert len(items) >= 2
    assert all(item["rects"] == 1 for item in items), items  # one box each: not split over lines
    for one, other in itertools.pairwise(items):
        side_by_side = other["top"] < one["bottom"] - 1
        # on one line only where neither box overlaps the other (a right-to-left page: the next is left)
        assert not side_by_side or other["right"] <= one["left"] + 1 or other["left"] >= one["right"] - 1
