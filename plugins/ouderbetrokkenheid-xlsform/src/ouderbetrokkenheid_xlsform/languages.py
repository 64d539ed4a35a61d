"""XLSForm language names: ``label::Nederlands (nl)``.

XLSForm repeats every translatable column once per language, suffixed ``::<name> (<code>)``. The name is
what respondents pick from the language menu of ODK Collect or Enketo; the code in brackets is what apps
read (right-to-left scripts, text-to-speech) and what pyxform checks against the IANA registry.
"""

from collections.abc import Mapping

#: Names, in the language itself, of the languages schools in Flanders and Brussels meet most often.
LANGUAGE_NAMES: Mapping[str, str] = {
    "nl": "Nederlands",
    "fr": "Français",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "ary": "Darija",
    "de": "Deutsch",
    "es": "Español",
    "pl": "Polski",
    "ro": "Română",
    "bg": "Български",
    "pt": "Português",
    "uk": "Українська",
    "ber": "Tamaziɣt",
    "zgh": "Tamaziɣt",
}


def language_name(tag: str) -> str:
    """The XLSForm language name of *tag*: ``Nederlands (nl)``.

    Tags outside :data:`LANGUAGE_NAMES` keep the tag as their name (``xh (xh)``). A tag with a script or
    region (``nl-BE``) is named after its primary language plus the full tag, with only the primary
    subtag in brackets, because pyxform accepts one IANA subtag there (``Nederlands nl-BE (nl)``).

    >>> language_name("nl")
    'Nederlands (nl)'
    >>> language_name("nl-BE")
    'Nederlands nl-BE (nl)'
    >>> language_name("xh")
    'xh (xh)'
    """
    primary = tag.split("-", 1)[0]
    if primary == tag:
        return f"{LANGUAGE_NAMES.get(tag, tag)} ({tag})"
    return f"{LANGUAGE_NAMES.get(primary, primary)} {tag} ({primary})"


def label_column(tag: str, column: str = "label") -> str:
    """The column that holds *column* in language *tag*: ``label::Nederlands (nl)``.

    >>> label_column("ar")
    'label::العربية (ar)'
    """
    return f"{column}::{language_name(tag)}"
