"""The project's word catalogue: extract, update and compile it, or check it (Babel).

    python3 tools/words.py update   extract the words (babel.cfg) into the .pot, update each .po, fill
                                    the English msgstr with the msgid, compile every .mo
    python3 tools/words.py check    fail when the .pot is behind the code, a .po behind the .pot, a
                                    complete language (nl, fr, en) has an untranslated word, any
                                    language a fuzzy one, a translation's placeholders differ from its
                                    msgid's, a word of a machine-translated catalogue lacks its
                                    machine-translation comment, or a .mo is not compiled from its
                                    current .po; print the completeness of every language

nl, fr and en must be complete. Any other language (the parents' home languages ar, tr, pl, ro, es, pt,
uk) may be partial: its missing words are shown in Dutch (ouderbetrokkenheid.i18n). A catalogue whose
``Language-Team`` is ``MACHINE_TEAM`` is a machine translation by this project: its header comment says
so and each of its words carries the translator comment ``MACHINE_COMMENT``.

``python3 dev.py words`` runs ``update``; ``python3 dev.py test`` runs ``check``. See docs/translating.md.
"""

import copy
import datetime
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ouderbetrokkenheid.i18n import MACHINE_COMMENT, MACHINE_TEAM

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "ouderbetrokkenheid"
LOCALE = ROOT / "src" / "ouderbetrokkenheid" / "locale"
POT = LOCALE / f"{DOMAIN}.pot"
MAPPING = ROOT / "babel.cfg"
#: The languages that must be complete (ouderbetrokkenheid.i18n.COMPLETE).
COMPLETE = ("nl", "fr", "en")
#: N_() marks a table's word, NP_(context, word) one with a context; the others are Babel's defaults.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NP_": ((1, "c"), 2),
}
_BRACE = re.compile(r"(?<!\{)\{(\w*)[^{}]*\}(?!\})")
_PERCENT = re.compile(r"%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[sdifr]|%[sdif]")
_EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
HEADER = "# The words of ouderbetrokkenheid's interface. See docs/translating.md.\n"
#: The header comment's second line in a machine-translated catalogue.
MACHINE_HEADER = (
    "# MACHINE TRANSLATION by the ouderbetrokkenheid project, not reviewed by anyone, and partial: a word\n"
    "# missing here is shown in Dutch. Corrections are welcome (docs/translating.md); a reviewed word\n"
    "# loses its translator comment only when the whole catalogue has been reviewed.\n"
)


def _shown(path: Path) -> Path:
    """*path* from the repository's root, as messages name it (as it is when it lies elsewhere)."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages that have a .po file, the complete ones first."""
    found = sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [*(lang for lang in COMPLETE if lang in found), *(lang for lang in found if lang not in COMPLETE)]


def extract() -> Catalog:
    """The words of the sources, as babel.cfg says where they are."""
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    catalog = Catalog(project=DOMAIN, version="", msgid_bugs_address="", charset="utf-8")
    catalog.header_comment = HEADER
    found = extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",))
    for filename, lineno, message, comments, context in found:
        path = Path(filename).as_posix()
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def _bytes(catalog: Catalog, **options: bool) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, **options)
    return out.getvalue()


def _mo(catalog: Catalog) -> bytes:
    """The compiled catalogue, with only the translated words: Babel leaves out an untranslated
    singular but writes an untranslated plural with the English msgids as its forms, which would stop
    a partial catalogue's fallback to Dutch there."""
    untranslated = [m for m in catalog if m.id and not _translated(m)]
    if untranslated:
        catalog = copy.deepcopy(catalog)
        for message in untranslated:
            catalog.delete(message.id, context=message.context)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def _stable(catalog: Catalog) -> Catalog:
    """Dates out of the header, so that an unchanged catalogue is written byte for byte the same."""
    catalog.creation_date = catalog.revision_date = _EPOCH
    return catalog


def updated(template: Catalog, lang: str) -> Catalog:
    """The .po of *lang* updated to *template* (new words empty, gone words dropped); English
    filled with its msgids."""
    path = _po(lang)
    catalog = _read(path, lang) if path.is_file() else Catalog(locale=lang, domain=DOMAIN, charset="utf-8")
    # Babel puts the template's own Message objects into the catalogue for new words: a copy, or
    # English's msgids written into them below would become every later language's translation
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=True)
    catalog.obsolete.clear()
    catalog.header_comment = HEADER + (MACHINE_HEADER if machine(catalog) else "")
    catalog.project, catalog.version = DOMAIN, ""
    if lang == "en":
        for message in catalog:
            if message.id and not _translated(message):
                message.string = message.id
    return _stable(catalog)


def update() -> None:
    template = _stable(extract())
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(_bytes(template))
    print(f"{_shown(POT)}: {len(template)} words")
    for lang in languages() or list(COMPLETE):
        catalog = updated(template, lang)
        path = _po(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_bytes(catalog))
        path.with_suffix(".mo").write_bytes(_mo(catalog))
        print(f"{_shown(path)}: {_completeness(catalog)}")


def machine(catalog: Catalog) -> bool:
    """Whether *catalog* is a machine translation by this project (its ``Language-Team``)."""
    return catalog.language_team == MACHINE_TEAM


def _completeness(catalog: Catalog) -> str:
    words = [m for m in catalog if m.id]
    done = [m for m in words if _translated(m) and not m.fuzzy]
    lang = str(catalog.locale) if catalog.locale else ""
    kind = "complete required" if lang in COMPLETE else "partial allowed, the rest shown in Dutch"
    if machine(catalog):
        kind += "; machine translation, not reviewed"
    return f"{len(done)} of {len(words)} translated ({len(done) / max(len(words), 1):.0%}; {kind})"


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def placeholders(text: str) -> list[str]:
    """The ``{name}`` and ``%(name)s`` placeholders of *text*, sorted (``{{``/``%%`` are not ones)."""
    text = text.replace("{{", "").replace("}}", "").replace("%%", "")
    return sorted([f"{{{m}}}" for m in _BRACE.findall(text)] + _PERCENT.findall(text))


def problems() -> Iterable[str]:
    """What is wrong with the catalogue, one line each."""
    template = _stable(extract())
    if not POT.is_file():
        yield f"{_shown(POT)} is missing: run `python3 dev.py words`"
        return
    if _keys(_read(POT)) != _keys(template):
        yield f"{_shown(POT)} is not in step with the code: run `python3 dev.py words`"
    for lang in languages():
        path = _po(lang)
        where = _shown(path)
        catalog = _read(path, lang)
        if _keys(catalog) != _keys(template):
            yield f"{where} is not in step with the .pot: run `python3 dev.py words`"
        for message in catalog:
            if not message.id:
                continue
            name = f"{where}:{message.lineno}: msgid {message.id if isinstance(message.id, str) else message.id[0]!r}"
            if lang in COMPLETE and not _translated(message):
                yield f"{name} is not translated"
            if message.fuzzy:
                yield f"{name} is fuzzy (check the translation, then remove the fuzzy flag)"
            if machine(catalog) and _translated(message) and MACHINE_COMMENT not in message.user_comments:
                yield (
                    f"{name} lacks the translator comment '# {MACHINE_COMMENT}' that every word of this "
                    "machine-translated catalogue carries (add it)"
                )
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                if (
                    string
                    and placeholders(string) != placeholders(ids[-1 if len(strings) > 1 else 0])
                    and (len(ids) == 1 or placeholders(string) != placeholders(ids[0]))
                ):
                    yield f"{name}: the placeholders of the translation differ from the msgid's"
        mo = path.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != _mo(catalog):
            yield f"{_shown(mo)} is not compiled from the current .po: run `python3 dev.py words`"


def _keys(catalog: Catalog) -> list[tuple[object, str | None]]:
    return sorted(((m.id, m.context) for m in catalog if m.id), key=repr)


def check() -> int:
    found = list(problems())
    for line in found:
        print(line)
    for lang in languages():
        print(f"{lang}: {_completeness(_read(_po(lang), lang))}")
    if found:
        print(f"{len(found)} problem(s) in the word catalogue")
        return 1
    print(
        "word catalogue: in step with the code, nl, fr and en complete, the other languages' placeholders valid"
    )
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        return check()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
