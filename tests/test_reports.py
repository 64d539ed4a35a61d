"""Reports (Markdown, HTML with SVG charts), paper forms and their command line, on hand-made results
for the example assessment ``voorbeeld/mini-scan``."""

import argparse
import functools
import json
import re
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid import urls
from ouderbetrokkenheid.cli import _common
from ouderbetrokkenheid.cli import report as report_cli
from ouderbetrokkenheid.cli.commands import Output
from ouderbetrokkenheid.i18n import words
from ouderbetrokkenheid.model import (
    Agent,
    ContentPack,
    DimensionScore,
    Gap,
    GroupResult,
    ItemGap,
    Link,
    LocalizedText,
    PackManifest,
    Provenance,
    Resource,
    Result,
)
from ouderbetrokkenheid.reports import render_html, render_markdown, render_paper_form
from ouderbetrokkenheid.reports.markdown import escape as md_escape
from ouderbetrokkenheid.reports.messages import LANGUAGES, MESSAGES, format_number, message, ui_language
from ouderbetrokkenheid.reports.view import safe_url
from ouderbetrokkenheid.testing import strategies

from .conftest import EXAMPLE_PACK

ASSESSMENT_ID = "voorbeeld/mini-scan"


@functools.cache
def example_assessment():
    return ob.Library.discover([EXAMPLE_PACK], plugins=False).get(ASSESSMENT_ID)


@pytest.fixture(scope="module")
def library():
    return ob.Library.discover([EXAMPLE_PACK], plugins=False)


@pytest.fixture(scope="module")
def assessment(library):
    return library.get(ASSESSMENT_ID)


def make_result(*, parents_suppressed=False, parents_respondents=12, parents_dimensions=None, gaps=None):
    """Team 8 respondents (mean 3.5, score 83.3, strong); parents 12 (mean 2.2, score 40, needs work)."""
    team = GroupResult(
        group="team",
        respondents=8,
        suppressed=False,
        dimensions=(DimensionScore(dimension="ontmoeten", answers=16, mean=3.5, score=83.3, band="sterk"),),
    )
    if parents_dimensions is None:
        parents_dimensions = (
            DimensionScore(dimension="ontmoeten", answers=23, mean=2.2, score=40.0, band="werkpunt"),
        )
    parents = GroupResult(
        group="parents",
        respondents=parents_respondents,
        suppressed=parents_suppressed,
        dimensions=parents_dimensions,
    )
    if gaps is None:
        gaps = (
            Gap(
                dimension="ontmoeten",
                first="team",
                second="parents",
                difference=43.3,
                items=(
                    ItemGap(link_id="welkom", difference=50.0),
                    ItemGap(link_id="drempel", difference=-36.7),
                ),
            ),
        )
    return Result(
        assessment=ASSESSMENT_ID,
        version="1.0",
        min_group_size=5,
        groups=(team, parents),
        gaps=gaps,
        recommendations={"ontmoeten": ("voorbeeld/oudercafe",)},
    )


# What each language must show for make_result(): labels from the pack, headings from the catalogue,
# numbers with the language's decimal separator.
EXPECTED = {
    "nl": [
        "Mini-quickscan (voorbeeld)",
        "Respondenten",
        "Score per dimensie",
        "Schoolteam",
        "Ouders",
        "Ontmoeten",
        "3,50",
        "83,3",
        "2,20",
        "40,0",
        "Sterk",
        "Werkpunt",
        "+43,3",
        "Wij zorgen dat ouders zich welkom voelen.",
        "+50,0",
        "−36,7",
        "Sterke punten",
        "Werkpunten",
        "Aanbevelingen",
        "Voorbeeld van een oudercafé",
    ],
    "fr": [
        "Mini-quickscan (exemple)",
        "Répondants",
        "Score par dimension",
        "Équipe éducative",
        "Parents",
        "Se rencontrer",
        "3,50",
        "83,3",
        "40,0",
        "Fort",
        "À améliorer",
        "+43,3",
        "Nous veillons à ce que les parents se sentent bienvenus.",
        "Points forts",
        "Points à améliorer",
        "Recommandations",
        "Exemple d'un café des parents",
    ],
    "en": [
        "Mini quickscan (example)",
        "Respondents",
        "Score per dimension",
        "School team",
        "Parents",
        "Meeting",
        "3.50",
        "83.3",
        "2.20",
        "40.0",
        "Strong",
        "Needs work",
        "+43.3",
        "We make sure parents feel welcome.",
        "−36.7",
        "Strong points",
        "Points to work on",
        "Recommendations",
        "Example of a parents' café",
    ],
}


def html_text(document: str) -> str:
    """The text of an HTML document, entities decoded (what a reader sees)."""
    parser = Checker()
    parser.feed(document)
    parser.close()
    return " ".join(" ".join(parser.text).split())


# -- the HTML checker -------------------------------------------------------------------------------
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    """Checks that tags balance and collects what the tests look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.svgs = []
        self.svg_titles = 0
        self.headings = []
        self.hrefs = []
        self.tags = []
        self.html_lang = None
        self.text = []
        self.langs = []  # [tag, lang, text inside] for every element below <html> with a lang
        self._open = []  # per open element: its index in self.langs, or None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "svg":
            self.svgs.append(attributes)
        if tag == "title" and self.stack and self.stack[-1] == "svg":
            self.svg_titles += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag not in VOID:
            self.stack.append(tag)
            index = None
            if attributes.get("lang") and tag != "html":
                index = len(self.langs)
                self.langs.append([tag, attributes["lang"], ""])
            self._open.append(index)

    def handle_startendtag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "href" in attributes:
            self.hrefs.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        self._open.pop()

    def handle_data(self, data):
        if "style" in self.stack or "title" in self.stack:
            return
        self.text.append(data)
        inner = next((i for i in reversed(self._open) if i is not None), None)
        if inner is not None:
            self.langs[inner][2] += data


def check_html(document: str) -> Checker:
    """Parse *document*; assert it is one balanced, self-contained, accessible HTML5 page."""
    assert document.startswith("<!DOCTYPE html>\n")
    checker = Checker()
    checker.feed(document)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert checker.html_lang
    tags = [tag for tag, _ in checker.tags]
    for landmark in ("header", "main", "footer"):
        assert tags.count(landmark) == 1
    assert checker.headings[0] == 1
    assert checker.headings.count(1) == 1
    for before, after in zip(checker.headings, checker.headings[1:], strict=False):
        assert after <= before + 1, f"heading h{after} after h{before}"
    for svg in checker.svgs:
        assert svg.get("role") == "img"
        assert svg.get("aria-label")
    assert checker.svg_titles == len(checker.svgs)
    # Self-contained: nothing is fetched, nothing runs.
    lowered = document.lower()
    assert "<script" not in lowered
    assert "<link" not in lowered
    assert "@import" not in lowered
    assert not any("src" in attributes for _, attributes in checker.tags)
    assert re.findall(r"url\((?!#)", document) == []
    assert all(re.match(r"(https?://|mailto:)", href) for href in checker.hrefs)
    return checker


# -- content in three languages ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_markdown_shows_numbers_and_labels(assessment, library, lang):
    text = render_markdown(make_result(), assessment, lang=lang, library=library)
    for expected in EXPECTED[lang]:
        assert expected in text, expected
    assert text.startswith(f"# {EXPECTED[lang][0]}\n")
    # The table per dimension: the team's row, in order.
    number = {"en": "3.50 | 83.3"}.get(lang, "3,50 | 83,3")
    team = {"nl": "Schoolteam", "fr": "Équipe éducative", "en": "School team"}[lang]
    strong = {"nl": "Sterk", "fr": "Fort", "en": "Strong"}[lang]
    assert f"| {team} | {number} | {strong} | 16 |" in text
    assert "| 8 |" in text
    assert "| 12 |" in text
    assert re.search(r"\(75–100\)\.$", text, re.MULTILINE)  # our own words are not escaped
    assert "\\" not in text  # nothing in the example needs escaping


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_html_shows_numbers_and_labels(assessment, library, lang):
    document = render_html(make_result(), assessment, lang=lang, library=library)
    check_html(document)
    assert f'<html lang="{lang}" dir="ltr">' in document
    seen = html_text(document)
    for expected in EXPECTED[lang]:
        assert expected in seen, expected
    # Two charts: the bars and the gap; each bar carries its number.
    assert document.count("<svg ") == 2
    assert ">83,3</text>" in document or ">83.3</text>" in document
    # No label falls back: nothing is marked with another language.
    assert ' lang="' not in document.split("<body>", 1)[1]


def test_strong_and_work_points_follow_the_bands(assessment):
    text = render_markdown(make_result(), assessment, lang="en")
    strengths = text.split("## Strong points", 1)[1].split("## Points to work on", 1)
    assert "- Meeting — School team: Strong (83.3)" in strengths[0]
    assert "- Meeting — Parents: Needs work (40.0)" in strengths[1].split("##", 1)[0]
    assert "Parents" not in strengths[0]


def test_gap_lists_items_in_the_first_groups_wording(assessment):
    result = make_result(
        gaps=(
            Gap(
                dimension="ontmoeten",
                first="parents",
                second="team",
                difference=-43.3,
                items=(ItemGap(link_id="drempel", difference=-36.7), ItemGap(link_id="welkom", difference=0)),
            ),
        )
    )
    text = render_markdown(result, assessment, lang="nl")
    gaps = text.split("## Verschil in beleving", 1)[1].split("## Sterke punten", 1)[0]
    assert "### Ontmoeten: Ouders − Schoolteam: −43,3" in gaps
    assert "- Ik vind het moeilijk om de school binnen te stappen. (−36,7)" in gaps
    assert "welkom" not in gaps.lower()  # a zero difference is not a difference
    assert "Ouders vinden" not in gaps  # the team's wording is not the first group's


def test_recommendations_without_library_show_ids(assessment):
    text = render_markdown(make_result(), assessment, lang="en")
    assert "- voorbeeld/oudercafe" in text
    document = render_html(make_result(), assessment, lang="en")
    assert "<li>voorbeeld/oudercafe</li>" in document


def test_label_missing_in_language_falls_back_and_is_marked(assessment):
    document = render_html(make_result(), assessment, lang="de")
    checker = check_html(document)
    assert checker.html_lang == "de"
    assert '<h1><span lang="nl">Mini-quickscan (voorbeeld)</span></h1>' in document
    assert '<span lang="nl">Score per dimensie</span>' in document  # the catalogue falls back to Dutch
    assert ">83,3</text>" in document  # German writes a decimal comma too


def test_band_interpretations_are_explained(assessment):
    bands = (
        attrs.evolve(
            assessment.bands[0], interpretation=LocalizedText({"en": "Start here.", "nl": "Begin hier."})
        ),
        *assessment.bands[1:],
    )
    changed = attrs.evolve(assessment, bands=bands)
    assert "- Needs work: Start here." in render_markdown(make_result(), changed, lang="en")
    document = render_html(make_result(), changed, lang="fr")
    check_html(document)
    assert '<dt>À améliorer</dt><dd><span lang="nl">Begin hier.</span></dd>' in document


def test_empty_result_says_so(assessment):
    result = Result(assessment=ASSESSMENT_ID, version="1.0", min_group_size=5)
    text = render_markdown(result, assessment, lang="en")
    assert "There are no scores to show." in text
    assert "There are no differences between groups to show." in text
    assert "There are no recommendations." in text
    document = render_html(result, assessment, lang="en")
    check_html(document)
    assert "<svg" not in document


def test_group_without_answers(assessment):
    result = make_result(parents_dimensions=(DimensionScore(dimension="ontmoeten", answers=0),), gaps=())
    text = render_markdown(result, assessment, lang="en")
    assert "| Parents | — | — | no answers | 0 |" in text
    check_html(render_html(result, assessment, lang="en"))


# -- privacy -----------------------------------------------------------------------------------------
def suppressed_variants():
    """Results that differ only in what the suppressed parents' group holds."""
    secret = (DimensionScore(dimension="ontmoeten", answers=37, mean=3.777, score=92.59, band="sterk"),)
    secret_gap = (
        Gap(
            dimension="ontmoeten",
            first="parents",
            second="team",
            difference=41.7,
            items=(ItemGap(link_id="welkom", difference=33.9),),
        ),
        Gap(
            dimension="ontmoeten",
            first="team",
            second="parents",
            difference=-41.7,
            items=(ItemGap(link_id="drempel", difference=-33.9),),
        ),
    )
    return [
        make_result(parents_suppressed=True, parents_respondents=4, parents_dimensions=(), gaps=()),
        make_result(
            parents_suppressed=True, parents_respondents=3, parents_dimensions=secret, gaps=secret_gap
        ),
        # Not marked suppressed but below the minimum: suppressed all the same.
        make_result(
            parents_suppressed=False, parents_respondents=2, parents_dimensions=secret, gaps=secret_gap
        ),
    ]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_suppressed_groups_numbers_never_appear(assessment, library, render, lang):
    outputs = [render(result, assessment, lang=lang, library=library) for result in suppressed_variants()]
    assert outputs[0] == outputs[1] == outputs[2]  # nothing of the suppressed group leaks
    text = outputs[1]
    for secret in ("37", "3,78", "3.78", "92,6", "92.6", "41,7", "41.7", "33,9", "33.9"):
        assert secret not in text
    shown = html_text(text) if render is render_html else text
    suppressed = {
        "nl": "minder dan 5 respondenten — niet getoond",
        "fr": "moins de 5 répondants — non affiché",
        "en": "fewer than 5 respondents — not shown",
    }[lang]
    assert suppressed in shown
    assert ("Ouders" if lang == "nl" else "Parents") in shown  # named, not shown


def test_a_result_cannot_lower_the_assessments_minimum(assessment):
    result = attrs.evolve(
        make_result(parents_respondents=3, gaps=()), min_group_size=1
    )  # mini-scan's minimum is 5
    text = render_markdown(result, assessment, lang="en")
    assert "| Parents | fewer than 5 respondents — not shown |" in text
    assert "40.0" not in text


def test_suppressed_group_row_has_no_count(assessment):
    text = render_markdown(suppressed_variants()[1], assessment, lang="en")
    assert "| Parents | fewer than 5 respondents — not shown |" in text
    assert "| School team | 8 |" in text


@given(
    respondents=st.integers(0, 4),
    score=st.floats(0, 100),
    answers=st.integers(0, 500),
    difference=st.floats(-100, 100),
)
def test_suppressed_output_does_not_depend_on_the_hidden_numbers(respondents, score, answers, difference):
    assessment = example_assessment()
    hidden = make_result(
        parents_suppressed=respondents % 2 == 0,
        parents_respondents=respondents,
        parents_dimensions=(DimensionScore(dimension="ontmoeten", answers=answers, mean=2.0, score=score),),
        gaps=(Gap(dimension="ontmoeten", first="team", second="parents", difference=difference),),
    )
    baseline = make_result(parents_suppressed=True, parents_respondents=0, parents_dimensions=(), gaps=())
    for render in (render_markdown, render_html):
        assert render(hidden, assessment, lang="nl") == render(baseline, assessment, lang="nl")


# -- escaping and links ------------------------------------------------------------------------------
NASTY = '<script>alert("x")</script> & "quoted" | *bold* [x](javascript:alert(1))'


def nasty_library():
    manifest = PackManifest(
        name="boos",
        version="1.0.0",
        title=LocalizedText({"en": "Nasty"}),
        publisher=Agent(name="tests"),
        licence="CC0-1.0",
        languages=("en",),
    )
    provenance = Provenance(source="tests", status="example-authored-here")
    resources = (
        Resource(
            id="boos/evil",
            kind="website",
            title=LocalizedText({"en": "<script>evil()</script>"}),
            provenance=provenance,
            links=(
                Link(access="online", url="javascript:alert(1)"),
                Link(access="online", url=" JavaScript:alert(2)"),
                Link(access="online", url="data:text/html,<script>alert(3)</script>"),
            ),
        ),
        Resource(
            id="boos/good",
            kind="website",
            title=LocalizedText({"en": 'Good & "safe"'}),
            provenance=provenance,
            links=(Link(access="online", url="https://example.org/a?b=1&c=2"),),
        ),
    )
    return ob.Library([ContentPack(manifest=manifest, resources=resources)])


def nasty_assessment(assessment):
    text = LocalizedText({"en": NASTY})
    team = attrs.evolve(assessment.groups[0], label=LocalizedText({"en": "<b>Team</b> | & co"}))
    dimension = attrs.evolve(assessment.dimensions[0], label=text)
    section = assessment.sections[0]
    items = (
        attrs.evolve(section.items[0], text={**section.items[0].text, "team": text}),
        *section.items[1:],
    )
    bands = (
        attrs.evolve(assessment.bands[0], label=LocalizedText({"en": "<i>low</i>"})),
        *assessment.bands[1:],
    )
    return attrs.evolve(
        assessment,
        title=text,
        groups=(team, *assessment.groups[1:]),
        dimensions=(dimension,),
        sections=(attrs.evolve(section, title=text, items=items),),
        bands=bands,
    )


def nasty_result():
    result = make_result()
    return attrs.evolve(result, recommendations={"ontmoeten": ("boos/evil", "boos/good")})


def test_html_escapes_content_and_links_only_safe_urls(assessment):
    document = render_html(nasty_result(), nasty_assessment(assessment), lang="en", library=nasty_library())
    checker = check_html(document)
    assert "<script" not in document.lower()
    assert "<b>" not in document
    assert "<i>" not in document
    # The resource's javascript: and data: URLs are never written, not even as text; the one in a
    # label is text, never a link.
    assert "alert(2)" not in document
    assert "alert(3)" not in document
    assert "data:" not in document
    assert checker.hrefs == ["https://example.org/a?b=1&c=2"]
    assert '<a href="https://example.org/a?b=1&amp;c=2">Good &amp; &quot;safe&quot;</a>' in document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;" in document
    # What a reader sees is the text as written.
    assert NASTY in html_text(document)


def test_markdown_escapes_content_and_links_only_safe_urls(assessment):
    text = render_markdown(nasty_result(), nasty_assessment(assessment), lang="en", library=nasty_library())
    assert "<script" not in text.lower()
    assert "<b>" not in text
    assert "alert(2)" not in text
    assert "alert(3)" not in text
    assert "data:" not in text
    # The label's "link" is escaped, so it stays text: \[x\](javascript:alert(1)).
    assert re.search(r"(?<!\\)\]\(javascript", text) is None
    assert r"\[x\](javascript:alert(1))" in text
    assert '[Good & "safe"](https://example.org/a?b=1&c=2)' in text
    assert "- &lt;script&gt;evil()&lt;/script&gt;" in text  # no link, only the title
    # Table cells stay cells: a | in a label is escaped.
    rows = [line for line in text.splitlines() if line.startswith(r"| &lt;b&gt;Team&lt;/b&gt; \| & co |")]
    assert [len(re.findall(r"(?<!\\)\|", row)) for row in rows] == [3, 6]  # respondents, scores


def test_paper_form_escapes_content(assessment):
    document = render_paper_form(nasty_assessment(assessment), "team", lang="en")
    check_html(document)
    assert "<script" not in document.lower()
    assert NASTY in html_text(document)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/x?a=1&b=2", True),
        ("http://example.org", True),
        ("mailto:info@example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("jav&#x61;script:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("//example.org/x", False),
        ("/relative", False),
        ("https:example.org", False),
        ('https://example.org/"onmouseover="x', False),
        ("https://example.org/<x>", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) == (url if safe else None)


# safe_url rule by rule: each case below fails when one of its rules is weakened (single quotes,
# scheme case, the "//" of web links, control and separator characters).
@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org/a?b=c&d=e#f",
        "mailto:info@example.org",
        "HTTPS://EXAMPLE.ORG/A",  # a scheme is case-insensitive (RFC 3986, 3.1)
        "Http://example.org/",
        "MAILTO:info@example.org",
    ],
)
def test_safe_url_keeps_links_that_may_be_written(url):
    assert urls.safe_url(url) == url  # returned as given, never rewritten


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.org/it's",  # a single quote ends a single-quoted attribute
        "https://example.org/'onmouseover='alert(1)",
        'https://example.org/"',
        "https://example.org/<script>",
        "https://example.org/a>b",
        "https://example.org/a b",
        "https://example.org/a\tb",
        "https://example.org/a\nb",
        "https://example.org/\x7f",
        "https://example.org/\x85",
        "https://example.org/a\\b",
        "https://example.org/a^b",
        "https://example.org/a`b",
        "https://example.org/{a}",
        "https://example.org/a|b",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,hi",
        "vbscript:msgbox(1)",
        "ftp://example.org/a",
        "//example.org/a",  # relative to the page's scheme
        "/a/b",
        "example.org",
        "http:evil",
        "HTTP:evil",  # an upper-case scheme still needs its "//"
        "Https:/evil",
        "HTTPS:evil",
    ],
)
def test_safe_url_refuses_every_rule_breaking_link(url):
    assert urls.safe_url(url) is None


@pytest.mark.parametrize("scheme", sorted(urls.SAFE_SCHEMES - {"mailto"}))
def test_web_schemes_need_two_slashes_in_any_case(scheme):
    for variant in (scheme, scheme.upper(), scheme.capitalize(), scheme.swapcase().capitalize()):
        assert urls.safe_url(f"{variant}://example.org/") == f"{variant}://example.org/"
        assert urls.safe_url(f"{variant}:example.org/") is None
        assert urls.safe_url(f"{variant}:/example.org/") is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_whatever_is_accepted_has_no_character_that_could_end_an_attribute(tail):
    url = urls.safe_url(f"https://example.org/{tail}")
    if url is not None:
        assert not any(ch in url for ch in "\"'<>` \t\r\n\\")


def test_markdown_escape():
    assert md_escape("a <b> & c") == "a &lt;b&gt; & c"
    assert md_escape("&amp; &#60;") == r"&amp;amp; &amp;\#60;"  # renders as "&amp; &#60;"
    assert md_escape("*x* _y_ [z](u) `c` | #") == r"\*x\* \_y\_ \[z\](u) \`c\` \| \#"
    assert md_escape("- item") == r"\- item"
    assert md_escape("1. first") == r"1\. first"
    assert md_escape("version 1.0") == "version 1.0"
    assert md_escape(". (75).") == ". (75)."
    assert md_escape("1) x") == r"1\) x"
    assert md_escape("- x", line_start=False) == "- x"
    assert md_escape("two\nlines") == "two lines"


# -- messages and numbers ----------------------------------------------------------------------------
def test_catalogue_is_complete():
    for key, msgid in MESSAGES.items():
        for lang in LANGUAGES:
            assert words(lang).lookup(msgid)[1] == lang, (key, lang)


def test_messages_fall_back_to_dutch():
    assert ui_language("fr-BE") == "fr"
    assert ui_language("de") == "nl"
    assert ui_language(None) == "nl"
    assert message("scores", "de") == "Score per dimensie"
    assert message("suppressed", "en", n=5) == "fewer than 5 respondents — not shown"


@pytest.mark.parametrize(
    ("value", "lang", "digits", "signed", "expected"),
    [
        (83.333, "nl", 1, False, "83,3"),
        (83.333, "en", 1, False, "83.3"),
        (3.5, "fr", 2, False, "3,50"),
        (-36.7, "en", 1, True, "−36.7"),
        (12.0, "nl", 1, True, "+12,0"),
        (0.04, "nl", 1, True, "0,0"),
        (-0.04, "nl", 1, True, "0,0"),
    ],
)
def test_format_number(value, lang, digits, signed, expected):
    assert format_number(value, lang, digits, signed=signed) == expected


# -- the paper form ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("group", "lang", "texts", "options"),
    [
        (
            "parents",
            "nl",
            ["Ik voel me welkom op school.", "Ik vind het moeilijk om de school binnen te stappen."],
            ["Oneens", "Eerder oneens", "Eerder eens", "Eens", "Weet niet"],
        ),
        (
            "team",
            "fr",
            [
                "Nous veillons à ce que les parents se sentent bienvenus.",
                "Les parents trouvent difficile d'entrer dans l'école.",
            ],
            ["Pas d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "D'accord", "Je ne sais pas"],
        ),
        (
            "parents",
            "en",
            ["I feel welcome at school.", "I find it hard to walk into the school."],
            ["Disagree", "Rather disagree", "Rather agree", "Agree", "Don't know"],
        ),
    ],
)
def test_paper_form_has_a_row_per_item_and_the_options_as_headers(assessment, group, lang, texts, options):
    document = render_paper_form(assessment, group, lang=lang)
    checker = check_html(document)
    assert checker.html_lang == lang
    rows = [attributes for tag, attributes in checker.tags if tag == "tr" and "data-link-id" in attributes]
    assert [row["data-link-id"] for row in rows] == ["welkom", "drempel"]
    seen = html_text(document)
    for text in texts:
        assert text in seen
    headers = re.findall(r'<th scope="col" class="opt[^"]*">(.*?)<span class="code">', document)
    assert [html_text(h) for h in headers] == options
    # The "don't know" option has its own column, last, and a box in every row.
    assert re.findall(r'<th scope="col" class="(opt[^"]*)">', document)[-1] == "opt na"
    assert document.count('<td class="opt na">') == 2
    assert document.count('<span class="box"') == 2 * 5
    # Metadata to type the answers in later.
    assert f'<meta name="ouderbetrokkenheid:group" content="{group}">' in document
    assert "voorbeeld/mini-scan" in seen
    assert "1.0" in seen
    assert "@media print" in document
    assert "break-inside: avoid" in document


def test_paper_form_without_codes_names_the_group_and_shows_no_code(assessment):
    with_codes = html_text(render_paper_form(assessment, "parents", lang="nl"))
    document = render_paper_form(assessment, "parents", lang="nl", codes=False)
    seen = html_text(document)
    assert 'class="code"' not in document
    for code in ("voorbeeld/mini-scan", "parents"):
        assert code in with_codes
        assert code not in seen, code
    label = assessment.groups[[g.id for g in assessment.groups].index("parents")].label.get_text("nl")
    assert f"groep: {label.lower()}" in seen.lower()
    assert "1.0" in seen  # the version stays: a team compares forms of one version
    # the rows keep their link ids for scripts, out of sight
    assert document.count('data-link-id="welkom"') == 1


def test_paper_form_marks_fallback_text_with_its_language(assessment):
    section = assessment.sections[0]
    only_dutch = attrs.evolve(
        section.items[0],
        text={**section.items[0].text, "parents": LocalizedText({"nl": "Alleen Nederlands."})},
    )
    changed = attrs.evolve(
        assessment, sections=(attrs.evolve(section, items=(only_dutch, *section.items[1:])),)
    )
    document = render_paper_form(changed, "parents", lang="fr")
    checker = check_html(document)
    assert checker.html_lang == "fr"
    assert '<span lang="nl">Alleen Nederlands.</span>' in document
    # The French texts are not marked.
    assert '<td class="statement">Je trouve difficile d&#x27;entrer dans l&#x27;école.' in document
    marked = [(lang, text) for _, lang, text in checker.langs if lang != "fr"]
    assert marked == [("nl", "Alleen Nederlands.")]


def test_paper_form_in_a_language_nobody_wrote_marks_everything(assessment):
    document = render_paper_form(assessment, "parents", lang="ar")
    checker = check_html(document)
    assert '<html lang="ar" dir="rtl">' in document
    assert '<span lang="nl" dir="ltr">Ik voel me welkom op school.</span>' in document
    assert all(lang == "nl" for _, lang, _ in checker.langs)


def test_paper_form_unknown_group(assessment):
    with pytest.raises(ob.UnknownIdError, match="did you mean 'parents'"):
        render_paper_form(assessment, "parent", lang="nl")


# -- robustness on any assessment and result ---------------------------------------------------------
@given(
    assessment=strategies.assessments(min_items=1),
    result=strategies.results(),
    lang=st.sampled_from(["nl", "fr", "en", "ar"]),
)
def test_any_result_renders_to_valid_output(assessment, result, lang):
    result = attrs.evolve(result, assessment=assessment.id)
    check_html(render_html(result, assessment, lang=lang))
    render_markdown(result, assessment, lang=lang)
    for group in {g for item in assessment.items() for g in item.text}:
        check_html(render_paper_form(assessment, group, lang=lang))


# -- the command line --------------------------------------------------------------------------------
def cli(capsys, *argv):
    parser = argparse.ArgumentParser(parents=[_common(suppress=False)])
    commands = parser.add_subparsers(dest="command")
    report_cli.add_parser(commands, _common(suppress=True))
    args = parser.parse_args(argv)
    code = args.handler(args, Output(lang=args.lang, json=args.output == "json"))
    out, err = capsys.readouterr()
    return code, out, err


def write_result(path, result):
    path.write_text(json.dumps(ob.unstructure(result)), "utf-8")
    return path


@pytest.mark.parametrize(("to", "name"), [("markdown", "report.md"), ("html", "report.html")])
def test_cli_report(capsys, tmp_path, to, name):
    result = write_result(tmp_path / "result.json", make_result())
    out_file = tmp_path / "out" / name
    code, out, err = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--to", to, "--out", str(out_file),
        "--path", str(EXAMPLE_PACK), "--lang", "fr",
    )  # fmt: skip
    assert code == 0, err
    assert f"wrote the {to} report" in out
    text = out_file.read_text("utf-8")
    if to == "html":
        text = html_text(text)
    assert "Score par dimension" in text
    assert "Exemple d'un café des parents" in text  # titles from the library
    assert [p.name for p in out_file.parent.iterdir()] == [name]  # no temporary file left


def test_cli_report_format_from_suffix_and_pack_language(capsys, tmp_path):
    result = write_result(tmp_path / "result.json", make_result())
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--out", str(tmp_path / "r.html"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 0, err
    assert '<html lang="nl"' in (tmp_path / "r.html").read_text("utf-8")
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--out", str(tmp_path / "r.txt"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 2
    assert "--to markdown" in err


def test_cli_report_invalid_result_leaves_output_untouched(capsys, tmp_path):
    data = ob.unstructure(make_result())
    data["groups"][0]["respondents"] = "eight"
    bad = tmp_path / "result.json"
    bad.write_text(json.dumps(data, indent=2), "utf-8")
    out_file = tmp_path / "report.md"
    out_file.write_text("the earlier report", "utf-8")
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(bad), "--to", "markdown", "--out", str(out_file),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "result.json:" in err
    assert "error[schema-type]" in err
    assert "at /groups/0/respondents" in err
    assert "Traceback" not in err
    assert out_file.read_text("utf-8") == "the earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "result.json"]


def test_cli_report_result_of_another_assessment_or_version(capsys, tmp_path):
    data = ob.unstructure(make_result())
    data["version"] = "0.9"
    data["groups"][1]["group"] = "parent"
    result = tmp_path / "result.json"
    result.write_text(json.dumps(data, indent=2), "utf-8")
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "error[unknown-reference] the result is for version '0.9'" in err
    assert "has no group 'parent'" in err
    assert "Did you mean 'parents'?" in err
    assert not (tmp_path / "r.md").exists()
    data["assessment"] = "voorbeeld/other"
    result.write_text(json.dumps(data), "utf-8")
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "the result is for assessment 'voorbeeld/other'" in err


def test_cli_report_unknown_assessment_and_missing_file(capsys, tmp_path):
    code, _, err = cli(
        capsys, "report", "voorbeeld/mini-skan", str(tmp_path / "none.json"), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "did you mean 'voorbeeld/mini-scan'?" in err
    code, _, err = cli(
        capsys, "report", "voorbeeld/oudercafe", str(tmp_path / "none.json"), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "no assessment with id 'voorbeeld/oudercafe'" in err
    code, _, err = cli(
        capsys, "report", ASSESSMENT_ID, str(tmp_path / "none.json"), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "error[path-not-found] the file does not exist" in err


def test_cli_report_json_output(capsys, tmp_path):
    result = write_result(tmp_path / "result.json", make_result())
    code, out, _ = cli(
        capsys, "report", ASSESSMENT_ID, str(result), "--out", str(tmp_path / "r.md"),
        "--path", str(EXAMPLE_PACK), "--format", "json", "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {
        "report": "markdown",
        "assessment": ASSESSMENT_ID,
        "lang": "en",
        "out": str(tmp_path / "r.md"),
    }


def test_cli_paper_form(capsys, tmp_path):
    out_file = tmp_path / "form.html"
    code, out, err = cli(
        capsys, "paper-form", ASSESSMENT_ID, "--group", "parents", "--lang", "en", "--out", str(out_file),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 0, err
    assert "wrote the paper form" in out
    document = out_file.read_text("utf-8")
    check_html(document)
    assert "I feel welcome at school." in document
    code, _, err = cli(
        capsys, "paper-form", ASSESSMENT_ID, "--group", "ouders", "--out", str(tmp_path / "x.html"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 1
    assert "no respondent group of voorbeeld/mini-scan with id 'ouders'" in err
    assert not (tmp_path / "x.html").exists()
