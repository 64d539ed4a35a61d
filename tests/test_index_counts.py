"""The search index's counts, checked against a plain count of every word of every record: the index
counts each distinct text once and the documents with numpy, which must give the same postings."""

import math
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.catalog.analysis import fold, is_stop, primary, stem, words
from ouderbetrokkenheid.catalog.catalog import Catalog, _records, _values
from ouderbetrokkenheid.catalog.index import (
    K1,
    TEXT_FIELDS,
    WEIGHTS,
    B,
    LangIndex,
    pseudo_term,
    record_fields,
)

ROOT = Path(__file__).resolve().parents[1]
PACKS = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]


def _plain(records, defaults, values, lang):
    """Term -> (documents, BM25 weights), and (folded, stem) -> count, word by word."""
    tag = primary(lang)
    rows: list[dict[str, list[float]]] = []
    lengths: list[list[int]] = []
    pairs: Counter[tuple[str, str]] = Counter()
    for record, default, found in zip(records, defaults, values, strict=True):
        counts: dict[str, list[float]] = defaultdict(lambda: [0.0] * (len(TEXT_FIELDS) + 1))
        length = [0] * len(TEXT_FIELDS)
        for field, text in record_fields(record, lang, default):
            at = TEXT_FIELDS.index(field)
            for word in words(text):
                if not is_stop(word, tag):
                    counts[stem(word, tag)][at] += 1
                    length[at] += 1
                    pairs[fold(word), stem(word, tag)] += 1
        for facet, codes in found.items():
            for code in codes:
                counts[pseudo_term(facet, code)][-1] += WEIGHTS["facet"]
        rows.append(counts)
        lengths.append(length)
    size = len(records)
    average = [sum(length[i] for length in lengths) / size or 1.0 for i in range(len(TEXT_FIELDS))]
    postings = {}
    for term in sorted({term for row in rows for term in row}):
        docs = [doc for doc, row in enumerate(rows) if term in row]
        idf = math.log(1 + (size - len(docs) + 0.5) / (len(docs) + 0.5))
        weights = []
        for doc in docs:
            tf = rows[doc][term]
            tilde = tf[-1] + sum(
                tf[i] * WEIGHTS[name] / (1 - B + B * lengths[doc][i] / average[i])
                for i, name in enumerate(TEXT_FIELDS)
            )
            weights.append(tilde * (K1 + 1) / (tilde + K1) * idf)
        postings[term] = (docs, weights)
    return postings, pairs


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_postings_equal_a_plain_count(lang):
    library = ob.Library.discover(PACKS, plugins=False)
    records = _records(library)
    defaults = Catalog(library)._documents().defaults
    _, values = _values(library, records)
    index = LangIndex(records, defaults, values, [], lang)
    postings, pairs = _plain(records, defaults, values, lang)
    assert list(index.postings) == list(postings)
    for term, (docs, weights) in postings.items():
        got_docs, got_weights = index.postings[term]
        assert got_docs.tolist() == docs
        assert got_weights.tolist() == pytest.approx(weights, abs=1e-5)
    stems: dict[str, dict[str, int]] = defaultdict(dict)
    for (folded, term), n in pairs.items():
        stems[folded][term] = n
    assert list(index.surface) == list(stems)  # in the order the words are first met
    assert index.surface == {
        w: max(s.items(), key=lambda item: (item[1], item[0]))[0] for w, s in stems.items()
    }
