"""Text analysis for search: words as people type them in Dutch, French and English.

Text is split into words, lower-cased; each word is reduced to its stem by the Snowball stemmer of
the language (the ``snowballstemmer`` package: the stemmers Lucene, Elasticsearch and lunr use), and
the stem is folded (``é`` = ``e``), so ``Scholen`` and ``school``, ``écoles`` and ``ecole`` meet.
Stop words (``de``, ``het``, ``hoe``, ``ik`` …) are left out, so a question works like its content
words; a query of stop words only keeps them.

>>> analyse("Hoe betrek ik anderstalige ouders?", "nl")
['betrek', 'anderstaal', 'ouder']
>>> analyse("les écoles maternelles", "fr") == analyse("ecole maternelle", "fr")
True
"""

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

#: The Snowball algorithm for each language; other languages are folded but not stemmed.
ALGORITHMS = {"nl": "dutch", "fr": "french", "en": "english"}

_WORD = re.compile(r"[^\W_]+")

# fmt: off
#: Function words that carry no meaning for search (folded), written by this project.
STOP_WORDS: dict[str, frozenset[str]] = {
    "nl": frozenset(
        ["aan", "al", "alle", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "geen", "het", "hoe", "hun", "ik", "in", "is", "je", "jij", "kan", "kun", "kunnen", "me", "met", "mijn", "moet", "moeten", "na", "naar", "niet", "nog", "of", "om", "onze", "ons", "ook", "op", "over", "te", "tot", "u", "uit", "van", "voor", "waar", "wat", "wanneer", "waarom", "we", "welke", "wie", "wij", "ze", "zij", "zijn", "zich", "zo", "zou"]
    ),
    "fr": frozenset(
        ["a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "comment", "d", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "ma", "mes", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "quel", "quelle", "qui", "quoi", "s", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vos", "votre", "vous", "y"]
    ),
    "en": frozenset(
        ["a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "that", "the", "their", "them", "these", "they", "this", "those", "to", "we", "what", "when", "which", "who", "why", "will", "with", "you", "your"]
    ),
}
# fmt: on


#: Question words and subject pronouns (folded): in a question such as ``hoe betrek ik …`` or
#: ``comment aide-t-on …`` the word between the two is the question's verb (see
#: :func:`question_verbs`). Written by this project.
QUESTION_WORDS: dict[str, frozenset[str]] = {
    "nl": frozenset(["hoe", "wat", "waar", "wanneer", "waarom", "welke", "wie", "waarmee", "waarover"]),
    "fr": frozenset(
        ["comment", "que", "quoi", "ou", "quand", "pourquoi", "quel", "quelle", "quels", "quelles", "qui"]
    ),
    "en": frozenset(["how", "what", "where", "when", "why", "which", "who"]),
}
PRONOUNS: dict[str, frozenset[str]] = {
    "nl": frozenset(["ik", "je", "jij", "u", "we", "wij", "jullie", "ze", "zij", "men"]),
    "fr": frozenset(["je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "t"]),
    "en": frozenset(["i", "you", "we", "they", "one"]),
}


def question_verbs(typed: list[str], lang: str) -> set[int]:
    """The places in *typed* (lower-cased words) of the verbs of questions: a word right after a
    question word and right before a subject pronoun (``hoe [betrek] ik``, ``comment [aider] on``).

    Such a verb says what is asked about the rest (``betrek`` in ``hoe betrek ik anderstalige
    ouders``), so search weighs it less than the words of the topic.

    >>> sorted(question_verbs(["hoe", "betrek", "ik", "anderstalige", "ouders"], "nl"))
    [1]
    """
    questions = QUESTION_WORDS.get(lang, frozenset())
    pronouns = PRONOUNS.get(lang, frozenset())
    return {
        i
        for i in range(1, len(typed) - 1)
        if fold(typed[i - 1]) in questions and fold(typed[i + 1]) in pronouns and not is_stop(typed[i], lang)
    }


#: Irregular forms the stemmer does not join to their singular (the stemmer-override list Lucene and
#: Elasticsearch also allow): the word is stemmed as the form given here.
OVERRIDES: dict[str, dict[str, str]] = {
    "nl": {
        "kinderen": "kind",
        "kinders": "kind",
        "steden": "stad",
        "dagen": "dag",
        "wegen": "weg",
        "schepen": "schip",
        "gegevens": "gegeven",
        "ouderen": "ouder",
    },
}


def fold(text: str) -> str:
    """Lower case without diacritics: ``'Één Ouder'`` -> ``'een ouder'``."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The lower-cased words of *text* (diacritics kept: the French stemmer needs them; compatibility
    forms unified: ``ﬁ`` = ``fi``, ``Ａ`` = ``a``)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def primary(lang: str | None) -> str:
    """The language subtag of *lang* (``nl-BE`` -> ``nl``); ``nl`` when there is none."""
    return (lang or "nl").split("-", 1)[0].lower()


@functools.cache
def _stemmer(lang: str) -> "snowballstemmer.BaseStemmer | None":
    algorithm = ALGORITHMS.get(lang)
    if algorithm is None:
        return None
    import snowballstemmer  # only when an index is built: a query looks its words up

    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=500_000)
def stem(word: str, lang: str) -> str:
    """The folded Snowball stem of a lower-cased *word* in *lang*.

    >>> [stem(w, "nl") for w in ("ouders", "kinderen", "scholen", "voorlezen")]
    ['ouder', 'kind', 'school', 'voorlees']
    >>> stem("écoles", "fr"), stem("reading", "en")
    ('ecol', 'read')
    """
    stemmer = _stemmer(lang)
    word = OVERRIDES.get(lang, {}).get(word, word)
    return fold(word if stemmer is None else stemmer.stemWord(word))


def is_stop(word: str, lang: str) -> bool:
    """Whether the lower-cased *word* is a stop word of *lang*."""
    return fold(word) in STOP_WORDS.get(lang, frozenset())


def analyse(text: str, lang: str | None, *, keep_stop_words: bool = False) -> list[str]:
    """The stems of the words of *text* in *lang*, in order, stop words left out.

    When every word is a stop word, they are kept (a search for ``wie`` still searches).
    """
    lang = primary(lang)
    found = words(text)
    if not keep_stop_words:
        content = [w for w in found if not is_stop(w, lang)]
        if content:
            found = content
    return [stem(w, lang) for w in found]


def surface(text: str) -> list[str]:
    """The folded words of *text* (for typo tolerance, which compares what people type)."""
    return [fold(w) for w in words(text)]
