"""The writing direction of a language tag, from the script the language is written in.

``ar``, ``fa``, ``he``, ``ur``, ``dv`` … are written right to left because their scripts are (Arabic,
Hebrew, Thaana …); ``uz-Arab`` is too, ``az`` is not. The script comes from the tag's own script subtag,
else from the likely script of its language (CLDR's likely subtags, through :mod:`langcodes`'
``maximize()``). langcodes is imported on the first call only, so importing this module stays cheap.

>>> direction("ar"), direction("nl-BE"), direction("uz-Arab"), direction("dv")
('rtl', 'ltr', 'rtl', 'rtl')
"""

import functools
import re
from typing import Literal

Direction = Literal["ltr", "rtl"]

#: ISO 15924 codes of the scripts written right to left (the Unicode bidi class R/AL scripts in use).
RTL_SCRIPTS = frozenset(
    {
        "Adlm",  # Adlam
        "Arab",  # Arabic (ar, fa, ur, ps, ckb, ug, sd …)
        "Aran",  # Arabic, Nastaliq
        "Hebr",  # Hebrew (he, yi, lad)
        "Mand",  # Mandaic
        "Mend",  # Mende Kikakui
        "Nkoo",  # N'Ko
        "Rohg",  # Hanifi Rohingya
        "Samr",  # Samaritan
        "Syrc",  # Syriac
        "Thaa",  # Thaana (dv)
        "Yezi",  # Yezidi
    }
)

_SCRIPT_SUBTAG = re.compile(r"^[A-Za-z]{4}$")


@functools.cache
def script(tag: str | None) -> str | None:
    """The ISO 15924 script of *tag*: its script subtag, else the likely script of its language;
    ``None`` for an empty or malformed tag, or a language CLDR knows no script for."""
    if not tag:
        return None
    for subtag in tag.replace("_", "-").split("-")[1:]:
        if _SCRIPT_SUBTAG.match(subtag):
            return subtag.title()
    import langcodes  # only when a tag is asked for: keeps start-up fast

    try:
        return langcodes.Language.get(tag).maximize().script
    except (ValueError, LookupError):
        return None


def direction(tag: str | None) -> Direction:
    """``"rtl"`` when *tag*'s script is written right to left, else ``"ltr"`` (also for an empty or
    malformed tag)."""
    return "rtl" if script(tag) in RTL_SCRIPTS else "ltr"
