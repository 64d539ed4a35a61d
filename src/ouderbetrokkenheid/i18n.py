# ruff: noqa: PTH100, PTH113, PTH118, PTH120, PTH123, PTH208 - os.path, not pathlib: the start-up time of --help
"""The project's own words (not the packs' content), from gettext catalogues.

Every word of the interface (the command line, the reports, the paper forms, the spreadsheets and the
site) has an English msgid in ``locale/ouderbetrokkenheid.pot``; each language has its ``.po`` file,
compiled to ``.mo``, under ``locale/<lang>/LC_MESSAGES/``. Translators work on the ``.po`` files
(docs/translating.md); ``python3 dev.py words`` extracts, updates and compiles them with Babel.

At run time only the standard library's :mod:`gettext` reads the compiled catalogues (Babel is a tool of
the build, not a dependency of start-up). A word missing in a language is looked up along the
library's language fallback chain (``ary`` -> ``ar``), with Dutch last.

Tables of words keep a key for each word and mark the English text with :func:`N_` (or :func:`NP_` when
one English word has two meanings), so that the extraction finds it:

>>> words("fr").gettext("Report")
'Rapport'
>>> words("nl").lookup(NP_("people who answered", "Respondents"))
('Respondenten', 'nl')
>>> words("de").lookup("Report")  # no German words yet: Dutch, and the language says so
('Rapport', 'nl')
>>> words("tr").lookup("Thank you!"), words("tr").lookup("Report")  # Turkish: a parent's words only
(('Teşekkür ederiz!', 'tr'), ('Rapport', 'nl'))
"""

import functools
import gettext as _gettext
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time of --help)
if TYPE_CHECKING:
    from collections.abc import Callable

DOMAIN = "ouderbetrokkenheid"
#: The folder of the catalogues, as a string (pathlib is not imported: start-up time of ``--help``);
#: ``LOCALE_DIR`` is the same as a :class:`pathlib.Path`.
_LOCALE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
#: The languages whose catalogues are complete (checked by ``tools/words.py check``); Dutch first, the last resort.
COMPLETE: tuple[str, ...] = ("nl", "fr", "en")
FALLBACK = "nl"
#: The ``Language-Team`` header of a catalogue that is a machine translation by this project, not
#: reviewed by anyone (``tools/words.py`` checks that each of its words carries :data:`MACHINE_COMMENT`).
MACHINE_TEAM = "machine translation by the ouderbetrokkenheid project, not reviewed"
#: The translator comment on every word of such a catalogue.
MACHINE_COMMENT = "machine translation by the ouderbetrokkenheid project, not reviewed"
#: Separates a message context from its msgid, as in a compiled catalogue.
CONTEXT = "\x04"
#: The environment variables gettext reads for the user's language, in gettext's order.
LOCALE_VARIABLES: tuple[str, ...] = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark *message* (English) for extraction; it is translated where it is shown."""
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark *message* with a *context* (one English word, two meanings): the key in a compiled catalogue."""
    return f"{context}{CONTEXT}{message}"


class _Catalogue:
    """One compiled catalogue (``.mo``), read lean: only the table of msgids is indexed when it is
    opened, and a translation is decoded when it is asked for. :class:`gettext.GNUTranslations` decodes
    every string up front, which grew with the catalogue to a millisecond of every start (``--help``
    looks up a few dozen words of more than a thousand). A msgid it does not have raises
    :class:`KeyError` ("not here": the next catalogue of the chain is asked)."""

    __slots__ = ("_data", "_index", "_plural")

    def __init__(self, data: bytes) -> None:
        from struct import unpack_from

        magic = unpack_from("<I", data)[0]
        order = "<" if magic == 0x950412DE else ">"
        count, originals, translations = unpack_from(f"{order}4x4x3I", data)
        keys = unpack_from(f"{order}{2 * count}I", data, originals)
        values = unpack_from(f"{order}{2 * count}I", data, translations)
        self._data = data
        ids = [data[start : start + length] for start, length in zip(keys[1::2], keys[::2], strict=True)]
        ids = [key.partition(b"\0")[0] if b"\0" in key else key for key in ids]  # a plural: its singular
        #: the msgid (``context\x04msgid`` with a context), as UTF-8 bytes -> (offset, length) of its
        #: translation
        self._index = dict(zip(ids, zip(values[1::2], values[::2], strict=True), strict=True))
        self._plural: Callable[[int], int] | None = None  # read from the header when first needed

    def _string(self, key: bytes) -> str:
        offset, length = self._index[key]
        return self._data[offset : offset + length].decode("utf-8")

    def gettext(self, message: str) -> str:
        return self._string(message.encode("utf-8")).partition("\0")[0]

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._string(msgid1.encode("utf-8")).split("\0")
        if self._plural is None:
            self._plural = _plural_rule(self._string(b""))
        return forms[min(self._plural(n), len(forms) - 1)]

    def __len__(self) -> int:
        """The number of messages it holds (its header included)."""
        return len(self._index)

    def info(self) -> dict[str, str]:
        """The header's fields, names lower-cased (as :meth:`gettext.GNUTranslations.info`)."""
        header = self._string(b"") if b"" in self._index else ""
        fields = (line.partition(":") for line in header.splitlines())
        return {name.strip().lower(): value.strip() for name, sep, value in fields if sep}


def _plural_rule(header: str) -> "Callable[[int], int]":
    """The plural rule of a catalogue's header (``Plural-Forms: nplurals=2; plural=(n != 1);``)."""
    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            return _gettext.c2py(value.split(";")[1].split("plural=")[1])
    return lambda n: int(n != 1)


@functools.cache
def _catalogue(lang: str) -> _Catalogue | None:
    path = os.path.join(_LOCALE, lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as file:
        return _Catalogue(file.read())


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, Dutch, French and English first."""
    found = sorted(
        name
        for name in os.listdir(_LOCALE)
        if os.path.isfile(os.path.join(_LOCALE, name, "LC_MESSAGES", f"{DOMAIN}.mo"))
    )
    return (*(lang for lang in COMPLETE if lang in found), *(lang for lang in found if lang not in COMPLETE))


@functools.cache
def machine_translated(lang: str | None) -> bool:
    """Whether the interface words of the catalogue *lang* are a machine translation by this project
    (its ``Language-Team`` header is :data:`MACHINE_TEAM`).

    >>> machine_translated("ar"), machine_translated("nl"), machine_translated("de")
    (True, False, False)
    """
    catalogue = _catalogue(lang) if lang else None
    return catalogue is not None and catalogue.info().get("language-team") == MACHINE_TEAM


@functools.cache
def partial(lang: str | None) -> bool:
    """Whether the catalogue *lang* has fewer words than the Dutch one (the rest is shown in Dutch).

    >>> partial("tr"), partial("fr")
    (True, False)
    """
    catalogue, dutch = (_catalogue(lang) if lang else None), _catalogue(FALLBACK)
    if catalogue is None or dutch is None or lang == FALLBACK:
        return False
    return len(catalogue) < len(dutch)


@functools.cache
def chain(lang: str | None) -> tuple[str, ...]:
    """The catalogues to look in for *lang*, along the library's fallback chain, Dutch last."""
    have = languages()
    if lang in have and "-" not in lang:  # a catalogue's own tag: no model import (start-up time of --help)
        return tuple(dict.fromkeys((lang, FALLBACK)))
    from ouderbetrokkenheid.model.text import fallback_chain

    tags = [tag for tag in fallback_chain(lang, fallback=()) if tag in have]
    tags.append(FALLBACK)
    return tuple(dict.fromkeys(tags))


def interface_language(requested: str | None) -> str:
    """The language of the interface: *requested* (``--lang``), else the user's locale, else Dutch.

    The locale is read as gettext reads it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``;
    ``C`` and ``POSIX`` say nothing). The answer is the first catalogue language of the chain.
    """
    tag = requested or locale_language()
    return chain(tag)[0] if tag else FALLBACK


def locale_language() -> str | None:
    """The language tag of the user's locale (``fr-BE`` for ``fr_BE.UTF-8``), or None.

    Read as :func:`gettext.find` reads it: the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set (``LANGUAGE`` may list several, separated by ``:``); ``C`` and ``POSIX`` say
    nothing.
    """
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable)
        if not value:
            continue
        for part in value.split(":"):
            tag = part.split(".", 1)[0].split("@", 1)[0].replace("_", "-")
            if tag in {"C", "POSIX"}:
                return None
            if tag:
                return tag
        return None
    return None


class LanguageTagError(ValueError):
    """A ``--lang`` that is not a well-formed, known BCP 47 language tag (the message is in the user's words)."""


#: What is said of a tag that is not one (``{tag}``).
NOT_A_LANGUAGE_TAG = N_(
    "'{tag}' is not a language tag (BCP 47): give one such as nl, fr, en, nl-BE or ar, without spaces, "
    "with - between its parts"
)


def checked_language(tag: str | None) -> tuple[str | None, str]:
    """*tag* checked and in its standard form (``nl-BE`` for ``nl_be``), and a one-line notice in the
    interface language when the interface has no words in it ("shown in Dutch"), or when its words are
    a machine translation or partial (a parents' home language: said in that language, naming Dutch as
    the language of the missing words), else ``""``. Without *tag*, the notice is about the language
    of the user's locale.

    A tag that has a catalogue is taken as it is; any other is checked with langcodes (imported here
    only, for start-up time).

    :raises LanguageTagError: when *tag* is not a valid BCP 47 tag.
    """
    if tag is None:
        return None, _partly(interface_language(None), locale_language())
    if tag in languages():
        return tag, _partly(tag)
    import langcodes

    if not langcodes.tag_is_valid(tag):
        raise LanguageTagError(words(interface_language(None))(NOT_A_LANGUAGE_TAG, tag=tag))
    tag = langcodes.standardize_tag(tag)
    shown = words(tag)
    if shown.lang.split("-", 1)[0] == tag.split("-", 1)[0].lower():
        return tag, _partly(shown.lang, tag)
    notice = shown(
        N_("there are no interface words in '{tag}' yet: they are shown in {language} ({shown})"),
        tag=tag,
        language=shown.gettext(_NAMES.get(shown.lang, shown.lang)),
        shown=shown.lang,
    )
    return tag, notice


def _partly(lang: str | None, tag: str | None = None) -> str:
    """The notice for a catalogue that is a machine translation or partial (else ``""``): said in its
    own words, the missing part in Dutch, naming the language the missing words are shown in."""
    if lang is None or lang in COMPLETE or not (machine_translated(lang) or partial(lang)):
        return ""  # nl, fr and en are complete and written by people: no catalogue is opened for them
    say = words(lang)
    parts = []
    if machine_translated(lang):
        parts.append(
            say(
                N_(
                    "the interface words in '{tag}' are a machine translation by the ouderbetrokkenheid project, not reviewed by anyone"
                ),
                tag=tag or lang,
            )
        )
    if partial(lang):
        parts.append(
            say(
                N_("the words not yet translated into '{tag}' are shown in {language} ({shown})"),
                tag=tag or lang,
                language=say.gettext(_NAMES[FALLBACK]),
                shown=FALLBACK,
            )
        )
    return "; ".join(parts)


#: The names of the catalogue languages (their msgids are among the site's language names).
_NAMES = {"nl": N_("Dutch"), "fr": N_("French"), "en": N_("English")}


class Words:
    """The words of one interface language, looked up along its chain of catalogues."""

    __slots__ = ("_catalogues", "lang")

    def __init__(self, lang: str | None) -> None:
        tags = chain(lang)
        self.lang = tags[0]
        self._catalogues = [(tag, c) for tag in tags if (c := _catalogue(tag)) is not None]

    def lookup(self, message: str) -> tuple[str, str]:
        """*message* (a msgid, or ``context\\x04msgid`` from :func:`NP_`) and the language it is written
        in; the English msgid and ``""`` when no catalogue has it."""
        for tag, catalogue in self._catalogues:
            try:
                return catalogue.gettext(message), tag
            except KeyError:
                continue
        return message.rpartition(CONTEXT)[2], ""

    def gettext(self, message: str) -> str:
        return self.lookup(message)[0]

    def pgettext(self, context: str, message: str) -> str:
        return self.lookup(NP_(context, message))[0]

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        for _, catalogue in self._catalogues:
            try:
                return catalogue.ngettext(singular, plural, n)
            except KeyError:
                continue
        return singular if n == 1 else plural

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(NP_(context, singular), NP_(context, plural), n).rpartition(CONTEXT)[2]

    def __call__(self, message: str, /, **fields: object) -> str:
        """The word *message*, with its ``{name}`` fields filled from *fields*."""
        text = self.lookup(message)[0]
        return text.format(**fields) if fields else text


@functools.cache
def words(lang: str | None) -> Words:
    """The words for an interface in *lang* (cached)."""
    return Words(lang)


def __getattr__(name: str) -> object:
    if name == "LOCALE_DIR":  # a Path, made when asked for (pathlib is not imported at start-up)
        from pathlib import Path

        return Path(_LOCALE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
