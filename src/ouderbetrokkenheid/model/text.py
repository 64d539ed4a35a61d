"""Multilingual text: a mapping from BCP 47 language tags to strings, with an explicit fallback chain."""

import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

#: The languages every label falls back to, in order, after the asked language and the pack default.
DEFAULT_FALLBACK: tuple[str, ...] = ("nl", "en")

#: Languages that are tried before the generic fallback when a label lacks the asked one. Parents'
#: home languages in Brussels often read a neighbouring written standard: Moroccan Arabic -> Arabic.
RELATED_LANGUAGES: Mapping[str, tuple[str, ...]] = {
    "ary": ("ar",),
    "zgh": ("ber",),
    "ber": ("zgh",),
}

# language (2-3 letters) [-Script] [-REGION]: the subset of BCP 47 that labels here use.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


def is_language_tag(tag: str) -> bool:
    """Return whether *tag* is a well-formed language tag of the form ``ll[-Scrp][-RR]``."""
    return LANGUAGE_TAG.match(tag) is not None


def fallback_chain(
    lang: str | None,
    default: str | None = None,
    *,
    fallback: Iterable[str] = DEFAULT_FALLBACK,
) -> tuple[str, ...]:
    """Return the languages to try, in order, for a label asked in *lang*.

    The chain is: *lang*, then *lang* without its script and region subtags, then related languages
    (``ary`` -> ``ar``), then the pack's *default*, then *fallback* (``nl``, ``en``). Duplicates are
    dropped. :meth:`LocalizedText.get` adds "any language" as the last resort.

    >>> fallback_chain("ary-MA", "fr")
    ('ary-MA', 'ary', 'ar', 'fr', 'nl', 'en')
    """
    chain: list[str] = []

    def add(tag: str | None) -> None:
        if tag and tag not in chain:
            chain.append(tag)

    if lang:
        add(lang)
        primary = lang.split("-", 1)[0]
        add(primary)
        for related in RELATED_LANGUAGES.get(primary, ()):
            add(related)
    add(default)
    for tag in fallback:
        add(tag)
    return tuple(chain)


class LocalizedText(Mapping[str, str]):
    """Text in one or more languages, keyed by BCP 47 tag (``nl``, ``fr``, ``en``, ``ar``, ``ary`` ...).

    Immutable and hashable; the order of the languages is kept as given (the source language first).

    >>> title = LocalizedText({"nl": "Thuisbetrokkenheid", "en": "Home involvement"})
    >>> title.get_text("fr")
    'Thuisbetrokkenheid'
    >>> title.get_text("fr", fallback=("en",))
    'Home involvement'
    """

    # A plain slotted class rather than an attrs class: msgspec then decodes it through its hook
    # (see ``ouderbetrokkenheid.converter``) instead of as a record with a ``_values`` field.
    __slots__ = ("_values",)
    _values: dict[str, str]

    def __init__(self, values: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        object.__setattr__(self, "_values", dict(values))

    @classmethod
    def adopt(cls, values: dict[str, str]) -> "LocalizedText":
        """A text that takes the dict *values* as it is, without copying it: only for a dict that
        nothing else keeps (freshly parsed data, as the pack loader has)."""
        text = object.__new__(cls)
        object.__setattr__(text, "_values", values)
        return text

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __reduce__(self) -> tuple[type["LocalizedText"], tuple[dict[str, str]]]:
        return (LocalizedText, (self._values,))

    def __getitem__(self, lang: str) -> str:
        return self._values[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return hash(frozenset(self._values.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalizedText):
            return self._values == other._values
        if isinstance(other, Mapping):
            return self._values == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"LocalizedText({self._values!r})"

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags present, in the order given."""
        return tuple(self._values)

    def resolve(
        self,
        lang: str | None = None,
        default: str | None = None,
        *,
        fallback: Iterable[str] = DEFAULT_FALLBACK,
    ) -> tuple[str, str] | None:
        """Return ``(tag, text)`` for the first language of the fallback chain that is present.

        When none of the chain is present, the first language of the text is used; an empty text
        gives ``None``.
        """
        for tag in fallback_chain(lang, default, fallback=fallback):
            text = self._values.get(tag)
            if text is not None:
                return tag, text
        for tag, text in self._values.items():
            return tag, text
        return None

    def get_text(
        self,
        lang: str | None = None,
        default: str | None = None,
        *,
        fallback: Iterable[str] = DEFAULT_FALLBACK,
    ) -> str:
        """Return the text in *lang*, or in the first available language of its fallback chain."""
        found = self.resolve(lang, default, fallback=fallback)
        return "" if found is None else found[1]

    def covers(self, languages: frozenset[str] | set[str]) -> bool:
        """Whether the text is given in every one of *languages*."""
        return languages <= self._values.keys()

    def to_dict(self) -> dict[str, str]:
        """Return a plain ``dict`` copy."""
        return dict(self._values)
