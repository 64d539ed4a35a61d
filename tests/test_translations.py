"""The French and English labels of the bundled packs read as one translation: the same Dutch text is
rendered the same way everywhere, a record and its ``same_as`` twin carry the same title, a word a
record declares untranslated stays untranslated, and known false friends and calques stay out."""

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
import yaml

from .conftest import ROOT

PACK_FILES = sorted(ROOT.glob("plugins/*/src/*/pack/*.yaml"))
TRANSLATED = ("fr", "en")


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def texts(node, where="") -> Iterator[tuple[str, dict[str, str]]]:
    """Every language map (a mapping with an ``nl`` text and a French or English one) in *node*."""
    if isinstance(node, dict):
        if isinstance(node.get("nl"), str) and any(isinstance(node.get(lang), str) for lang in TRANSLATED):
            yield where, {k: v for k, v in node.items() if isinstance(v, str)}
        for key, value in node.items():
            yield from texts(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{where}/{index}")


def records() -> Iterator[tuple[str, dict]]:
    for path in PACK_FILES:
        data = _load(path)
        if not isinstance(data, dict):
            continue
        for value in data.values():
            if isinstance(value, list):
                for record in value:
                    if isinstance(record, dict) and "id" in record:
                        yield path.name, record


ALL_TEXTS = [
    (f"{path.parent.parent.name}/{path.name}{where}", text)
    for path in PACK_FILES
    for where, text in texts(_load(path))
]
#: Short labels (titles, names of concepts and collections): the same Dutch must read the same.
LABELS = [(where, text) for where, text in ALL_TEXTS if where.endswith(("/title", "/label"))]


def _main(title: str) -> str:
    """A title without the Dutch original that follows it in brackets, folded for comparison."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", " ".join(title.split())).rstrip(".").casefold()


def test_there_is_data_to_check():
    assert len(PACK_FILES) >= 10
    assert len(LABELS) >= 200


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_same_dutch_label_is_translated_the_same_way(lang):
    renderings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for where, text in LABELS:
        if lang in text:
            renderings[" ".join(text["nl"].split())][" ".join(text[lang].split())].append(where)
    differing = {nl: dict(found) for nl, found in renderings.items() if len(found) > 1}
    assert not differing, differing


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_record_and_its_twin_have_one_title(lang):
    """``same_as`` twins describe one document: one title may be longer (a subtitle), not different."""
    titles = {record["id"]: record.get("title", {}) for _, record in records()}
    checked, differing = 0, []
    for _, record in records():
        for twin in record.get("same_as", []):
            if twin not in titles or lang not in titles[twin] or lang not in record.get("title", {}):
                continue
            checked += 1
            one, other = _main(record["title"][lang]), _main(titles[twin][lang])
            if not (one.startswith(other) or other.startswith(one)):
                differing.append((record["id"], record["title"][lang], twin, titles[twin][lang]))
    assert checked >= 4
    assert not differing, differing


def _untranslated_words() -> set[str]:
    """Words that a record says it leaves untranslated (``het woord 'X' is ... onvertaald gelaten``)."""
    words = set()
    for _, text in ALL_TEXTS:
        for match in re.finditer(r"woord '([^']+)'[^.]*onvertaald", " ".join(text["nl"].split())):
            words.add(match.group(1))
    return words


def test_a_word_left_untranslated_is_left_untranslated_everywhere():
    words = _untranslated_words()
    assert words, "no record declares an untranslated word; this test checks nothing"
    slips = []
    for where, text in ALL_TEXTS:
        for word in words:
            if word not in text["nl"]:
                continue
            for lang in TRANSLATED:
                rendered = text.get(lang, "")
                # translated, with the Dutch word only in brackets after it, or dropped
                if re.search(rf"\(\s*{re.escape(word)}\s*\)", rendered) or word not in rendered:
                    slips.append((where, lang, rendered[:200]))
    assert not slips, slips


#: False friends and calques found in review; each pattern is the slip, not the data.
SLIPS = {
    "fr": [
        (r"\babordables?\b", "'laagdrempelig' is 'accessible, à bas seuil', not 'abordable' (affordable)"),
        (r"Selon ce groupe, ce groupe", "repetition: 'D'après ces répondants, ce groupe'"),
        (r"Mettez l'épaule", "calque of 'de schouders zetten onder': 'Engagez-vous pour'"),
        (r"incitants pour parents", "'ouderprikkels' is left untranslated"),
    ],
    "en": [
        (r"shoulders to", "calque of 'de schouders zetten onder': 'Get behind'"),
        (r"Handbook parental", "word order: 'Parental involvement handbook'"),
        (r"\bThinking along\b", "calque of 'meedenken': 'Contributing ideas'"),
        (r"\bWarm welcome and reciprocal\b", "'Warm, welcoming and reciprocal', as the book's other record"),
        (r"parent prompts", "'ouderprikkels' is left untranslated"),
    ],
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_known_false_friend_or_calque(lang):
    found = [
        (where, why, text[lang][:120])
        for where, text in ALL_TEXTS
        if lang in text
        for pattern, why in SLIPS[lang]
        if re.search(pattern, text[lang], re.IGNORECASE)
    ]
    assert not found, found


def test_every_translation_stays_marked():
    """Every record with French or English labels says how they were made (``provenance.translations``)."""
    unmarked = []
    for name, record in records():
        provenance = record.get("provenance")
        if not isinstance(provenance, dict):
            continue
        languages = {t.get("language") for t in provenance.get("translations", []) if isinstance(t, dict)}
        title = record.get("title", {})
        source = provenance.get("language", "nl")
        for lang in TRANSLATED:
            if lang != source and isinstance(title, dict) and lang in title and lang not in languages:
                unmarked.append((name, record["id"], lang))
    assert not unmarked, unmarked


#: Search synonyms of our thesaurus that name another thing (found in review): concept -> language ->
#: the label that must not lead to it, and why.
THESAURUS_SLIPS = {
    "schoolraad": {
        "en": {
            "school board": "a school board governs the school (the 'schoolbestuur'); the schoolraad is "
            "the participation council of parents, staff and the local community"
        },
    },
}


def test_no_thesaurus_synonym_names_another_thing():
    entries = {
        entry["id"]: entry
        for path in PACK_FILES
        for entry in (_load(path).get("thesaurus") or [])
        if isinstance(entry, dict) and "id" in entry
    }
    assert set(THESAURUS_SLIPS) <= set(entries), "a concept of THESAURUS_SLIPS is gone; update the table"
    found = [
        (concept, label[lang], why)
        for concept, slips in THESAURUS_SLIPS.items()
        for key in ("label", "alt_labels", "hidden_labels")
        for label in (
            [entries[concept].get(key) or {}] if key == "label" else entries[concept].get(key) or []
        )
        for lang, wrong in slips.items()
        for slip, why in wrong.items()
        if isinstance(label.get(lang), str) and label[lang].casefold() == slip.casefold()
    ]
    assert not found, found
