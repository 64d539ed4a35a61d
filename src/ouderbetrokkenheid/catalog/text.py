"""Text normalisation for search: Dutch (and French, English) as people type it.

Case and diacritics are folded (``Ouderbetrokkenheid`` = ``ouderbetrokkenheid``, ``é`` = ``e``),
plural and simple inflections are reduced to a common stem (``ouders`` -> ``ouder``, ``kinderen`` ->
``kind``, ``scholen`` -> ``school``), and the search matches the start of compound words, so
``thuis`` finds ``thuisbetrokkenheid``.
"""

import functools
import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")

#: Irregular Dutch plurals and forms that suffix rules get wrong.
_IRREGULAR = {
    "kinderen": "kind",
    "kinders": "kind",
    "scholen": "school",
    "steden": "stad",
    "dagen": "dag",
    "wegen": "weg",
    "leraren": "leraar",
    "leerkrachten": "leerkracht",
    "gegevens": "gegeven",
    "ouderen": "ouder",
}


def fold(text: str) -> str:
    """Lower case without diacritics: ``'Één Ouder'`` -> ``'een ouder'``."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DIMINUTIVES = ("etjes", "tjes", "jes", "etje", "tje", "je")
_PLURALS = ("ingen", "en", "'s", "s", "x")
_VOWELS = "aeiou"
_NOT_PLURAL_S = ("is", "us", "ss", "ijs", "ys")


@functools.lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Reduce a folded token to a stem shared by its plural, diminutive and inflected forms.

    >>> [stem(t) for t in ("ouders", "kinderen", "scholen", "talen", "gesprekken", "boekjes", "leerlingen")]
    ['ouder', 'kind', 'school', 'taal', 'gesprek', 'boek', 'leerling']
    >>> stem("communicaties") == stem("communicatie") and stem("gelijkwaardige") == stem("gelijkwaardig")
    True
    """
    if token in _IRREGULAR:
        return _IRREGULAR[token]
    if token.endswith("heden") and len(token) > 7:
        return token[:-5] + "heid"
    word = token
    for suffix in _DIMINUTIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        for suffix in _PLURALS:
            if suffix == "s" and word.endswith(_NOT_PLURAL_S):
                continue  # thuis, basis, bus, prijs: no plural
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                if suffix == "ingen":
                    word += "ing"
                elif suffix == "en":
                    word = _undo_spelling(word)
                break
    if word.endswith("e") and len(word) > 4 and not word.endswith(("ee", "ie", "ije")):
        word = word[:-1]
    return word


def _undo_spelling(base: str) -> str:
    """Undo the spelling changes of a Dutch plural: gesprekk(en) -> gesprek, tal(en) -> taal."""
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        return base[:-1]
    if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in "aou" and base[-3] not in _VOWELS:
        return base[:-1] + base[-2] + base[-1]
    return base


def tokens(text: str) -> list[str]:
    """The folded tokens of *text*."""
    return _TOKEN.findall(fold(text))


def terms(text: str) -> list[str]:
    """The stemmed terms of *text*, in order."""
    return [stem(token) for token in tokens(text)]
