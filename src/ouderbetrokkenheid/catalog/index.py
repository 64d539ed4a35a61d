"""The search index: documents, their facet values, and per language an inverted index with BM25
weights, the words people typed (for typo tolerance) and the thesaurus.

Ranking, in short (:meth:`LangIndex.plan` and :func:`rank`):

1. The query is analysed like the records (:mod:`~ouderbetrokkenheid.catalog.analysis`) and cut into
   *slots*: a phrase the thesaurus knows (``conseil des parents``), or one word.
2. A slot matches a record through *alternatives*, each with a factor: the word itself (1.0); a
   thesaurus synonym's words (0.7);
   compounds both ways: the word at the start or the end of a longer word (``thuis`` in
   *thuisbetrokkenheid*, ``boek`` in *handboek*: 0.6) and the last part of a compound query word
   (``handboek`` finds *boek*: 0.4); a word one or two typos away, for longer words (0.5). The slot's
   score for a record is its best alternative's BM25F weight (each field's count normalised by that
   field's length) times the factor, plus a boost when the word names a facet value the record has
   (``boek`` -> books, ``kleuter`` -> nursery school: 0.6 of that value's weight; a framework
   concept's label, 0.3). An alternative weaker than exact that is rarer than the word typed weighs
   with the typed word's rarity (:meth:`LangIndex.slot_idf`). Thesaurus groups that share a
   preferred label expand to each other's alternatives (:meth:`LangIndex._join_groups`).
3. Slots that match no record at all are reported as unmatched. The others weigh by how rare they
   are (the verb of a question, ``betrek`` in ``hoe betrek ik …``, half as much: :data:`VERB`); a record's *coverage* is the share of that weight it matches, and its score is the sum of
   its slot scores times coverage squared, so records that match the rare words rank first. When
   some record matches a word that is not very common, records that match only very common words
   (in more than a fifth of the records, and more than ten) are left out, and the very common words
   weigh nothing in the coverage (lacking ``school`` does not push a record on *diversiteit* down
   for ``diversiteit op school``; matching it still adds to the score).
4. Records that describe one publication (``same_as``) are one result: the best of them, naming the
   others.

:func:`rank` does this with numpy over every document; :func:`rank_sparse` does the same operations on
the documents a query touches, in plain Python, for queries that read few postings (a search from the
command line then imports no numpy). They give the same numbers (a test compares them).
"""

import array
import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.catalog.analysis import analyse, fold, is_stop, primary, question_verbs, stem, words
from ouderbetrokkenheid.catalog.thesaurus import FREE, Group
from ouderbetrokkenheid.model import Assessment, Finding, Framework, LocalizedText, Record, Resource

if TYPE_CHECKING:
    import numpy as np

#: Field weights: a match in a title counts more than one in a summary.
WEIGHTS = {"title": 3.0, "labels": 2.0, "people": 1.5, "summary": 1.0, "facet": 2.0}
#: The fields with words, in the order their counts are kept.
TEXT_FIELDS = ("title", "labels", "people", "summary")
K1 = 1.2
B = 0.75

#: Factors of the alternatives of a query word (see the module's docstring).
EXACT = 1.0
FACET = 0.6
CONCEPT = 0.3
SYNONYM = 0.7
COMPOUND = 0.6
FUZZY = 0.5
HEAD = 0.4
#: The weight of the verb of a question (``betrek`` in ``hoe betrek ik anderstalige ouders``).
VERB = 0.5
#: The shortest word that is looked for inside compounds.
MIN_COMPOUND = 4
#: The shortest word that typos are forgiven in (one typo; two from :data:`TWO_TYPOS` letters on:
#: below that, two typos turn too many words into other words, ``oprichten`` into *opdracht*).
MIN_FUZZY = 6
TWO_TYPOS = 12
#: A word in more than this share of the records (and more than :data:`MIN_COMMON` of them) is very
#: common.
COMMON = 0.2
MIN_COMMON = 10
#: A word found nowhere that starts with a known stem and has at most this many letters more is
#: taken as that stem (an inflection of it: ``ontmoetingen`` -> ``ontmoet``).
MAX_ENDING = 5
#: The longest thesaurus phrase, in words.
MAX_PHRASE = 4
#: Decimals of the index weights (the site ships them so).
ROUND = 5
#: Index terms that stand for a facet value start with this (no word does: words are letters).
PSEUDO = "~"


def pseudo_term(facet: str, value: str) -> str:
    """The index term of a facet value (``~kind:book``)."""
    return f"{PSEUDO}{facet}:{value}"


@attrs.frozen(kw_only=True)
class Slot:
    """One part of a query: the words typed, and the index terms that match them."""

    words: tuple[str, ...]
    #: ``(terms, factor)``: a record matches an alternative when it has every one of its terms.
    alternatives: tuple[tuple[tuple[str, ...], float], ...]
    #: What the slot's scores and its share of the coverage are multiplied with (:data:`VERB` for the
    #: verb of a question, else 1).
    weight: float = 1.0


def _text(value: LocalizedText | None, lang: str | None, default: str) -> str:
    return "" if value is None else value.get_text(lang, default)


def record_fields(record: Record, lang: str | None, default: str) -> list[tuple[str, str]]:
    """The searchable texts of *record* in *lang*, each with its field (for its weight)."""
    out: list[tuple[str, str]] = []
    if isinstance(record, Resource):
        out += [
            ("title", _text(record.title, lang, default)),
            ("title", _text(record.subtitle, lang, default)),
        ]
        out += [("summary", _text(record.summary, lang, default))]
        out += [("people", agent.name) for agent in (*record.authors, *record.publisher)]
    elif isinstance(record, Framework):
        out += [
            ("title", _text(record.title, lang, default)),
            ("summary", _text(record.summary, lang, default)),
        ]
        for concept in record.concepts:
            out.append(("labels", _text(concept.label, lang, default)))
            out += [("labels", _text(alt, lang, default)) for alt in concept.alt_labels]
            out += [("labels", _text(alt, lang, default)) for alt in concept.hidden_labels]
            out.append(("summary", _text(concept.definition, lang, default)))
        out += [("people", agent.name) for agent in (*record.authors, *record.publisher)]
    elif isinstance(record, Finding):
        out += [("title", _text(record.claim, lang, default))]
        out += [("summary", _text(caveat, lang, default)) for caveat in record.caveats]
    elif isinstance(record, Assessment):
        out += [
            ("title", _text(record.title, lang, default)),
            ("summary", _text(record.summary, lang, default)),
        ]
        out += [("labels", _text(d.label, lang, default)) for d in record.dimensions]
    return out


class Postings(Mapping[str, tuple["np.ndarray", "np.ndarray"]]):
    """Term -> (document numbers, weights), stored as three flat ``array.array`` (saved and loaded
    without numpy: a query that touches few postings needs no numpy at all, see :func:`rank_sparse`).
    Indexing gives numpy views of them (no copy)."""

    def __init__(self, terms: list[str], offsets: Any, docs: Any, weights: Any) -> None:
        self.terms = terms
        self.offsets = _flat("q", offsets)
        self.docs = _flat("i", docs)
        self.weights = _flat("d", weights)
        self._at: dict[str, int] | None = None
        self._numpy: tuple[np.ndarray, np.ndarray] | None = None

    def __getstate__(self) -> tuple[list[str], "array.array[int]", "array.array[int]", "array.array[float]"]:
        return (self.terms, self.offsets, self.docs, self.weights)

    def __setstate__(
        self, state: tuple[list[str], "array.array[int]", "array.array[int]", "array.array[float]"]
    ) -> None:
        self.terms, self.offsets, self.docs, self.weights = state
        self._at = None
        self._numpy = None

    def _position(self) -> dict[str, int]:
        if self._at is None:
            self._at = {term: i for i, term in enumerate(self.terms)}
        return self._at

    def df(self, term: str) -> int:
        """How many documents have *term*."""
        i = self._position()[term]
        return self.offsets[i + 1] - self.offsets[i]

    def sparse(self, term: str) -> tuple["array.array[int]", "array.array[float]"]:
        """*term*'s document numbers and weights as plain arrays (no numpy)."""
        i = self._position()[term]
        start, end = self.offsets[i], self.offsets[i + 1]
        return self.docs[start:end], self.weights[start:end]

    def __getitem__(self, term: str) -> tuple["np.ndarray", "np.ndarray"]:
        if self._numpy is None:
            import numpy as np

            self._numpy = (
                np.frombuffer(self.docs, dtype=np.int32),
                np.frombuffer(self.weights, dtype=np.float64),
            )
        i = self._position()[term]
        start, end = self.offsets[i], self.offsets[i + 1]
        return self._numpy[0][start:end], self._numpy[1][start:end]

    def __contains__(self, term: object) -> bool:
        return term in self._position()

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


#: The numpy type of each ``array.array`` type code used here.
_DTYPES = {"q": "int64", "i": "int32", "d": "float64", "b": "bool"}


def _flat(code: str, values: Any) -> "array.array[Any]":
    """*values* (an ``array.array`` or a numpy array) as an ``array.array`` of type *code*."""
    if isinstance(values, array.array) and values.typecode == code:
        return values
    import numpy as np

    out = array.array(code)
    out.frombytes(np.ascontiguousarray(values, dtype=_DTYPES[code]).tobytes())
    return out


def osa_distance(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance of *a* and *b* (a swap of two letters is one typo);
    any value above *limit* is returned as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


class _Collected:
    """What an index is made of, gathered in one pass over the records and counted with numpy.

    Each text of a record is analysed once into its words that are not stop words: per distinct word
    its term (the stem), its ``(folded, stem)`` pair and how often it occurs. Records repeat many
    texts (names, titles, a framework's labels), so a text seen before is looked up; texts longer than
    :attr:`SHORT` only up to :attr:`LIMIT` of them (unique summaries would make that memo as big as
    the catalog). Per record only which texts it has (in which field) and its facet values' terms
    are noted; :meth:`words` spreads the texts back into words, for numpy to count."""

    SHORT = 200
    LIMIT = 5000

    def __init__(self, lang: str) -> None:
        self.lang = lang
        #: Index terms (stems, and the terms of facet values), numbered as they are first met.
        self.terms: dict[str, int] = {}
        #: ``(folded word, stem)`` pairs, numbered as they are first met (the order of the surfaces).
        self.pairs: dict[tuple[str, str], int] = {}
        self._known: dict[str, tuple[str, str] | None] = {}  # word -> (folded, stem); None: stop word
        self._texts: dict[str, int] = {}
        self._long = 0
        # per analysed text, its distinct words from _starts[i] to _starts[i + 1]: term, pair, count
        self._word_term = array.array("i")
        self._word_pair = array.array("i")
        self._word_count = array.array("d")
        self._starts = array.array("q", [0])
        # per text of a record: the analysed text's number, the record (document) and the field
        self._text = array.array("i")
        self._doc = array.array("i")
        self._field = array.array("i")
        #: Per facet value of a record: its term and the record.
        self.facet_term = array.array("i")
        self.facet_doc = array.array("i")
        self._facet_terms: dict[tuple[str, str], int] = {}  # (facet, value) -> its term's number

    def add_texts(self, doc: int, texts: Iterable[tuple[int, str]]) -> None:
        """Note that document *doc* has *texts*: ``(field number, text)``."""
        numbers = self._texts
        for field, text in texts:
            number = numbers.get(text)
            if number is None:
                number = self._analyse(text)
                if len(text) <= self.SHORT:
                    numbers[text] = number
                elif self._long < self.LIMIT:
                    self._long += 1
                    numbers[text] = number
            self._text.append(number)
            self._field.append(field)
            self._doc.append(doc)

    def add_facets(self, doc: int, values: Mapping[str, Iterable[str]]) -> None:
        """Note that document *doc* has *values* (facet -> its values)."""
        numbers = self._facet_terms
        added = len(self.facet_term)
        for facet, found in values.items():
            for value in found:
                number = numbers.get((facet, value))
                if number is None:
                    number = numbers[facet, value] = _number(self.terms, pseudo_term(facet, value))
                self.facet_term.append(number)
        self.facet_doc.extend([doc] * (len(self.facet_term) - added))

    def _analyse(self, text: str) -> int:
        for word, n in Counter(words(text)).items():  # in the order the words first occur
            info = self._known.get(word, ())
            if info == ():
                info = self._known[word] = (
                    None if is_stop(word, self.lang) else (fold(word), stem(word, self.lang))
                )
            if info is not None:
                self._word_term.append(_number(self.terms, info[1]))
                self._word_pair.append(_number(self.pairs, info))
                self._word_count.append(n)
        self._starts.append(len(self._word_term))
        return len(self._starts) - 2

    def words(self) -> tuple["np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray"]:
        """Per distinct word of each text of each record, in the order noted: its term, its pair, its
        count, the document and the field."""
        import numpy as np

        starts = np.frombuffer(self._starts, dtype=np.int64)
        text = np.frombuffer(self._text, dtype=np.int32)
        sizes = (starts[1:] - starts[:-1])[text]
        # the positions of each text's words, text after text: where its words start, plus 0, 1, ...
        at = np.repeat(starts[:-1][text] - (np.cumsum(sizes) - sizes), sizes) + np.arange(sizes.sum())
        return (
            np.frombuffer(self._word_term, dtype=np.int32)[at],
            np.frombuffer(self._word_pair, dtype=np.int32)[at],
            np.frombuffer(self._word_count, dtype=np.float64)[at],
            np.repeat(np.frombuffer(self._doc, dtype=np.int32), sizes),
            np.repeat(np.frombuffer(self._field, dtype=np.int32), sizes),
        )


def _number(numbers: dict[Any, int], key: Any) -> int:
    """The number of *key* in *numbers*; the next free one when it has none yet."""
    found = numbers.get(key)
    if found is None:
        found = numbers[key] = len(numbers)
    return found


class LangIndex:
    """The inverted index of every document for the labels in one language.

    Postings are numpy arrays with the BM25 term-frequency part and the idf already multiplied in,
    so a query costs a few vector operations per matching index term.
    """

    def __init__(
        self,
        records: Sequence[Record],
        defaults: Sequence[str],
        values: Sequence[dict[str, set[str]]],
        groups: Iterable[Group],
        lang: str | None,
    ) -> None:
        import numpy as np

        self.lang = primary(lang)
        fields = {name: i for i, name in enumerate(TEXT_FIELDS)}
        collected = _Collected(self.lang)
        for doc, (record, default) in enumerate(zip(records, defaults, strict=True)):
            collected.add_texts(
                doc, ((fields[field], text) for field, text in record_fields(record, lang, default))
            )
            collected.add_facets(doc, values[doc])
        self.size = len(records)
        size = max(self.size, 1)
        width = len(TEXT_FIELDS) + 1
        word_term, word_pair, word_count, word_doc, word_field = collected.words()
        facet_term = np.frombuffer(collected.facet_term, dtype=np.int32)
        facet_doc = np.frombuffer(collected.facet_doc, dtype=np.int32)
        # each (term, document) once, by term (sorted) then document: the term's count in each text
        # field of the document, then its facet weight (sums of whole numbers: exact in any order)
        names = list(collected.terms)
        order = sorted(range(len(names)), key=names.__getitem__)
        rank = np.empty(len(names), dtype=np.int64)
        rank[order] = np.arange(len(names))
        keys = np.concatenate((rank[word_term] * size + word_doc, rank[facet_term] * size + facet_doc))
        found, row = np.unique(keys, return_inverse=True)
        column = np.concatenate((word_field, np.full(len(facet_term), width - 1, dtype=np.int32)))
        amount = np.concatenate((word_count, np.full(len(facet_term), WEIGHTS["facet"])))
        tf = np.bincount(row * width + column, weights=amount, minlength=len(found) * width)
        tf = tf.reshape(-1, width)
        doc_array = (found % size).astype(np.int32)
        df = np.bincount(found // size, minlength=len(names))
        # BM25F: each field's count is normalised by that field's length (a title match in a record
        # with a long summary counts as a title match), weighted, summed, then saturated once
        length_array = np.bincount(
            word_doc.astype(np.int64) * len(TEXT_FIELDS) + word_field,
            weights=word_count,
            minlength=self.size * len(TEXT_FIELDS),
        ).reshape(-1, len(TEXT_FIELDS))
        average = length_array.mean(axis=0) if self.size else np.ones(len(TEXT_FIELDS))
        average[average == 0] = 1.0
        field_weights = np.asarray([WEIGHTS[name] for name in TEXT_FIELDS], dtype=np.float64)
        normal = 1 - B + B * length_array[doc_array] / average
        tilde = (tf[:, :-1] * field_weights / normal).sum(axis=1) + tf[:, -1]
        norm = tilde * (K1 + 1) / (tilde + K1)
        idf = np.repeat(np.asarray([self.idf(n) for n in df.tolist()], dtype=np.float64), df)
        #: Every term's postings: document numbers and BM25 weights (one pair of arrays per term),
        #: rounded as the site ships them, so that the site's scores are the same numbers.
        self.postings = Postings(
            [names[i] for i in order],
            np.concatenate(([0], np.cumsum(df))).astype(np.int64),
            doc_array,
            np.round(norm * idf, ROUND),
        )
        pair_counts = np.bincount(word_pair, weights=word_count, minlength=len(collected.pairs))
        pairs = zip(collected.pairs, pair_counts.astype(np.int64).tolist(), strict=True)
        #: The words (stems), sorted, without the facet values' terms.
        self.vocabulary = sorted(t for t in self.postings if not t.startswith(PSEUDO))
        self._reversed = sorted(t[::-1] for t in self.vocabulary)
        surfaces: dict[str, dict[str, int]] = defaultdict(dict)
        for (folded, term), n in pairs:
            surfaces[folded][term] = n
        #: Each folded word of the records, with the stem it has most often.
        self.surface = {
            word: max(stems.items(), key=lambda item: (item[1], item[0]))[0]
            for word, stems in surfaces.items()
        }
        self._phrases: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._expansions: list[list[tuple[tuple[str, ...], float]]] = []
        self._keys: list[str] = []
        self._preferred: list[list[tuple[str, ...]]] = []
        for group in groups:
            self._add_group(group)
        self._phrases = dict(self._phrases)
        self._join_groups()
        self._surface_sorted = sorted(self.surface)

    # -- the thesaurus ------------------------------------------------------------------------
    def _add_group(self, group: Group) -> None:
        number = len(self._expansions)
        own: list[tuple[str, ...]] = []
        every: list[tuple[str, ...]] = []
        preferred: list[tuple[str, ...]] = []
        for place, (label_lang, text) in enumerate(group.labels):
            phrase = tuple(analyse(text, self.lang))
            if not phrase:
                continue
            if place < group.preferred and primary(label_lang) == self.lang:
                preferred.append(phrase)
            # the label's words become known words, so a query finds the label however it is typed
            for word in words(text):
                self.surface.setdefault(fold(word), stem(word, self.lang))
            every.append(phrase)
            if primary(label_lang) == self.lang:
                own.append(phrase)
            if len(phrase) <= MAX_PHRASE and number not in self._phrases[phrase]:
                self._phrases[phrase].append(number)
        expansions: list[tuple[tuple[str, ...], float]] = []
        for phrase in dict.fromkeys(own or every):
            if all(term in self.postings for term in phrase):
                expansions.append((phrase, SYNONYM))
        if group.value is not None:
            term = pseudo_term(*group.value)
            if term in self.postings:
                expansions.append(((term,), CONCEPT if group.value[0] == "concept" else FACET))
        self._expansions.append(expansions)
        self._keys.append(group.key)
        self._preferred.append(preferred)

    def _join_groups(self) -> None:
        """A group whose preferred label in the index's language is a label of another group (in any
        language: the phrases are analysed alike) is about the same thing: each
        of the two gets the other's expansions (the thesaurus entry *anderstalig*, with
        ``taalbarrière``, and the theme *multilingualism*, labelled ``anderstalig``: ``taalbarrière``
        then finds that theme's records too). Sharing only an alternative label joins nothing (an
        entry may list a narrower word as an alternative)."""
        neighbours: dict[int, list[int]] = defaultdict(list)
        for number, phrases in enumerate(self._preferred):
            for phrase in phrases:
                for other in self._phrases.get(phrase, ()):
                    if other != number:
                        neighbours[number].append(other)
                        neighbours[other].append(number)
        joined = []
        for number, own in enumerate(self._expansions):
            merged = dict(own)
            for other in dict.fromkeys(neighbours.get(number, ())):
                for terms, factor in self._expansions[other]:
                    merged[terms] = max(merged.get(terms, 0.0), factor)
            joined.append(list(merged.items()))
        self._expansions = joined
        del self._preferred

    # -- query planning ------------------------------------------------------------------------
    def query_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The content words of *query* (stop words left out, unless there is nothing else) and
        their index terms: the Snowball stem of a word the records or the thesaurus use (looked up,
        so the site finds exactly the same), else the folded word itself (a word that occurs
        nowhere can still match compounds and typos)."""
        content, _ = self._content(query)
        return content, [self._term(fold(w)) for w in content]

    def _content(self, query: str) -> tuple[list[str], list[bool]]:
        """The content words of *query* and, for each, whether it is the verb of a question."""
        typed = words(query)
        verbs = question_verbs(typed, self.lang)
        kept = [i for i, w in enumerate(typed) if not is_stop(w, self.lang)] or list(range(len(typed)))
        return [typed[i] for i in kept], [i in verbs for i in kept]

    def _term(self, folded: str) -> str:
        if folded in self.surface:
            return self.surface[folded]
        for cut in range(len(folded) - 1, max(MIN_COMPOUND, len(folded) - MAX_ENDING) - 1, -1):
            if folded[:cut] in self.postings:
                return folded[:cut]
        return folded

    def plan(self, query: str, lang: str | None = None) -> list[Slot]:
        """The slots of *query* (analysed in the index's language)."""
        content, stems = self.query_terms(query)
        _, verbs = self._content(query)
        slots: list[Slot] = []
        i = 0
        while i < len(stems):
            for length in range(min(MAX_PHRASE, len(stems) - i), 0, -1):
                phrase = tuple(stems[i : i + length])
                if length > 1 and phrase not in self._phrases:
                    continue
                alternatives: dict[tuple[str, ...], float] = {}
                if length == 1:
                    for terms, factor in self._word(phrase[0], fold(content[i])):
                        alternatives[terms] = max(alternatives.get(terms, 0.0), factor)
                elif all(term in self.postings for term in phrase):
                    alternatives[phrase] = EXACT * length  # each word of the phrase counts
                for group in self._phrases.get(phrase, ()):
                    for terms, factor in self._expansions[group]:
                        alternatives[terms] = max(alternatives.get(terms, 0.0), factor)
                weight = VERB if length == 1 and verbs[i] else 1.0
                slots.append(
                    Slot(
                        words=tuple(content[i : i + length]),
                        alternatives=tuple(alternatives.items()),
                        weight=weight,
                    )
                )
                i += length
                break
        return slots

    def _word(self, term: str, typed: str) -> list[tuple[tuple[str, ...], float]]:
        """The alternatives of one query word: itself, compounds, typos."""
        found: list[tuple[tuple[str, ...], float]] = []
        if term in self.postings:
            found.append(((term,), EXACT))
        if len(term) >= MIN_COMPOUND:
            start = bisect.bisect_left(self.vocabulary, term)
            for candidate in self.vocabulary[start:]:
                if not candidate.startswith(term):
                    break
                if candidate != term:
                    found.append(((candidate,), COMPOUND))
            backwards = term[::-1]
            start = bisect.bisect_left(self._reversed, backwards)
            for candidate in self._reversed[start:]:
                if not candidate.startswith(backwards):
                    break
                if len(candidate) >= len(term) + 3:
                    found.append(((candidate[::-1],), COMPOUND))
            for cut in range(3, len(term) - MIN_COMPOUND + 1):
                head = term[cut:]
                if head in self.postings:
                    found.append(((head,), HEAD))
                    break
        if not found and len(typed) >= MIN_FUZZY:
            found.extend(((t,), FUZZY) for t in self._typos(typed))
        return found

    def _typos(self, typed: str) -> list[str]:
        """The stems of the records' words one typo (two for long words) away from *typed*; the first
        two letters must be right."""
        limit = 1 if len(typed) < TWO_TYPOS else 2
        start = bisect.bisect_left(self._surface_sorted, typed[:2])
        out = []
        for candidate in self._surface_sorted[start:]:
            if not candidate.startswith(typed[:2]):
                break
            if (
                abs(len(candidate) - len(typed)) <= limit
                and self.surface[candidate] in self.postings
                and osa_distance(typed, candidate, limit) <= limit
            ):
                out.append(self.surface[candidate])
        return list(dict.fromkeys(out))

    # -- scoring --------------------------------------------------------------------------------
    def idf(self, df: int) -> float:
        """The BM25 idf of a word in *df* documents (the one in the postings' weights)."""
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def slot_idf(self, slot: Slot) -> float:
        """The highest rarity (idf) a one-word alternative of *slot* may weigh with: that of the word
        typed (its exact term; the most common one when the slot has several), else that of the
        slot's most common alternative. A rarer synonym, compound or typo is weighed with this one
        instead of its own: without it ``ouderparticipatie`` (in one record) outweighs
        ``ouderbetrokkenheid`` (in fifty) when the latter is typed, though it matches less well."""
        position = self.postings._position()
        offsets = self.postings.offsets
        exact: list[int] = []
        other: list[int] = []
        for terms, factor in slot.alternatives:
            if len(terms) == 1 and not terms[0].startswith(PSEUDO):
                i = position[terms[0]]
                (exact if factor >= EXACT else other).append(int(offsets[i + 1] - offsets[i]))
        chosen = exact or other
        return self.idf(max(chosen)) if chosen else 0.0

    def _cap(self, df: int, slot_idf: float, factor: float) -> float:
        """What the weight of a word in *df* documents is multiplied with so that, in a match weaker
        than exact (*factor* below 1), it weighs no more than a word of rarity *slot_idf*."""
        own = self.idf(df)
        if factor >= EXACT or slot_idf <= 0 or own <= slot_idf:
            return 1.0
        return slot_idf / own

    def slot_scores(self, slot: Slot) -> "np.ndarray":
        """Per document: the slot's best alternative's weight times its factor (0: no match). An
        alternative of several words weighs the mean of its words' weights."""
        import numpy as np

        best = np.zeros(self.size, dtype=np.float64)
        boost = np.zeros(self.size, dtype=np.float64)
        slot_idf = self.slot_idf(slot)
        for terms, factor in slot.alternatives:
            if terms[0].startswith(PSEUDO):
                docs, values = self.postings[terms[0]]
                boost[docs] = np.maximum(boost[docs], values * factor)
                continue
            if len(terms) == 1:
                docs, values = self.postings[terms[0]]
                best[docs] = np.maximum(
                    best[docs], values * (factor * self._cap(len(docs), slot_idf, factor))
                )
                continue
            total = np.zeros(self.size, dtype=np.float64)
            have = np.zeros(self.size, dtype=np.int32)
            for term in terms:
                docs, values = self.postings[term]
                total[docs] += values * self._cap(len(docs), slot_idf, factor / len(terms))
                have[docs] += 1
            total[have < len(terms)] = 0
            np.maximum(best, total * (factor / len(terms)), out=best)
        return best + boost

    def slot_scores_sparse(self, slot: Slot) -> dict[int, float]:
        """:meth:`slot_scores` without numpy: document -> score for the documents it touches (the
        same numbers: the same operations on the same doubles, in the same order)."""
        best: dict[int, float] = {}
        boost: dict[int, float] = {}
        slot_idf = self.slot_idf(slot)
        for terms, factor in slot.alternatives:
            if terms[0].startswith(PSEUDO):
                docs, values = self.postings.sparse(terms[0])
                for d, value in zip(docs, values, strict=True):
                    v = value * factor
                    if v > boost.get(d, 0.0):
                        boost[d] = v
                continue
            if len(terms) == 1:
                docs, values = self.postings.sparse(terms[0])
                multiplier = factor * self._cap(len(docs), slot_idf, factor)
                for d, value in zip(docs, values, strict=True):
                    v = value * multiplier
                    if v > best.get(d, 0.0):
                        best[d] = v
                continue
            total: dict[int, float] = {}
            have: dict[int, int] = {}
            for term in terms:
                docs, values = self.postings.sparse(term)
                multiplier = self._cap(len(docs), slot_idf, factor / len(terms))
                for d, v in zip(docs, values, strict=True):
                    total[d] = total.get(d, 0.0) + v * multiplier
                    have[d] = have.get(d, 0) + 1
            share = factor / len(terms)
            for d, summed in total.items():
                if have[d] == len(terms):
                    v = summed * share
                    if v > best.get(d, 0.0):
                        best[d] = v
        for d, v in boost.items():
            best[d] = best.get(d, 0.0) + v
        return best

    def touched(self, slots: Sequence[Slot]) -> int:
        """How many postings ranking *slots* reads (to choose :func:`rank_sparse` or :func:`rank`)."""
        return sum(
            self.postings.df(term) for slot in slots for terms, _ in slot.alternatives for term in terms
        )

    def to_state(self) -> dict[str, Any]:
        """Everything the site needs to search like this index (see the site's search.js)."""
        return {
            "lang": self.lang,
            "vocab": self.vocabulary,
            "surface": self.surface,
            "phrases": {" ".join(k): v for k, v in self._phrases.items()},
            "expansions": [[[list(t), f] for t, f in e] for e in self._expansions],
        }


def round4(value: float) -> float:
    """*value* to 4 decimals, half up, computed as the site computes it (the order of results with
    equal rounded scores is by id, so both must round alike)."""
    return math.floor(value * 10000 + 0.5) / 10000


@attrs.frozen(kw_only=True)
class Ranked:
    """What :func:`rank` returns: the documents that match (numbers, any order) with their scores
    (rounded to 4 decimals, half up, as the site rounds), which slots each matched, and the words
    that matched nothing."""

    docs: "np.ndarray"
    scores: "np.ndarray"
    #: Per live slot: its words and, per document, whether it matched.
    present: tuple[tuple[str, "np.ndarray"], ...]
    unmatched: tuple[str, ...]

    def matched(self, doc: int) -> tuple[str, ...]:
        """The query words *doc* matched."""
        return tuple(words for words, mask in self.present if mask[doc])


@attrs.frozen(kw_only=True)
class SparseRanked:
    """What :func:`rank_sparse` returns: :class:`Ranked`'s content in plain Python containers."""

    #: The matching documents, ascending.
    docs: list[int]
    #: Their scores, in the same order.
    scores: list[float]
    present: tuple[tuple[str, frozenset[int]], ...]
    unmatched: tuple[str, ...]

    def matched(self, doc: int) -> tuple[str, ...]:
        """The query words *doc* matched."""
        return tuple(words for words, found in self.present if doc in found)


def is_common(count: int, size: int) -> bool:
    """Whether a word in *count* of *size* documents is very common (:data:`COMMON`, :data:`MIN_COMMON`)."""
    return count > max(COMMON * size, MIN_COMMON)


def _coverage_weights(
    slots: Sequence[Slot], counts: Sequence[int], live: Sequence[int], size: int
) -> dict[int, float]:
    """Each live slot's share of a record's coverage: its rarity (times its weight). When the query
    has a word that is not very common, the very common ones weigh nothing here: a record is not the
    less covered for lacking ``school`` in ``diversiteit op school`` (a match on them still adds to
    its score)."""
    weights = {i: math.log(1 + size / counts[i]) * slots[i].weight for i in live}
    if any(not is_common(counts[i], size) for i in live):
        for i in live:
            if is_common(counts[i], size):
                weights[i] = 0.0
    return weights


def rank(index: LangIndex, slots: Sequence[Slot], allowed: "np.ndarray | None") -> Ranked:
    """The documents that match *slots* and their scores; *allowed* (0/1 per document, or ``None``)
    masks some out (after the words' rarity is measured over every document)."""
    import numpy as np

    per_slot = [index.slot_scores(slot) * slot.weight for slot in slots]
    present = [scores > 0 for scores in per_slot]
    counts = [int(mask.sum()) for mask in present]
    unmatched = tuple(" ".join(s.words) for s, n in zip(slots, counts, strict=True) if n == 0)
    live = [i for i, n in enumerate(counts) if n > 0]
    if not live:
        none = np.zeros(0, dtype=np.int64)
        return Ranked(docs=none, scores=np.zeros(0), present=(), unmatched=unmatched)
    size = max(index.size, 1)
    weights = _coverage_weights(slots, counts, live, size)
    total_weight = sum(weights.values())
    score = np.zeros(index.size, dtype=np.float64)
    coverage = np.zeros(index.size, dtype=np.float64)
    rare = np.zeros(index.size, dtype=bool)
    for i in live:
        score += per_slot[i]
        coverage += present[i] * weights[i]
        if not is_common(counts[i], size):
            rare |= present[i]
    coverage /= total_weight
    final = score * coverage * coverage
    keep = final > 0
    if rare.any():
        keep &= rare
    if allowed is not None:
        keep &= allowed.astype(bool)
    docs = np.flatnonzero(keep)
    # the site's arithmetic: floor(x * 10000 + 0.5) / 10000, in IEEE doubles both sides
    scores = np.floor(final[docs] * 10000 + 0.5) / 10000
    return Ranked(
        docs=docs,
        scores=scores,
        present=tuple((" ".join(slots[i].words), present[i]) for i in live),
        unmatched=unmatched,
    )


def rank_sparse(index: LangIndex, slots: Sequence[Slot], allowed: "set[int] | None") -> SparseRanked:
    """:func:`rank` without numpy, for queries that touch few postings (a search from the command
    line then imports no numpy): the same documents and the same scores (the same operations on the
    same doubles, in the same order; a test compares the two)."""
    per_slot = [{d: v * slot.weight for d, v in index.slot_scores_sparse(slot).items()} for slot in slots]
    present = [frozenset(d for d, v in scores.items() if v > 0) for scores in per_slot]
    counts = [len(found) for found in present]
    unmatched = tuple(" ".join(s.words) for s, n in zip(slots, counts, strict=True) if n == 0)
    live = [i for i, n in enumerate(counts) if n > 0]
    if not live:
        return SparseRanked(docs=[], scores=[], present=(), unmatched=unmatched)
    size = max(index.size, 1)
    weights = _coverage_weights(slots, counts, live, size)
    total_weight = sum(weights.values())
    score: dict[int, float] = {}
    coverage: dict[int, float] = {}
    rare: set[int] = set()
    for i in live:
        for d, v in per_slot[i].items():
            score[d] = score.get(d, 0.0) + v
        for d in present[i]:
            coverage[d] = coverage.get(d, 0.0) + weights[i]
        if not is_common(counts[i], size):
            rare |= present[i]
    docs: list[int] = []
    scores: list[float] = []
    for d in sorted(score):
        share = coverage.get(d, 0.0) / total_weight
        final = score[d] * share * share
        if final > 0 and (not rare or d in rare) and (allowed is None or d in allowed):
            docs.append(d)
            # the site's arithmetic: floor(x * 10000 + 0.5) / 10000
            scores.append(math.floor(final * 10000 + 0.5) / 10000)
    return SparseRanked(
        docs=docs,
        scores=scores,
        present=tuple((" ".join(slots[i].words), present[i]) for i in live),
        unmatched=unmatched,
    )


__all__ = [
    "FREE",
    "LangIndex",
    "Postings",
    "Ranked",
    "Slot",
    "osa_distance",
    "pseudo_term",
    "rank",
    "rank_sparse",
    "record_fields",
]
