"""The ``html`` exporter (the static site), without a browser: the pages it writes for the bundled packs,
their HTML (parsed with the standard library), accessibility basics, links, the search index, escaping,
and atomic writing. ``test_site_browser.py`` drives the same site in headless Chromium."""

import datetime
import functools
import html
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.catalog.catalog import Catalog
from ouderbetrokkenheid.exporters.base import Exporter
from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.exporters.site.exporter import STATIC_FILES, site_languages
from ouderbetrokkenheid.exporters.site.markup import script_json
from ouderbetrokkenheid.exporters.site.paths import Names, safe_name
from ouderbetrokkenheid.exporters.site.related import RelatedIndex
from ouderbetrokkenheid.exporters.site.scales import HATTIE, MONTHS, zone_of
from ouderbetrokkenheid.model import (
    Agent,
    ContentPack,
    Effect,
    Finding,
    Link,
    LocalizedText,
    PackManifest,
    Provenance,
    Resource,
    Source,
)

ROOT = Path(__file__).resolve().parent.parent
PACKS = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]
LANGS = ("nl", "fr", "en")
LANDMARKS = ("header", "nav", "main", "footer")


@pytest.fixture(scope="module")
def library() -> ob.Library:
    found = ob.Library.discover(PACKS, plugins=False)
    assert found.report.ok, found.report.problems
    assert {p.name for p in found.packs} == {"ocb", "vcov", "ref", "instrumenten", "voorbeeld"}
    return found


@pytest.fixture(scope="module")
def site(library, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    SiteExporter().export(library, out, {"lang": "nl"})
    return out


# -- a small HTML checker ------------------------------------------------------------------------


class Page(HTMLParser):
    """What the tests look at in one page."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        {
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.tags: Counter[str] = Counter()
        self.headings: list[int] = []
        self.heading_text: list[str] = []
        self.ids: Counter[str] = Counter()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.labels_for: set[str] = set()
        self.inputs: list[dict[str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.langs: list[str] = []
        self.stack: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []
        self._heading: list[str] | None = None
        self.h1_lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if tag == "html":
            self.html_lang = a.get("lang")
        if a.get("id"):
            self.ids[a["id"]] += 1
        if "lang" in a and tag != "html":
            self.langs.append(a["lang"] or "")
        for name in ("href", "src", "action", "formaction", "xlink:href", "poster", "data"):
            if a.get(name) is not None:
                self.urls.append((tag, name, a[name]))
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        if tag in {"input", "select", "textarea"}:
            self.inputs.append(a)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self._heading = []
            if tag == "h1":
                self.h1_lang = a.get("lang")
        if tag == "script":
            self._script = a
            self._script_text = []
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.heading_text.append("".join(self._heading).strip())
            self._heading = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def read_index(script: str) -> dict:
    """The data of a ``search-index.<lang>.js`` file: ``OB_SEARCH["nl"] = JSON.parse("...");``."""
    literal = re.search(r"window\.OB_SEARCH\[\"[\w-]+\"\] = JSON\.parse\((\".*\")\);\n$", script, flags=re.S)
    assert literal is not None
    return json.loads(json.loads(literal[1]))


@functools.cache
def read_index_of(site: Path, page: Path) -> dict:
    """The search index of the language of *page*."""
    lang = page.relative_to(site).parts[0]
    return read_index((site / "assets" / f"search-index.{lang}.js").read_text(encoding="utf-8"))


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# -- the pages -----------------------------------------------------------------------------------


def test_is_an_exporter():
    exporter = SiteExporter()
    assert isinstance(exporter, Exporter)
    assert (exporter.name, exporter.media_type, exporter.extension) == ("html", "text/html", "")
    assert exporter.kinds == {"resources", "findings", "frameworks", "mappings", "assessments"}
    assert exporter.description


def test_writes_every_page_in_every_language(site, library):
    ctx_names = {
        "resources": Names(r.id for r in library.resources()),
        "frameworks": Names(f.id for f in library.frameworks()),
        "instruments": Names(a.id for a in library.assessments()),
    }
    assert (site / "index.html").is_file()
    assert (site / "assets" / "site.css").is_file()
    assert (site / "assets" / "site.js").is_file()
    for lang in LANGS:
        assert (site / "assets" / f"search-index.{lang}.js").is_file()
        for page in ("index.html", "catalog.html", "list.html", "evidence.html", "instruments.html"):
            assert (site / lang / page).is_file(), (lang, page)
        for folder, records in (
            ("resources", library.resources()),
            ("frameworks", library.frameworks()),
            ("instruments", library.assessments()),
        ):
            files = {p.name for p in (site / lang / folder).glob("*.html")}
            assert files == {f"{ctx_names[folder].name(r.id)}.html" for r in records}
    forms = {p.name for p in (site / "forms").glob("*.html")}
    expected = {
        f"{safe_name(a.id)}-{g.id}-{lang}.html"
        for a in library.assessments()
        if a.items()
        for g in a.groups
        for lang in LANGS
    }
    assert forms == expected
    assert len(expected) == 3 * 2 * 3  # three complete instruments, two groups each, three languages
    quickscans = {p.relative_to(site).as_posix() for p in site.glob("*/quickscan/*.html")}
    assert quickscans == {
        f"{lang}/quickscan/{safe_name(a.id)}-{g.id}.html"
        for a in library.assessments()
        if a.items()
        for g in a.groups
        for lang in LANGS
    }
    assert not list(site.parent.glob(".site.*"))  # no temporary folder left


def test_every_page_parses_with_lang_landmarks_and_heading_order(site):
    pages = html_files(site)
    assert len(pages) > 300
    for path in pages:
        page = parse(path)
        where = path.relative_to(site)
        assert page.html_lang, where
        assert not page.stack or page.stack == ["html"], (where, page.stack)  # every element closed
        assert page.tags["h1"] == 1, where
        assert page.headings[0] == 1, where
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (where, page.headings)
        assert all(text for text in page.heading_text), where
        duplicated = [i for i, n in page.ids.items() if n > 1]
        assert not duplicated, (where, duplicated)
        landmarks = LANDMARKS if where.parts[0] != "forms" else ("header", "main", "footer")
        if where.name == "index.html" and len(where.parts) == 1:
            landmarks = ("header", "nav", "main", "footer")
        for landmark in landmarks:
            assert page.tags[landmark] >= 1, (where, landmark)
        assert page.tags["main"] == 1, where
        for field in page.inputs:
            if field.get("type") == "hidden":
                continue
            assert field.get("id") in page.labels_for or field.get("aria-label"), (where, field)
        if where.parts[0] in LANGS:
            assert page.html_lang == where.parts[0], where
            assert page.tags["a"] >= 1 and any(a == "#main" for _, _, a in page.urls), where  # skip link


def test_no_reference_leaves_the_folder(site):
    """src/href/action point inside the folder; only content links (<a href>) go out, and only to
    http, https or mailto."""
    for path in html_files(site):
        page = parse(path)
        for tag, attribute, url in page.urls:
            scheme = urlsplit(url).scheme.lower()
            if tag == "a" and attribute == "href" and scheme:
                assert scheme in {"http", "https", "mailto"}, (path, url)
                continue
            assert not scheme, (path, tag, attribute, url)
            assert not url.startswith("//"), (path, url)
    for asset in (site / "assets").iterdir():
        text = asset.read_text(encoding="utf-8")
        assert not re.search(
            r"\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(", text
        )
        if asset.suffix == ".css":
            assert "url(" not in text and "@import" not in text


def test_every_internal_link_resolves(site):
    """Every relative link and script/style reference reaches a file of the site, and its #fragment an
    element of that page (or, on the catalog, search state: ``#audience=teacher``, a facet value)."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(parse(path).ids)
        return ids[path]

    checked = 0
    for path in html_files(site):
        for tag, _, url in parse(path).urls:
            parts = urlsplit(url)
            if parts.scheme or tag == "form":
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), (path.relative_to(site), url)
            assert site.resolve() in target.parents, url
            if parts.fragment and target.name == "catalog.html" and "=" in parts.fragment:
                facets = {f["name"]: f["values"] for f in read_index_of(site, path)["facets"]}
                for name, values in parse_qsl(parts.fragment):
                    assert all(v in facets[name] for v in values.split(",")), (path.relative_to(site), url)
            elif parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids_of(target), (path.relative_to(site), url)
            checked += 1
    assert checked > 5000


def test_language_switch_links_the_same_page(site):
    page = parse(site / "nl" / "resources" / "ocb__boekje-bij-de-thee.html")
    switch = {
        url for tag, _, url in page.urls if tag == "a" and "/resources/ocb__boekje-bij-de-thee.html" in url
    }
    assert switch == {f"../../{lang}/resources/ocb__boekje-bij-de-thee.html" for lang in LANGS}
    text = (site / "fr" / "resources" / "ocb__boekje-bij-de-thee.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in text and 'aria-current="true"' in text


def test_home_shows_the_three_themes_and_every_framework(site, library):
    text = (site / "nl" / "index.html").read_text(encoding="utf-8")
    for label in ("Gelijkwaardig partnerschap", "Thuisbetrokkenheid", "Open communicatie"):
        assert f">{label}</a></h3>" in text
    for framework in library.frameworks():
        assert (
            framework.title.get_text("nl") in text
            or framework.title.get_text("nl").replace("'", "&#x27;") in text
        )
    assert "zonder rangorde" in text and "in volgorde" in text  # unordered and ordered frameworks
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    # a machine translation (OCB's English labels are ours, made by machine) says so where it is shown
    assert '>Home involvement <span class="mt-mark">(machine translation)</span></a></h3>' in en


def test_resource_page_has_all_languages_provenance_related_and_json_ld(site, library):
    resource = library.get("ocb/boekje-bij-de-thee")
    text = (site / "en" / "resources" / "ocb__boekje-bij-de-thee.html").read_text(encoding="utf-8")
    page = parse(site / "en" / "resources" / "ocb__boekje-bij-de-thee.html")
    for tag in ("nl", "fr", "en"):
        assert f'<div lang="{tag}"' in text
    assert "Provenance" in text and "taken from the source document" in text
    related = [r.id for r in RelatedIndex(library).related(resource)]
    assert related
    for other in related:
        assert f'href="../../en/resources/{safe_name(other)}.html"' in text
    blocks = [body for attributes, body in page.scripts if attributes.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    node = json.loads(blocks[0])
    assert node["@context"] == "https://schema.org"
    assert node["name"] == resource.title["en"]
    assert "LearningResource" in node["@type"]
    assert not any(key.startswith("ob:") for key in node)


def test_framework_page_shows_concepts_collections_and_crosswalks(site):
    text = (site / "en" / "frameworks" / "ref__lusse.html").read_text(encoding="utf-8")
    assert 'id="c-factor-6"' in text
    assert "Crosswalks" in text and "narrow match" in text
    sdl = (site / "en" / "frameworks" / "ref__sdl-gradaties.html").read_text(encoding="utf-8")
    assert '<ol class="members">' in sdl and "in order" in sdl
    ocb = (site / "en" / "frameworks" / "ocb__themas.html").read_text(encoding="utf-8")
    assert '<ul class="members">' in ocb and "no ranking" in ocb


def test_evidence_draws_effects_on_their_scale(site):
    text = (site / "nl" / "evidence.html").read_text(encoding="utf-8")
    charts = re.findall(r'<svg class="scale".*?</svg>', text, flags=re.S)
    assert len(charts) >= 4
    hattie = next(c for c in charts if "0,51" in c)
    assert 'role="img"' in hattie and "<title" in hattie and "<desc" in hattie
    assert "Zone van gewenste effecten" in hattie
    # the hinge line sits at 0.40 on the -0.2..1.2 axis
    hinge = re.search(r'<line class="refline" x1="([\d.]+)"', hattie)
    assert hinge is not None
    assert float(hinge[1]) == pytest.approx(34 + (0.40 + 0.2) / 1.4 * (640 - 34 - 24), abs=0.1)
    months = next(c for c in charts if "+4 maanden" in c)
    assert "−12" in months and ">12<" in months
    assert "4 van 5" in text  # EEF padlocks, with their text


def test_zones():
    assert zone_of(HATTIE, 0.49).key == "zone_desired"
    assert zone_of(HATTIE, 0.40).key == "zone_desired"
    assert zone_of(HATTIE, 0.39).key == "zone_teacher"
    assert zone_of(HATTIE, 0.1).key == "zone_developmental"
    assert zone_of(HATTIE, -0.5).key == "zone_reverse"
    assert zone_of(HATTIE, 2.0).key == "zone_desired"
    assert zone_of(MONTHS, 4) is None


def test_instruments_link_their_printable_forms(site):
    text = (site / "nl" / "instruments.html").read_text(encoding="utf-8")
    assert "../forms/instrumenten__partnerschapsmeting-parents-fr.html" in text
    form = parse(site / "forms" / "instrumenten__partnerschapsmeting-parents-fr.html")
    assert form.html_lang == "fr"
    detail = (site / "nl" / "instruments" / "vcov__knelpuntentest.html").read_text(encoding="utf-8")
    assert "De vragen van dit instrument zijn niet bekend" in detail


def test_search_index_is_the_catalog_index(site, library):
    catalog = Catalog(library)
    for lang in LANGS:
        script = (site / "assets" / f"search-index.{lang}.js").read_text(encoding="utf-8")
        assert "</script" not in script.lower() and "<" not in script.split("\n", 1)[1]
        data = read_index(script)
        index = catalog.index(lang)
        assert data["terms"] == sorted(index.postings)
        assert [t for t in data["terms"] if not t.startswith("~")] == index.vocabulary
        assert data["surface"] == index.surface
        assert len(data["docs"]) == index.size == len(data["browse"])
        assert sorted(data["browse"]) == list(range(index.size))
        for term in ("ouder", "parent", max(index.postings, key=lambda t: len(index.postings[t][0]))):
            if term not in index.postings:
                continue
            position = data["terms"].index(term)
            docs, weights = index.postings[term]
            assert data["post"][position][0::2] == docs.tolist()
            assert data["post"][position][1::2] == weights.tolist()  # the same numbers, not close ones
        linked = [doc for doc in data["docs"] if "w" in doc]
        assert {doc["id"] for doc in linked} >= {
            "ocb/warm-welkom-en-wederkerig",
            "vcov/warm-welkom-en-wederkerig-2018",
        }
        assert [f["name"] for f in data["facets"]] == [
            "theme",
            "audience",
            "level",
            "kind",
            "language",
            "access",
        ]


def test_related_index_agrees_with_the_catalog(library):
    catalog = Catalog(library)
    related = RelatedIndex(library)
    compared = 0
    for resource in library.resources():
        expected = [hit.record.id for hit in catalog.related(resource.id)]
        assert [r.id for r in related.related(resource)] == expected, resource.id
        compared += bool(expected)
    assert compared > 50


def test_progress_is_told_per_page(library, tmp_path):
    calls = []
    SiteExporter().export(
        library, tmp_path / "out", {"progress": lambda done, total: calls.append((done, total))}
    )
    total = calls[0][1]
    assert calls == [(i, total) for i in range(total + 1)]
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert total == len(written) - len(STATIC_FILES)  # site.css, site.js ... are copied, not rendered


def test_languages_option(library, tmp_path):
    assert site_languages({}) == (LANGS, "nl")
    assert site_languages({"lang": "fr"}) == (LANGS, "fr")
    assert site_languages({"lang": "ar"}) == ((*LANGS, "ar"), "ar")
    with pytest.raises(ValueError, match="language tag"):
        site_languages({"lang": "../etc"})
    small = library.filtered(lambda r: r.id.startswith("ocb/"))
    SiteExporter().export(small, tmp_path / "ar", {"lang": "ar"})
    root = (tmp_path / "ar" / "index.html").read_text(encoding="utf-8")
    assert "url=ar/index.html" in root and 'lang="ar" dir="rtl"' in root
    page = parse(tmp_path / "ar" / "ar" / "index.html")
    assert page.html_lang == "ar"
    assert "nl" in page.langs  # the site's words are Dutch there, and marked so


def test_more_languages_option_adds_the_parents_home_languages_without_changing_the_default():
    assert site_languages({"languages": ["ar", "tr"]}) == ((*LANGS, "ar", "tr"), "nl")
    assert site_languages({"lang": "fr", "languages": ("tr", "nl", "tr")}) == ((*LANGS, "tr"), "fr")
    assert site_languages({"lang": "ar", "languages": ["tr"]}) == ((*LANGS, "ar", "tr"), "ar")
    given = (tag for tag in ("ar", "tr"))  # read once: the check must not use it up
    assert site_languages({"languages": given}) == ((*LANGS, "ar", "tr"), "nl")
    for bad in ("ar,tr", ["ar", "../etc"], [None], 5):
        with pytest.raises(ValueError, match="options\\['languages'\\]"):
            site_languages({"languages": bad})


def test_export_home_languages_writes_every_page_in_each_and_opens_in_lang(tmp_path, capsys):
    """``export --to html --home-languages ar,tr``: one site for parents who read Arabic and parents who
    read Turkish (their quickscans, each page's language switch), still opening in Dutch; a tag that is
    not one is refused (exit 2, in the user's language) before anything is written."""
    from ouderbetrokkenheid.cli import main

    out = tmp_path / "site"
    packs = [arg for pack in PACKS for arg in ("--path", str(pack))]
    args = ["--lang", "nl", "export", *packs, "--to", "html", "--home-languages", "ar, TR", "--out", str(out)]
    assert main(args) == 0, capsys.readouterr()
    root = (out / "index.html").read_text(encoding="utf-8")
    assert "url=nl/index.html" in root and 'hreflang="ar"' in root and 'hreflang="tr"' in root
    for lang, direction in (("ar", "rtl"), ("tr", "ltr")):
        scans = sorted((out / lang / "quickscan").glob("*.html"))
        assert scans, lang
        page = scans[0].read_text(encoding="utf-8")
        assert f'<html lang="{lang}" dir="{direction}">' in page
        assert 'class="notice machine-translation"' in page  # the words are a machine translation: said so
    switch = parse(out / "nl" / "index.html")
    assert switch.html_lang == "nl"
    home = (out / "nl" / "index.html").read_text(encoding="utf-8")
    assert 'href="../tr/index.html" hreflang="tr"' in home and 'href="../ar/index.html" hreflang="ar"' in home
    capsys.readouterr()
    bad = [
        "--lang",
        "fr",
        "export",
        *packs,
        "--to",
        "html",
        "--home-languages",
        "ar,x y",
        "--out",
        str(tmp_path / "b"),
    ]
    assert main(bad) == 2
    assert "« x y » n'est pas une étiquette de langue" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()
    for tag in ("de-1996", "und"):  # tags, but not ones a page can be in
        bad[bad.index("--home-languages") + 1] = tag
        assert main(bad) == 2
        assert f"« {tag} » ne peut pas être la langue des pages du site" in capsys.readouterr().err
        assert not (tmp_path / "b").exists()
    # the same for the language the site opens in (it was the exporter's ValueError, exit 1)
    assert main(["--lang", "de-1996", "export", *packs, "--to", "html", "--out", str(tmp_path / "b")]) == 2
    assert "'de-1996'" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


def test_a_resource_page_is_the_same_whatever_was_rendered_before(library):
    """What a record's pages share (``SiteContext.shared``) and the site's memos give the page that a
    fresh context gives: in each language, after that record's page in another language, after another
    record's."""
    from ouderbetrokkenheid.exporters.site.context import SiteContext
    from ouderbetrokkenheid.exporters.site.resource_page import render_resource

    busy = SiteContext(library, LANGS, "0")
    resources = [r for r in library.resources() if r.authors or r.provenance.translations][:3]
    assert resources
    for resource in resources:
        for lang in LANGS:
            path = busy.path(resource.id, lang)
            fresh = SiteContext(library, LANGS, "0")
            assert render_resource(busy, resource, lang, path) == render_resource(fresh, resource, lang, path)


def test_a_source_is_shown_from_the_pack_that_holds_the_record():
    """Two packs naming a source alike, one holding ids that start with the other's name (the Python API
    allows it): each record's page shows its own pack's source."""
    from ouderbetrokkenheid.exporters.site.context import SiteContext
    from ouderbetrokkenheid.exporters.site.resource_page import render_resource

    def pack(name: str, ids: str, title: str) -> ContentPack:
        manifest = PackManifest(
            name=name,
            version="1.0.0",
            title=LocalizedText({"nl": name}),
            publisher=Agent(name="P"),
            licence="CC0-1.0",
            languages=("nl",),
            sources=(Source(id="s", title=title),),
        )
        resource = Resource(
            id=f"{ids}/r-{name}",
            kind="book",
            title=LocalizedText({"nl": name}),
            provenance=Provenance(source="s", status="unverified"),
        )
        return ContentPack(manifest=manifest, resources=(resource,))

    library = ob.Library([pack("een", "een", "BRON VAN EEN"), pack("twee", "een", "BRON VAN TWEE")])
    ctx = SiteContext(library, LANGS, "0")
    for resource, mine, other in zip(
        library.resources(), ("BRON VAN EEN", "BRON VAN TWEE"), ("BRON VAN TWEE", "BRON VAN EEN"), strict=True
    ):
        page = render_resource(ctx, resource, "nl", ctx.path(resource.id, "nl"))
        assert mine in page and other not in page


# -- escaping ------------------------------------------------------------------------------------


@given(st.one_of(st.text(), st.integers(), st.none(), st.builds(Markup, st.text())))
def test_esc_remembers_nothing_but_what_html_escape_gives(value):
    from ouderbetrokkenheid.reports.markup import esc

    assert esc(value) == html.escape(str(value), quote=True)
    assert esc(value) == html.escape(str(value), quote=True)  # from the memo, the same
    assert type(esc(value)) is str


def test_a_message_without_fields_is_the_message_with_its_fields():
    from ouderbetrokkenheid.exporters.site.markup import m

    for key, lang in (
        ("authors", "nl"),
        ("authors", "fr"),
        ("authors", "ar"),
        ("links", "tr"),
        ("yes", "en"),
    ):
        # a field the message does not use takes m() through its general path, not the remembered one
        assert m(key, lang) == m(key, lang, unused="")
        assert m(key, lang) is m(key, lang)  # remembered
    with pytest.raises(KeyError):  # a message with fields still needs them
        m("translated_by", "nl")


def test_what_a_records_pages_share_is_kept_for_that_record_only(library):
    from ouderbetrokkenheid.exporters.site.context import SiteContext

    ctx = SiteContext(library, LANGS, "0")
    first, second = library.resources()[:2]
    ctx.shared(first)["x"] = "of the first"
    assert ctx.shared(first) == {"x": "of the first"}
    assert ctx.shared(second) == {}  # another record: nothing of the first
    assert ctx.shared(first) == {}  # the first again: made anew, never another's


EVIL = "<script>alert(1)</script>\"'&"


def _evil_library() -> ob.Library:
    """A pack built by hand, bypassing the schema: markup in every text, javascript: URLs everywhere."""
    provenance = Provenance(source="s", status="unverified", note=LocalizedText({"nl": EVIL}))
    resource = Resource(
        id="evil/a",
        kind="book",
        title=LocalizedText({"nl": EVIL + " titel", "en": "</script><script>alert(2)</script>"}),
        subtitle=LocalizedText({"nl": "<img src=x onerror=alert(3)>"}),
        summary=LocalizedText({"nl": "summary </script> " + EVIL, 'x" onclick="alert(4)': "other"}),
        authors=(Agent(name=EVIL, kind="person", url="javascript:alert(5)"),),
        publisher=(Agent(name="P", url="JavaScript:alert(6)"),),
        links=(
            Link(access="online", url="javascript:alert(7)", label=LocalizedText({"nl": EVIL})),
            Link(access="download", url=" javascript:alert(8)"),
            Link(access="online", url="data:text/html,<script>alert(9)</script>"),
            Link(access="online", url="https://example.org/ok"),
        ),
        themes=('"><script>alert(10)</script>',),
        licence="javascript:alert(11)",
        provenance=provenance,
    )
    finding = Finding(
        id="evil/f",
        claim=LocalizedText({"nl": EVIL}),
        effects=(Effect(metric="cohens-d", value=0.5, edition=EVIL, note=LocalizedText({"nl": EVIL})),),
        caveats=(LocalizedText({"nl": EVIL}),),
        provenance=provenance,
    )
    manifest = PackManifest(
        name="evil",
        version="1.0.0",
        title=LocalizedText({"nl": EVIL}),
        publisher=Agent(name=EVIL, url="javascript:alert(12)"),
        licence="CC0-1.0",
        languages=("nl",),
        sources=(
            Source(id="s", title=EVIL, url="javascript:alert(13)", retrieved=datetime.date(2026, 1, 1)),
        ),
    )
    return ob.Library([ContentPack(manifest=manifest, resources=(resource,), findings=(finding,))])


def test_content_is_escaped_and_unsafe_links_are_not_written(tmp_path):
    out = tmp_path / "site"
    SiteExporter().export(_evil_library(), out, {})
    checked = 0
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert 'onclick="alert' not in text, path
        assert "alert(10)</script>" not in text
        if path.suffix == ".html":
            page = parse(path)
            for _, _, url in page.urls:
                assert not url.strip().lower().startswith(("javascript:", "data:")), (path, url)
            for attributes, body in page.scripts:
                assert attributes.get("src") or attributes.get("type") == "application/ld+json", (
                    path,
                    attributes,
                )
                assert "</script" not in body.lower()
            checked += 1
    assert checked >= 10
    page = (out / "nl" / "resources" / "evil__a.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp; titel" in page
    assert 'href="https://example.org/ok"' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)[1])
    assert ld["name"].startswith("<script>alert(1)</script>")  # intact as data, escaped as \u003c in the page
    assert ld["url"] == {"@id": "https://example.org/ok"}  # the javascript: and data: URLs are dropped
    index = (out / "assets" / "search-index.en.js").read_text(encoding="utf-8")
    assert "<" not in index.split("\n", 1)[1] and ">" not in index.split("\n", 1)[1]
    assert read_index(index)["docs"][0]["t"] == "</script><script>alert(2)</script>"  # data, intact


def test_no_javascript_url_reaches_an_attribute(tmp_path):
    out = tmp_path / "site"
    SiteExporter().export(_evil_library(), out, {})
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for attribute in re.findall(r'(?:href|src|action)="([^"]*)"', text):
            assert "javascript" not in attribute.lower() and not attribute.lower().startswith("data:"), (
                path,
                attribute,
            )


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 & >"}


def test_file_names_are_safe_and_unique():
    names = Names()
    assert names.name("vcov/boek") == "vcov__boek"
    assert names.name("vcov/boek") == "vcov__boek"
    sneaky = names.name("../../etc/passwd")
    assert "/" not in sneaky and not sneaky.startswith(".")
    clash = names.name("VCOV/boek")
    assert clash != "vcov__boek" and clash.startswith("vcov__boek-")


# -- atomic writing ------------------------------------------------------------------------------


def test_failure_leaves_no_folder_and_keeps_an_earlier_export(library, tmp_path):
    out = tmp_path / "site"

    def explode(done, total):
        if done == 40:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        SiteExporter().export(library, out, {"progress": explode})
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []

    SiteExporter().export(library, out, {"lang": "fr"})
    before = (out / "index.html").read_text(encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk full"):
        SiteExporter().export(library, out, {"lang": "en", "progress": explode})
    assert (out / "index.html").read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the pool forks its workers")
def test_a_pool_of_workers_writes_the_same_bytes(library, tmp_path):
    """One process or a pool of three (pages in slices of a few, so that every worker gets many):
    the same files, byte for byte, including the search indexes and the related resources."""
    from ouderbetrokkenheid.exporters.site import exporter

    SiteExporter().export(library, tmp_path / "one", {"lang": "fr", "workers": 1})
    seen: list[tuple[int, int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(exporter, "CHUNK", 7)
        SiteExporter().export(
            library, tmp_path / "pool", {"lang": "fr", "workers": 3, "progress": lambda *a: seen.append(a)}
        )
    one, pool = _files(tmp_path / "one"), _files(tmp_path / "pool")
    assert sorted(one) == sorted(pool)
    assert [name for name in one if one[name] != pool[name]] == []
    from ouderbetrokkenheid.exporters.site.context import SiteContext

    pages = exporter.page_count(SiteContext(library, ("nl", "fr", "en"), ob.__version__, None))
    assert seen == [(done, pages) for done in range(pages + 1)]


def test_a_failing_page_in_a_worker_leaves_no_folder(library, tmp_path, monkeypatch):
    """A page that fails in a forked worker stops the export: its error is raised here and nothing
    is left behind (the pool writes into the temporary folder that is removed)."""
    from ouderbetrokkenheid.exporters.site import resource_page

    def explode(ctx, resource, lang, path):
        if resource.id == library.resources()[-1].id and lang == "en":
            raise RuntimeError(f"cannot render {resource.id}")
        return "<p>"

    monkeypatch.setattr(resource_page, "render_resource", explode)
    with pytest.raises(RuntimeError, match="cannot render"):
        SiteExporter().export(library, tmp_path / "site", {"workers": 2})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_bad_workers_option_is_refused_before_writing(library, tmp_path, workers):
    with pytest.raises(ValueError, match="workers"):
        SiteExporter().export(library, tmp_path / "site", {"workers": workers})
    assert not (tmp_path / "site").exists()


def test_bad_lang_option_is_refused_before_writing(library, tmp_path):
    with pytest.raises(ValueError, match="language tag"):
        SiteExporter().export(library, tmp_path / "site", {"lang": "<x>"})
    assert not (tmp_path / "site").exists()


def test_json_ld_of_all_languages_at_once_equals_one_language_at_a_time(library):
    from ouderbetrokkenheid.exporters.jsonld import resource_node
    from ouderbetrokkenheid.exporters.site.ld import _localize, page_node

    languages = ("nl", "fr", "en", "ary")
    checked = 0
    for lib in (library, _evil_library()):
        for resource in lib.resources():
            pack = lib.pack_of(resource.id)
            node = resource_node(resource, pack)
            for lang in languages:
                alone = {
                    "@context": "https://schema.org",
                    **(_localize(node, lang, pack.manifest.default_language) or {}),
                }
                assert page_node(resource, pack, lang, languages) == alone
                assert page_node(resource, pack, lang) == alone
                checked += 1
    assert checked > 4 * 50


def test_cli_export_takes_workers(tmp_path, capsys, monkeypatch):
    """``export --workers N`` reaches the exporter as ``options["workers"]``; 0 is a usage error
    (exit 2, said in the user's language) before anything is loaded or written."""
    from ouderbetrokkenheid.cli import main

    given: list[object] = []
    real = SiteExporter.export

    def spy(self, library, destination, options):
        given.append(options.get("workers"))
        return real(self, library, destination, options)

    monkeypatch.setattr(SiteExporter, "export", spy)
    pack = str(Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack")
    args = ["export", "--path", pack, "--to", "html"]
    assert main([*args, "--workers", "2", "--out", str(tmp_path / "site")]) == 0, capsys.readouterr()
    assert (tmp_path / "site" / "nl" / "index.html").is_file()
    assert main([*args, "--out", str(tmp_path / "site2")]) == 0
    assert given == [2, None]
    capsys.readouterr()
    assert main([*args, "--workers", "0", "--out", str(tmp_path / "s3"), "--lang", "nl"]) == 2
    assert "geef --workers een geheel aantal processen" in capsys.readouterr().err
    assert not (tmp_path / "s3").exists() and given == [2, None]


def test_search_indexes_made_together_equal_each_made_alone(library):
    """The site finds what its languages' search indexes share once (``SiteSearch``); each language's
    data is what ``build_index`` makes for it alone, and the shared part is let go after the last."""
    from ouderbetrokkenheid.exporters.site.context import SiteContext
    from ouderbetrokkenheid.exporters.site.search import SiteSearch, build_index

    ctx = SiteContext(library, LANGS, ob.__version__, None)

    def url_of(record, lang):
        return (ctx.path(record.id, lang) or "").split("/", 1)[-1]

    def year_of(record):
        return str(getattr(record, "year", None) or "")

    search = SiteSearch(
        ctx.catalog,
        ctx.records,
        LANGS,
        url_of=url_of,
        title_of=ctx.title,
        summary_of=ctx.summary,
        year_of=year_of,
    )
    for lang in LANGS:
        alone = build_index(
            Catalog(library),
            ctx.records,
            lang,
            url_of=lambda record, lang=lang: url_of(record, lang),
            title_of=lambda record, lang=lang: ctx.title(record, lang),
            summary_of=lambda record, lang=lang: ctx.summary(record, lang),
            year_of=year_of,
        )
        assert json.dumps(search.data(lang), sort_keys=True) == json.dumps(alone, sort_keys=True)
        assert search.data(lang) is search.data(lang)  # kept for the language's pages
    assert search._shared is None
    search.release("nl")
    assert "nl" not in search._data


def test_the_search_indexes_stay_in_one_slice_of_the_pool(library):
    """However small the slices, the languages' search indexes and their catalog and list pages are
    written by one worker (first), so what they share is found once."""
    from ouderbetrokkenheid.exporters.site import exporter
    from ouderbetrokkenheid.exporters.site.context import SiteContext

    ctx = SiteContext(library, LANGS, ob.__version__, None)
    todo = list(exporter.pages(ctx, "nl"))
    bounds = exporter.chunks(todo, 2)
    first = [todo[i][0] for i in range(*bounds[0])]
    block = [f"assets/search-index.{lang}.js" for lang in LANGS]
    assert set(block) <= set(first)
    assert {f"{lang}/{page}.html" for lang in LANGS for page in ("catalog", "list")} <= set(first)
    assert sorted(i for b in bounds for i in range(*b)) == list(range(len(todo)))


def test_a_resource_page_names_its_pack_by_title(site, library):
    """The "Pack" row shows the pack's title in the page's language, the words its publisher chose,
    not the pack's short name (``ocb``)."""
    from ouderbetrokkenheid.exporters.site.markup import m

    pack = next(p for p in library.packs if p.name == "ocb")
    name = pack.resources[0].id.replace("/", "__")
    for lang in LANGS:
        text = (site / lang / "resources" / f"{name}.html").read_text(encoding="utf-8")
        row = re.search(f"<dt>{re.escape(m('pack', lang))}</dt><dd>(.*?)</dd>", text)
        assert row is not None
        assert html.unescape(row.group(1)) == pack.manifest.title.get(lang)


def test_a_label_and_its_value_are_joined_as_the_page_language_writes_them(site):
    """French writes a space before the colon ("Complétude : complet"); Dutch and English do not. Every
    label-and-value line of the pages (translations, verification, completeness, other labels, forms)
    goes through the catalogue's pattern, so no French page has a label glued to its colon."""
    glued = re.compile(
        r"(?:Complétude|Vérification|Aussi|Remplir dans le navigateur|français|anglais|néerlandais):"
    )
    for path in sorted((site / "fr").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert not glued.search(text), (path, glued.search(text).group(0))
    french = (site / "fr" / "instruments.html").read_text(encoding="utf-8")
    assert "Complétude : " in french and "Remplir dans le navigateur :" in french
    dutch = (site / "nl" / "instruments.html").read_text(encoding="utf-8")
    assert "Volledigheid: " in dutch and "Volledigheid :" not in dutch
    some_resource = next((site / "fr" / "resources").glob("ocb__*.html")).read_text(encoding="utf-8")
    assert (
        "français : traduction automatique" in some_resource
        or "anglais : traduction automatique" in some_resource
    )


MARK = {"nl": "(automatische vertaling)", "fr": "(traduction automatique)", "en": "(machine translation)"}


def _machine(record, lang: str) -> bool:
    return any(tr.language == lang and tr.method == "machine" for tr in record.provenance.translations)


def test_a_machine_translation_is_marked_where_it_is_shown(site, library):
    """OCB's French and English labels are machine translations by this project: the page title, the
    lead and the blocks of "In every language" say so where they stand, in the page's words; the Dutch
    original does not. The instrument's questions are said once, by the section's heading."""
    resource = library.get("ocb/briefje-vragen-over-school")
    assert _machine(resource, "fr") and _machine(resource, "en") and not _machine(resource, "nl")
    name = "resources/ocb__briefje-vragen-over-school.html"
    for lang in ("fr", "en"):
        page = (site / lang / name).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1)
        assert h1.endswith(f'<span class="mt-mark">{MARK[lang]}</span>'), h1
        assert html.unescape(h1).startswith(resource.title.get_text(lang)), h1
        lead = re.search(r'<p class="lead">(.*?)</p>', page).group(1)
        assert lead.endswith(f'<span class="mt-mark">{MARK[lang]}</span>')
    dutch = (site / "nl" / name).read_text(encoding="utf-8")
    assert "mt-mark" not in re.search(r"<h1[^>]*>(.*?)</h1>", dutch).group(1)
    blocks = re.findall(r"<h3>(.*?)</h3>", dutch.split('id="languages"', 1)[1].split("</section>", 1)[0])
    assert [MARK["nl"] in block for block in blocks] == [False, True, True]  # Nederlands, Frans, Engels


def test_a_text_kept_in_its_original_language_is_not_called_a_translation(site, library):
    """Epstein's handbook keeps its English title in every language; its record's French is machine
    translated, but the title on the French page is the original, not a translation."""
    book = next(r for r in library.resources() if "Your Handbook for Action" in r.title.get_text("en"))
    assert _machine(book, "fr") and book.title.get_text("fr") == book.title.get_text("en")
    page = (site / "fr" / "resources" / f"{book.id.replace('/', '__')}.html").read_text(encoding="utf-8")
    assert "mt-mark" not in re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1)
    assert MARK["fr"] in re.search(r'<p class="lead"[^>]*>(.*?)</p>', page).group(1)  # its summary is


def test_the_catalog_marks_the_results_whose_words_are_a_machine_translation(site, library):
    resource = library.get("ocb/briefje-vragen-over-school")
    for lang, marked in (("fr", True), ("nl", False)):
        index = read_index((site / "assets" / f"search-index.{lang}.js").read_text(encoding="utf-8"))
        doc = next(d for d in index["docs"] if d["id"] == resource.id)
        assert bool(doc.get("m")) is marked
        assert index["mt"] == {"text": MARK[lang][1:-1], "lang": ""}
        listed = (site / lang / "list.html").read_text(encoding="utf-8")
        item = re.search(rf'<li><a href="{re.escape(doc["u"])}".*?</li>', listed, re.DOTALL).group(0)
        assert (f'<span class="mt-mark">{MARK[lang]}</span>' in item) is marked


def test_a_quickscan_says_once_that_its_words_are_a_machine_translation(site):
    """The quickscan page opens with the machine-translation notice; its questions and answers are not
    marked one by one. The instrument's page marks its questions' table once, by its heading."""
    quickscan = (site / "nl" / "quickscan" / "instrumenten__partnerschapsmeting-parents.html").read_text(
        encoding="utf-8"
    )
    assert "notice machine-translation" in quickscan and "mt-mark" not in quickscan
    instrument = (site / "nl" / "instruments" / "instrumenten__partnerschapsmeting.html").read_text(
        encoding="utf-8"
    )
    questions = instrument.split('<h2 id="questions">', 1)[1].split("</section>", 1)[0]
    assert questions.count("mt-mark") == 1 and questions.split("</h2>", 1)[0].endswith(
        f'<span class="mt-mark">{MARK["nl"]}</span>'
    )
