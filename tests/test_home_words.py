"""The interface words a parent sees, in the parents' home languages: partial gettext catalogues
(ar, tr, pl, ro, es, pt, uk) that are machine translations by this project, marked so in the catalogue
and on every form and quickscan page in those languages, with where to send a correction; what
``tools/words.py check`` demands of them; and the Dutch fallback that says which language is shown."""

import re
import shutil
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main
from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.i18n import (
    LOCALE_DIR,
    MACHINE_COMMENT,
    checked_language,
    machine_translated,
    partial,
    words,
)
from ouderbetrokkenheid.model.common import Agent
from ouderbetrokkenheid.model.pack import PackManifest
from ouderbetrokkenheid.model.text import LocalizedText
from ouderbetrokkenheid.reports import render_paper_form
from ouderbetrokkenheid.reports.markup import esc
from ouderbetrokkenheid.reports.messages import MESSAGES
from ouderbetrokkenheid.reports.paper import MACHINE_TRANSLATION_NOTICE, correction_address

ROOT = Path(__file__).resolve().parent.parent
HOME_LANGUAGES = ("ar", "tr", "pl", "ro", "es", "pt", "uk")
NNPS = "instrumenten/partnerschapsmeting"
EXAMPLE = ROOT / "examples" / "voorbeeldpack"
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
#: The paper form's own words (reports/messages.py keys).
PAPER_KEYS = (
    "form_title",
    "form_for",
    "instructions",
    "instruction_tick",
    "instruction_na",
    "instruction_honest",
    "statement",
    "number",
    "thanks",
    "meta_instrument",
    "meta_version",
    "meta_group",
    "meta_language",
    "meta_respondent",
    "label_value",
)


@pytest.fixture(scope="module")
def library() -> ob.Library:
    modules = ("ouderbetrokkenheid_instrumenten", "ouderbetrokkenheid_referentie")
    return ob.Library.discover([Path(str(files(module) / "pack")) for module in modules], plugins=False)


def po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "ouderbetrokkenheid.po"


def tool() -> object:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import words as module
    finally:
        sys.path.pop(0)
    return module


# -- the catalogues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", HOME_LANGUAGES)
def test_a_home_language_catalogue_is_a_partial_machine_translation_marked_so(lang):
    assert machine_translated(lang) and partial(lang)
    with po(lang).open("rb") as file:
        catalog = read_po(file, locale=lang)
    assert "MACHINE TRANSLATION by the ouderbetrokkenheid project, not reviewed" in catalog.header_comment
    translated = [
        m for m in catalog if m.id and all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert len(translated) >= 60
    assert all(MACHINE_COMMENT in m.user_comments for m in translated)
    assert not any(m.fuzzy for m in translated)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_complete_languages_are_not_marked_machine_translations(lang):
    assert not machine_translated(lang) and not partial(lang)


@pytest.mark.parametrize("lang", HOME_LANGUAGES)
def test_every_word_of_the_paper_form_is_in_every_home_language(lang):
    for key in PAPER_KEYS:
        assert words(lang).lookup(MESSAGES[key])[1] == lang, key
    for msgid in MACHINE_TRANSLATION_NOTICE.values():
        if msgid != MACHINE_TRANSLATION_NOTICE["other"]:  # said in a source language only
            assert words(lang).lookup(msgid)[1] == lang


def test_a_missing_word_in_a_home_language_is_dutch_and_says_so():
    assert words("tr").lookup("Report") == ("Rapport", "nl")
    assert words("tr-TR").lookup("Thank you!") == ("Teşekkür ederiz!", "tr")
    assert words("ar").lookup("Thank you!")[1] == "ar"


@pytest.mark.parametrize(("tag", "lang"), [("tr", "tr"), ("tr-TR", "tr"), ("ar", "ar"), ("uk", "uk")])
def test_the_command_line_says_once_that_a_home_language_is_machine_translated_and_partial(
    monkeypatch, capsys, tag, lang
):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    standard, notice = checked_language(tag)
    assert standard == tag
    machine = words(lang).gettext(
        "the interface words in '{tag}' are a machine translation by the ouderbetrokkenheid project, "
        "not reviewed by anyone"
    )
    dutch = words(lang).gettext("Dutch")
    assert machine.format(tag=tag) in notice
    assert f"{dutch} (nl)" in notice  # which language the missing words are in
    assert main(["--lang", tag, "catalog"]) == 0
    assert capsys.readouterr().err.splitlines() == [f"ouderbetrokkenheid: {notice}"]


# -- tools/words.py check on a partial catalogue -------------------------------------------------------


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Iterator[object]:
    """tools/words.py working on a copy of the catalogues."""
    module = tool()
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    monkeypatch.setattr(module, "LOCALE", locale)
    monkeypatch.setattr(module, "POT", locale / "ouderbetrokkenheid.pot")
    return module


def edit(module, lang: str, change) -> None:
    """Change the .po of *lang* in the copy with *change(message)*, and compile it again (so that only
    the change is wrong)."""
    path = module._po(lang)
    catalog = module._read(path, lang)
    for message in catalog:
        if message.id:
            change(message)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, include_lineno=False)
    path.with_suffix(".mo").write_bytes(module._mo(module._read(path, lang)))


def test_update_leaves_a_new_word_untranslated_in_every_language_but_english(scratch):
    """English's new words get their msgids; the languages updated after it must not (Babel puts the
    template's own messages into each catalogue: a shared one would carry English into Arabic)."""
    template = scratch.extract()
    template.add("A word no catalogue has yet", None, [("src/x.py", 1)])
    english = scratch.updated(template, "en")
    assert english["A word no catalogue has yet"].string == "A word no catalogue has yet"
    for lang in ("ar", "nl", "tr"):
        assert not scratch.updated(template, lang)["A word no catalogue has yet"].string, lang


def test_the_check_accepts_the_partial_home_catalogues(scratch):
    assert list(scratch.problems()) == []


def test_the_check_rejects_a_broken_placeholder_in_a_partial_catalogue(scratch):
    def broken(message):
        if message.id == "For: {group}":
            message.string = "Kimin için: {grup}"

    edit(scratch, "tr", broken)
    found = list(scratch.problems())
    assert len(found) == 1
    assert "tr/LC_MESSAGES/ouderbetrokkenheid.po" in found[0]
    assert "'For: {group}'" in found[0] and "placeholders" in found[0]


def test_the_check_rejects_a_fuzzy_word_and_an_unmarked_one_in_a_home_language(scratch):
    def fuzzy(message):
        if message.id == "Thank you!":
            message.flags.add("fuzzy")
        if message.id == "Statement":
            message.user_comments = []

    edit(scratch, "pl", fuzzy)
    found = list(scratch.problems())
    assert any("'Thank you!' is fuzzy" in line for line in found)
    assert any("'Statement' lacks the translator comment" in line for line in found)
    assert len(found) == 2


def test_the_check_still_demands_complete_dutch(scratch):
    def untranslated(message):
        if message.id == "Thank you!":
            message.string = ""

    edit(scratch, "nl", untranslated)
    assert [line for line in scratch.problems() if "is not translated" in line] != []


def test_the_check_prints_the_completeness_of_every_language(scratch, capsys):
    assert scratch.check() == 0
    out = capsys.readouterr().out
    for lang in HOME_LANGUAGES:
        assert re.search(
            rf"^{lang}: \d+ of \d+ translated \(\d+%; partial allowed, the rest shown in Dutch; "
            r"machine translation, not reviewed\)$",
            out,
            re.M,
        )
    assert re.search(r"^nl: (\d+) of \1 translated \(100%; complete required\)$", out, re.M)


# -- the paper form --------------------------------------------------------------------------------------


def test_a_paper_form_in_turkish_has_turkish_words_and_the_notice(library):
    document = render_paper_form(library.get(NNPS), "parents", lang="tr", default="en")
    for text in (
        "Anket",
        "Kimin için:",
        "Nasıl doldurulur",
        "Doğru ya da yanlış cevap yoktur.",
        "Teşekkür ederiz!",
    ):
        assert text in document
    aside = re.search(r'<aside class="machine-translation" role="note">(.*?)</aside>', document, re.S)
    assert aside is not None
    assert esc(words("tr").gettext(MACHINE_TRANSLATION_NOTICE["this"])) in aside.group(1)
    assert f'<p lang="nl">{esc(words("nl").gettext(MACHINE_TRANSLATION_NOTICE["this"]))}</p>' in aside.group(
        1
    )
    # nothing else on the form is Dutch: every word has its Turkish translation
    assert document.count('lang="nl"') == 1


def test_a_form_whose_wording_is_not_translated_still_says_its_interface_words_are(tmp_path):
    """The example pack has no Turkish wording: the items fall back, the words around them are Turkish
    (machine-translated), so the notice is there."""
    library = ob.Library.discover([EXAMPLE], plugins=False)
    document = render_paper_form(library.get("voorbeeld/mini-scan"), "team", lang="tr", default="nl")
    assert 'class="machine-translation"' in document and "Anket" in document
    assert 'class="machine-translation"' not in render_paper_form(
        library.get("voorbeeld/mini-scan"), "team", lang="nl", default="nl"
    )


def manifest(**fields: object) -> PackManifest:
    base = {
        "name": "x",
        "version": "1",
        "title": LocalizedText({"nl": "x"}),
        "publisher": Agent(name="p"),
        "licence": "CC0-1.0",
        "languages": ("nl",),
    }
    return PackManifest(**{**base, **fields})


def test_the_correction_address_is_the_packs_homepage_else_its_publishers_address():
    assert correction_address(manifest()) is None  # nothing stated: nothing invented
    assert correction_address(manifest(homepage="https://example.org/pack")) == "https://example.org/pack"
    assert correction_address(manifest(publisher=Agent(name="p", url="mailto:fix@example.org"))) == (
        "mailto:fix@example.org"
    )
    assert correction_address(manifest(homepage="javascript:alert(1)")) is None


def test_the_paper_form_command_sends_corrections_to_the_packs_homepage(tmp_path, capsys):
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    yaml = pack / "pack.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8") + "homepage: https://example.org/fixes\n", encoding="utf-8"
    )
    out = tmp_path / "form.html"
    args = ["--lang", "tr", "paper-form", "voorbeeld/mini-scan", "--group", "team", "--out", str(out)]
    assert main([*args, "--path", str(pack)]) == 0
    document = out.read_text(encoding="utf-8")
    assert '<a href="https://example.org/fixes"><bdi>https://example.org/fixes</bdi></a>' in document
    assert main([*args, "--path", str(EXAMPLE)]) == 0
    assert "https://" not in re.search(r"<aside.*?</aside>", out.read_text(encoding="utf-8"), re.S).group(0)
    capsys.readouterr()


# -- the quickscan in the browser -----------------------------------------------------------------------


#: The words of quickscan.html that its script shows (data-msg-*), and a few of the page's own.
QUICKSCAN_WORDS = (
    "Saved on this device.",
    "Clear every answer on this device and start again?",
    "Material that can help",
    "Done: show my scores",
    "Your answers",
    "Download the answers (JSON)",
    "Start again",
)


@pytest.fixture(scope="module")
def sites(library, tmp_path_factory) -> dict[str, Path]:
    built = {}
    for lang in ("ar", "pl"):
        out = tmp_path_factory.mktemp(f"site-{lang}")
        SiteExporter().export(library, out / "site", {"lang": lang})
        built[lang] = out / "site"
    return built


@pytest.mark.parametrize("lang", ["ar", "pl"])
def test_the_quickscan_page_in_a_home_language_carries_its_words_and_the_notice(sites, lang):
    page = (sites[lang] / lang / "quickscan" / "instrumenten__partnerschapsmeting-parents.html").read_text(
        encoding="utf-8"
    )
    assert f'<html lang="{lang}"' in page
    for msgid in QUICKSCAN_WORDS:
        text, found = words(lang).lookup(msgid)
        assert found == lang and esc(text) in page, msgid
    saved = esc(words(lang).gettext("Saved on this device."))
    assert f'data-msg-saved="{saved}"' in page  # the script's words too
    aside = re.search(r'<aside class="notice machine-translation" role="note">(.*?)</aside>', page, re.S)
    assert aside is not None
    assert esc(words(lang).gettext(MACHINE_TRANSLATION_NOTICE["this"])) in aside.group(1)
    assert esc(words("nl").gettext(MACHINE_TRANSLATION_NOTICE["this"])) in aside.group(1)
    # the site's own words are not Dutch on this page (what is Dutch is the packs' content)
    for msgid in (*QUICKSCAN_WORDS, "Main menu", "Skip to content"):
        assert esc(words("nl").gettext(msgid)) not in page, msgid


def test_the_quickscan_page_in_a_source_language_has_no_notice(sites):
    team = sites["ar"] / "en" / "quickscan" / "instrumenten__partnerschapsmeting-team.html"
    assert "machine-translation" not in team.read_text(encoding="utf-8")
    dutch = sites["ar"] / "nl" / "quickscan" / "instrumenten__partnerschapsmeting-team.html"
    assert 'class="notice machine-translation"' in dutch.read_text(
        encoding="utf-8"
    )  # Dutch wording is machine-translated


def test_a_quickscan_template_that_drops_the_notice_is_refused(library, tmp_path):
    """An organisation's quickscan.html without ``{{ machine_notice }}`` would show machine-translated
    words unmarked: the export stops, names the template and what to keep, and writes nothing."""
    from ouderbetrokkenheid.exporters.site.templates import TemplateFolderError

    folder = tmp_path / "org"
    folder.mkdir()
    original = (
        files("ouderbetrokkenheid.exporters.site").joinpath("templates", "quickscan.html").read_text("utf-8")
    )
    assert "{{ machine_notice }}\n" in original
    (folder / "quickscan.html").write_text(original.replace("{{ machine_notice }}\n", ""), encoding="utf-8")
    out = tmp_path / "site"
    with pytest.raises(
        TemplateFolderError, match=r"quickscan\.html: .* machine translation .*\{\{ machine_notice \}\}"
    ):
        SiteExporter().export(library, out, {"lang": "ar", "templates": str(folder)})
    assert not out.exists()
    SiteExporter().export(library, out, {"lang": "ar"})  # with the site's own template: written
    assert (out / "ar" / "index.html").exists()


@pytest.mark.parametrize("lang", HOME_LANGUAGES)
def test_every_word_of_the_quickscan_page_and_its_frame_is_in_every_home_language(lang):
    """What a parent reads on a quickscan page: the words of quickscan.html and of the frame (base.html).
    A word added there needs its machine translation in each home language (docs/translating.md)."""
    from jinja2.ext import babel_extract

    templates = ROOT / "src" / "ouderbetrokkenheid" / "exporters" / "site" / "templates"
    missing, seen = [], 0
    for name in ("base.html", "quickscan.html"):
        with (templates / name).open("rb") as handle:
            options = {"trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}
            for _, _, message, _ in babel_extract(handle, ("_", "gettext", "ngettext"), [], options):
                for text in filter(None, message if isinstance(message, tuple) else (message,)):
                    seen += 1
                    if words(lang).lookup(text)[1] != lang:
                        missing.append(f"{name}: {text!r}")
    assert seen >= 30
    assert missing == []


def test_a_turkish_locale_gets_the_turkish_words_and_the_notice_once(monkeypatch, capsys):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "tr_TR.UTF-8")
    assert main(["catalog"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("ouderbetrokkenheid: 'tr-TR' dilindeki arayüz sözcükleri")
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert main(["catalog"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "pl"])
def test_the_quickscans_script_speaks_the_home_language_in_chromium(sites, lang):
    """Filled in in headless Chromium: the progress line, the list of unanswered questions and the
    saved line that quickscan.js writes are in the page's language."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip(f"Chromium not found at {chromium}: `apt-get install chromium` to run this check")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright not installed: `pip install playwright` (it uses the system Chromium)")
    path = sites[lang] / lang / "quickscan" / "instrumenten__partnerschapsmeting-parents.html"
    say = words(lang)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page()
        page.goto(path.as_uri())
        total = page.locator("fieldset.item").count()
        page.locator("fieldset.item input[type=radio]").first.check()
        progress = page.locator("#ob-qs-progress").inner_text()
        page.locator("#ob-qs-finish").click()
        missing = page.locator("#ob-qs-missing p").inner_text()
        first_link = page.locator("#ob-qs-missing a").first.inner_text()
        violations = []
        if AXE.is_file():  # `npm ci --prefix tools/axe`; python3 dev.py test installs it when npm is there
            page.reload()
            page.evaluate(AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(
                "axe.run(document, {resultTypes: ['violations'], preload: false}).then(r => r.violations.map("
                "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')]))"
            )
        browser.close()
    # two sentences on two lines, not run together ("... answered Saved on this device.")
    assert progress.split("\n") == [
        say("{done} of {total} questions answered", done=1, total=total),
        say("Saved on this device."),
    ]
    required = total - 1  # every question of this instrument is required; one is answered
    assert missing == say("{n} required questions still have no answer:", n=required)
    assert first_link == say("question {n}", n=2)
    assert violations == []  # the notice and the translated words keep the page accessible (axe-core)


def test_the_i18n_module_examples():
    import doctest

    from ouderbetrokkenheid import i18n

    outcome = doctest.testmod(i18n)
    assert outcome.attempted >= 6 and outcome.failed == 0


@pytest.mark.parametrize("record", [NNPS, "instrumenten/succesfactoren-scan"])
@pytest.mark.parametrize("lang", HOME_LANGUAGES)
def test_nothing_on_a_parents_paper_form_falls_back_but_the_dutch_notice(library, record, lang):
    """Every word of the parents' forms of the example instruments is in the home language: the
    only Dutch on the page is the notice's Dutch text, for the teacher."""
    document = render_paper_form(library.get(record), "parents", lang=lang, default="nl")
    body = document.split("</head>", 1)[1]
    assert re.findall(rf'lang="(?!{lang}")[^"]+"', body) == ['lang="nl"']


def test_an_untranslated_plural_falls_back_to_dutch():
    """A partial catalogue has no untranslated plural (Babel would compile it with the English
    msgids as its forms, so the Dutch fallback never came)."""
    from ouderbetrokkenheid.i18n import words

    singular = "exported {n} record ({kinds}) with '{name}' to {out}"
    plural = "exported {n} records ({kinds}) with '{name}' to {out}"
    dutch = words("nl").ngettext(singular, plural, 3)
    assert dutch != plural
    for lang in ("ar", "tr", "pl", "ro", "es", "pt", "uk"):
        assert words(lang).ngettext(singular, plural, 3) == dutch, lang
