"""Parents' home languages on the forms: the example instruments' parents' wording in Arabic, Turkish,
Polish, Romanian, Spanish, Portuguese and Ukrainian (machine translations by this project), the notice
that says so on every form in such a language, the writing direction taken from the language's script,
and right-to-left paper forms and reports, checked in headless Chromium when it is installed."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.i18n import words
from ouderbetrokkenheid.model import DimensionScore, Gap, GroupResult, Result
from ouderbetrokkenheid.model.direction import RTL_SCRIPTS, direction, script
from ouderbetrokkenheid.reports import render_html, render_paper_form
from ouderbetrokkenheid.reports.markup import esc
from ouderbetrokkenheid.reports.paper import MACHINE_TRANSLATION_NOTICE, machine_translated, notice_text

HOME_LANGUAGES = ("ar", "tr", "pl", "ro", "es", "pt", "uk")
NNPS = "instrumenten/partnerschapsmeting"
LUSSE = "instrumenten/succesfactoren-scan"
PACK_MODULES = (
    "ouderbetrokkenheid_instrumenten",
    "ouderbetrokkenheid_referentie",
    "ouderbetrokkenheid_ocb",
    "ouderbetrokkenheid_vcov",
)
CHROMIUM = Path(os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium"))
#: CSS that names a physical side: a right-to-left page would not mirror it.
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b|text-align:\s*(?:left|right)|float:\s*(?:left|right)"
)


@pytest.fixture(scope="module")
def library() -> ob.Library:
    return ob.Library.discover([Path(str(files(module) / "pack")) for module in PACK_MODULES], plugins=False)


def form(library: ob.Library, record: str, lang: str, **kwargs: object) -> str:
    return render_paper_form(library.get(record), "parents", lang=lang, default="nl", **kwargs)


def style(document: str) -> str:
    found = re.search(r"<style>(.*?)</style>", document, re.S)
    assert found is not None
    return found.group(1)


# --- direction -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "rtl"),
        ("ary-MA", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("ckb", "rtl"),
        ("he", "rtl"),
        ("yi", "rtl"),
        ("dv", "rtl"),
        ("syr", "rtl"),
        ("uz-Arab", "rtl"),
        ("nl", "ltr"),
        ("nl-BE", "ltr"),
        ("tr", "ltr"),
        ("uk", "ltr"),
        ("zgh", "ltr"),
        ("ar-Latn", "ltr"),
        ("", "ltr"),
        (None, "ltr"),
    ],
)
def test_direction_follows_the_script_of_the_language(tag, expected):
    assert direction(tag) == expected


def test_the_script_comes_from_the_tag_or_the_likely_subtags():
    assert script("dv") == "Thaa"
    assert script("sr-Cyrl-RS") == "Cyrl"
    assert script("ar") in RTL_SCRIPTS
    assert script("x") is None  # not a language tag


def test_the_direction_module_examples():
    import doctest

    from ouderbetrokkenheid.model import direction as module

    outcome = doctest.testmod(module)
    assert outcome.attempted > 0 and outcome.failed == 0


def test_importing_the_direction_module_does_not_import_langcodes():
    code = "import sys, ouderbetrokkenheid.model.direction as d; print('langcodes' in sys.modules, d.direction('ar'), 'langcodes' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "rtl", "True"]


# --- the notice ----------------------------------------------------------------------------------------


def notice_of(lang: str, kind: str = "this") -> str:
    """The notice *kind* as the catalogue of *lang* has it (KeyError when it has not)."""
    text, found = words(lang).lookup(MACHINE_TRANSLATION_NOTICE[kind])
    if found != lang:
        raise KeyError(f"{kind} not in {lang}")
    return text


def test_the_notice_is_written_in_every_home_language_and_keeps_its_placeholder():
    texts = {lang: notice_of(lang) for lang in ("nl", "fr", "en", *HOME_LANGUAGES)}
    assert len(set(texts.values())) == len(texts)
    assert all("ouderbetrokkenheid" in text for text in texts.values())
    assert all(notice_of(lang, "correction_url").count("{url}") == 1 for lang in texts)


def test_notice_text_falls_back_to_dutch_and_names_no_place_it_was_not_given():
    assert notice_text("ar")[0] == "ar"
    assert notice_text("ar-MA")[0] == "ar"
    lang, text = notice_text("de")
    assert lang == "nl" and text == notice_of("nl")  # the catalogue's last resort, and it says which
    assert "http" not in "".join(notice_of(lang) for lang in ("nl", "fr", "en", *HOME_LANGUAGES))
    assert notice_text("pl", url="https://example.org/x")[1].endswith("https://example.org/x")


def test_machine_translated_reads_the_provenance(library):
    nnps, lusse = library.get(NNPS), library.get(LUSSE)
    for lang in HOME_LANGUAGES:
        assert machine_translated(nnps, lang) and machine_translated(lusse, lang)
    assert machine_translated(nnps, "ar-MA")
    assert not machine_translated(nnps, "en")  # the source language
    assert machine_translated(nnps, "nl")
    assert not machine_translated(lusse, "nl")
    assert not machine_translated(nnps, "de")


# --- paper forms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("record", [NNPS, LUSSE])
@pytest.mark.parametrize("lang", HOME_LANGUAGES)
def test_paper_form_in_a_home_language(library, record, lang):
    assessment = library.get(record)
    document = form(library, record, lang)
    assert f'<html lang="{lang}" dir="{direction(lang)}">' in document
    # the notice, in the form's language, before the questions
    notice = re.search(r'<aside class="machine-translation" role="note">(.*?)</aside>', document, re.S)
    assert notice is not None
    assert esc(notice_of(lang)) in notice.group(1)
    assert esc(notice_of("nl")) in notice.group(1)  # the Dutch beside it, for a teacher
    assert document.index("machine-translation") < document.index("<table")
    # the parents' wording, the options and the title in that language, not marked as another language
    for item in assessment.items():
        assert f'<td class="statement">{esc(item.text["parents"][lang])}' in document
    for option in assessment.scales[0].options:
        assert esc(option.label[lang]) in document
    assert f"<h1>{esc(assessment.title[lang])}</h1>" in document


def test_paper_form_notice_only_where_the_language_is_a_machine_translation(library):
    notice = 'class="machine-translation"'
    assert notice not in form(library, NNPS, "en")  # English is the source
    assert notice in form(library, NNPS, "nl")  # Dutch is machine-translated ...
    assert notice not in form(library, LUSSE, "nl")  # ... but the source here
    assert notice not in form(library, LUSSE, "de")  # no German at all: Dutch shown, no notice
    assert notice not in render_paper_form(library.get(NNPS), "team", lang="en")


def test_paper_form_links_a_given_correction_url_and_never_an_unsafe_one(library):
    document = form(library, NNPS, "tr", correction_url="https://example.org/issues")
    assert '<a href="https://example.org/issues"><bdi>https://example.org/issues</bdi></a>' in document
    unsafe = form(library, NNPS, "tr", correction_url="javascript:alert(1)")
    assert "javascript" not in unsafe
    assert notice_of("tr") in unsafe


def test_arabic_paper_form_isolates_codes_and_numbers(library):
    document = form(library, NNPS, "ar")
    assert "<bdi>instrumenten/partnerschapsmeting</bdi>" in document
    assert '<span class="code"><bdi>t1_huisbezoek</bdi></span>' in document
    assert '<th scope="row" class="nr"><bdi>1</bdi></th>' in document
    # on a left-to-right page nothing is wrapped
    assert "<bdi>" not in form(library, NNPS, "tr")


def test_paper_form_and_report_css_use_logical_sides_only(library):
    assert PHYSICAL.findall(style(form(library, NNPS, "ar"))) == []
    assert PHYSICAL.findall(style(report(library, "ar"))) == []


# --- reports -------------------------------------------------------------------------------------------


def report(library: ob.Library, lang: str) -> str:
    assessment = library.get(NNPS)
    dims = [d.id for d in assessment.dimensions]
    groups = tuple(
        GroupResult(
            group=group,
            respondents=respondents,
            suppressed=False,
            dimensions=tuple(
                DimensionScore(
                    dimension=dim,
                    answers=20,
                    mean=base + i / 10,
                    score=(base + i / 10 - 1) / 4 * 100,
                    band="sterk" if base + i / 10 >= 4 else "verbetering_nodig",
                )
                for i, dim in enumerate(dims)
            ),
        )
        for group, respondents, base in (("team", 9, 3.6), ("parents", 14, 2.4))
    )
    gaps = (
        Gap(
            dimension=dims[0],
            first="team",
            second="parents",
            difference=30.0,
            items=(),
        ),
    )
    result = Result(assessment=NNPS, version="1.0", min_group_size=5, groups=groups, gaps=gaps)
    return render_html(result, assessment, lang=lang, library=library, default="en")


def test_arabic_report_is_right_to_left_with_isolated_numbers_and_left_to_right_charts(library):
    document = report(library, "ar")
    assert '<html lang="ar" dir="rtl">' in document
    assert "<bdi>instrumenten/partnerschapsmeting</bdi>" in document
    assert "<bdi>+30.0</bdi>" in document
    assert "direction: ltr" in style(document)
    # a label that falls back to English is marked as English, left to right
    assert '<span lang="en" dir="ltr">School team</span>' in document
    dutch = report(library, "nl")
    assert '<html lang="nl" dir="ltr">' in dutch and "<bdi>" not in dutch


# --- in a browser --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` to run the layout checks")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright not installed: `pip install playwright` (it uses the system Chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
        )
        yield browser.new_page()
        browser.close()


def boxes(page, html: str, width: int) -> dict[str, float]:
    page.set_viewport_size({"width": width, "height": 800})
    page.set_content(html)
    return page.evaluate(
        """() => {
        const row = document.querySelector('tbody tr');
        const x = (sel) => row.querySelector(sel).getBoundingClientRect().x;
        return {nr: x('th.nr'), statement: x('td.statement'), option: x('td.opt'),
                na: x('td.na'), overflow: document.documentElement.scrollWidth - window.innerWidth,
                notice: document.querySelector('.machine-translation') ?
                        getComputedStyle(document.querySelector('.machine-translation')).direction : null};
    }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_arabic_paper_form_is_mirrored_in_chromium(library, page, width):
    arabic = boxes(page, form(library, NNPS, "ar"), width)
    assert arabic["nr"] > arabic["statement"] > arabic["option"] > arabic["na"]  # right to left
    assert arabic["overflow"] <= 0
    assert arabic["notice"] == "rtl"
    dutch = boxes(page, form(library, NNPS, "nl"), width)
    assert dutch["nr"] < dutch["statement"] < dutch["option"] < dutch["na"]  # left to right
    assert dutch["overflow"] <= 0


@pytest.mark.browser
def test_arabic_report_keeps_the_charts_left_to_right_in_chromium(library, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.set_content(report(library, "ar"))
    found = page.evaluate(
        """() => ({page: getComputedStyle(document.body).direction,
                  chart: getComputedStyle(document.querySelector('figure svg')).direction,
                  heading: document.querySelector('h2').getBoundingClientRect().right,
                  main: document.querySelector('main').getBoundingClientRect().right})"""
    )
    assert found["page"] == "rtl" and found["chart"] == "ltr"
    assert found["main"] - found["heading"] < 40  # headings start on the right


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "fr", "ar"])
def test_forms_and_reports_fit_a_phone_without_sideways_scrolling(library, page, lang):
    page.set_viewport_size({"width": 360, "height": 800})
    for document in (form(library, NNPS, lang), report(library, lang)):
        page.set_content(document)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
