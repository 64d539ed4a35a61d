"""What a visitor reads on the site: no internal identifier, code or field name anywhere in the visible
text of any page (labels from the vocabularies and the packs instead). Ids may stay in URLs and in
``data-`` attributes. Text that carries another ``lang`` than its page (content shown in the language it
has) is checked for ids too, but not for words that are codes in one language and words in another."""

import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.model import VOCABULARIES, Assessment, Framework

ROOT = Path(__file__).resolve().parent.parent
PACKS = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]
#: Attributes a person meets (read out or shown).
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "value")
#: Elements whose text nobody reads.
HIDDEN_ELEMENTS = frozenset({"script", "style", "template"})


class VisibleText(HTMLParser):
    """The text of a page a person can see or hear: ``(text, lang)`` runs, ``lang`` the nearest one."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, str]] = []
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, hidden)

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        lang = a.get("lang") or self._lang()
        if tag == "a" and "out" in (a.get("class") or "").split() and not a.get("lang"):
            lang = "und"  # the title of a document elsewhere, in its own (unmarked) language
        hidden = self._hidden() or tag in HIDDEN_ELEMENTS
        if not (tag == "input" and a.get("type") in {"button", "submit", "reset"}):
            a.pop("value", None)  # a value is sent, not shown (but on a button's face)
        for name in SHOWN_ATTRIBUTES:
            if a.get(name) and not hidden and tag != "meta":
                self.runs.append((a[name], lang))
        if tag not in self.VOID:
            self.stack.append((tag, lang, hidden))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if data.strip() and not self._hidden():
            self.runs.append((data, self._lang()))


def visible(path: Path) -> list[tuple[str, str]]:
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.runs


@pytest.fixture(scope="module")
def library() -> ob.Library:
    return ob.Library.discover(PACKS, plugins=False)


@pytest.fixture(scope="module")
def site(library, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("visitor") / "site"
    SiteExporter().export(library, out, {"lang": "nl"})
    return out


def identifiers(library: ob.Library) -> tuple[set[str], set[str]]:
    """``(ids, codes)``: strings that are ids wherever they appear (record, concept, source and local ids
    with a ``/``, ``#`` or ``_``; the model's field names with a ``_``; the packs' source documents), and
    codes that read as English words (respondent groups, vocabulary codes such as ``parent-council``) and
    so are flagged on pages in other languages only."""
    ids: set[str] = set()
    codes: set[str] = set()
    for record in library:
        ids.add(record.id)
        for field in attrs.fields(type(record)):
            if "_" in field.name:
                ids.add(field.name)
        if isinstance(record, Framework):
            ids.update(concept.id for concept in record.concepts)
        if isinstance(record, Assessment):
            local = [
                *(g.id for g in record.groups),
                *(d.id for d in record.dimensions),
                *(b.id for b in record.bands),
                *(s.id for s in record.scales),
                *(s.id for s in record.sections),
                *(i.link_id for i in record.items()),
            ]
            ids.update(x for x in local if "_" in x)
            codes.update(g.id for g in record.groups)
    for pack in library.packs:
        for source in pack.manifest.sources:
            if "_" in source.id or "/" in source.id:
                ids.add(source.id)
            if source.document:
                ids.add(source.document)
    for vocabulary in VOCABULARIES.values():
        # a code of more than one word reads as a code in every language (``parent-council``)
        ids.update(term.code for term in vocabulary.terms if "_" in term.code)
        codes.update(term.code for term in vocabulary.terms if "-" in term.code)
    ids.update(FIELD_NAMES)
    return ids, codes


#: Field names of the model a visitor might meet in running text.
FIELD_NAMES = frozenset({"content_status", "known_gaps", "described_in", "link_id", "min_group_size"})
TOKEN = re.compile(r"[\w/#.:-]+")


def _found(text: str, ids: set[str]) -> list[str]:
    out = []
    for token in TOKEN.findall(text):
        bare = token.strip(".:-,;")
        if bare in ids:
            out.append(bare)
    return out


def test_no_page_shows_an_internal_id_code_or_field_name(site, library):
    ids, codes = identifiers(library)
    assert {"voorbeeld/mini-scan", "described_in", "t1_opvoeding", "parents"} <= ids | codes
    # codes that are also words of Dutch or French (a team is "team" in Dutch too)
    words = {"nl": {"team"}, "fr": {"parents"}}
    shown: dict[str, set[str]] = {}
    pages = sorted(p for p in site.rglob("*.html") if p.parent != site)
    assert len(pages) > 300
    for page in pages:
        lang = page.relative_to(site).parts[0]
        lang = lang if lang in {"nl", "fr", "en"} else page.stem.rsplit("-", 1)[-1]  # forms/x-parents-nl
        for text, text_lang in visible(page):
            found = _found(text, ids)
            if lang != "en" and (text_lang or lang) == lang:
                found += [w for w in TOKEN.findall(text) if w in codes and w not in words.get(lang, set())]
            for word in found:
                shown.setdefault(word, set()).add(str(page.relative_to(site)))
    assert not shown, "\n".join(
        f"{word}: {len(where)} pages, e.g. {sorted(where)[:2]}" for word, where in sorted(shown.items())
    )
