"""Mistakes answered: a value that names nothing (an id, a filter value, a group, an exporter, a pack)
becomes an :class:`~ouderbetrokkenheid.errors.UnknownValueError` with the close values ("did you
mean") and what exists, matched over codes and labels in every language; the command line shows it
in the user's language and exits 2.

With ``--format json`` every error is one JSON document on standard output (docs/cli.md, "Errors as
JSON")::

    {"ok": false, "error": {"code": "unknown-id", "message": "...", "option": "ID", "value": "nope",
                            "suggestions": [...], "choices": [...]}}
"""

from __future__ import annotations

import difflib

from ouderbetrokkenheid.errors import UnknownValueError
from ouderbetrokkenheid.i18n import N_, NP_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.i18n import Words

#: At most this many values are listed in a text message; more are counted, with where to see them.
LISTED = 12

#: The first sentence of each kind of mistake ({option}: the option or argument, {value}: the value).
MESSAGES: dict[str, str] = {
    "unknown-id": N_("{option}: there is no record with the id '{value}'"),
    "unknown-concept": N_("{option}: there is no concept with the id '{value}'"),
    "unknown-value": N_("{option}: '{value}' is not a known value"),
    "unknown-group": N_("{option}: the assessment has no respondent group '{value}'"),
    "unknown-exporter": N_("{option}: there is no exporter named '{value}'"),
    "unknown-pack": N_("{option}: there is no pack named '{value}'"),
    "not-an-assessment": N_("{option}: '{value}' is not an assessment"),
    "not-a-framework": N_("{option}: '{value}' is not a framework"),
}
#: Where to see every value when there are too many to list.
SEE: dict[str, str] = {
    "unknown-id": "ouderbetrokkenheid catalog",
    "unknown-concept": "ouderbetrokkenheid frameworks",
    "not-an-assessment": "ouderbetrokkenheid catalog --kind assessments",
    "not-a-framework": "ouderbetrokkenheid catalog --kind frameworks",
    "unknown-exporter": "ouderbetrokkenheid export --list",
}


def fold(text: str) -> str:
    """*text* for matching: lower case, spaces and underscores as hyphens."""
    return "-".join(text.lower().replace("_", " ").split())


def suggest(value: str, candidates: Mapping[str, str], *, n: int = 5) -> list[str]:
    """The codes whose code or label (the keys of *candidates*, each mapped to its code) are close to
    *value* (:func:`difflib.get_close_matches`), closest first, each once."""
    folded = {fold(text): code for text, code in candidates.items() if text}
    close = difflib.get_close_matches(fold(value), list(folded), n=n * 3, cutoff=0.6)
    return list(dict.fromkeys(folded[text] for text in close))[:n]


def unknown(
    code: str, option: str, value: str, candidates: Mapping[str, str], choices: Iterable[str] | None = None
) -> UnknownValueError:
    """The error for *value*, with suggestions from *candidates* (text -> code) and the *choices*
    (default: every code of *candidates*)."""
    every = list(dict.fromkeys(candidates.values() if choices is None else choices))
    return UnknownValueError(
        code=code, option=option, value=value, suggestions=suggest(value, candidates), choices=every
    )


def record_candidates(library: Library, kinds: tuple[type, ...] | None = None) -> dict[str, str]:
    """Ids, their local parts and titles in every language -> id, for the records of *library* (of
    *kinds* only, when given)."""
    out: dict[str, str] = {}
    for record in library:
        if kinds is not None and not isinstance(record, kinds):
            continue
        out[record.id] = record.id
        out.setdefault(record.id.split("/", 1)[-1], record.id)
        title = getattr(record, "title", None)
        if title is not None:
            for _, text in title.items():
                out.setdefault(text, record.id)
    return out


def concept_candidates(library: Library) -> dict[str, str]:
    """Concept ids, their local parts and labels in every language -> concept id."""
    out: dict[str, str] = {}
    for framework in library.frameworks():
        for concept in framework.concepts:
            out[concept.id] = concept.id
            out.setdefault(concept.id.split("#", 1)[-1], concept.id)
            for _, text in concept.label.items():
                out.setdefault(text, concept.id)
    return out


def get_record(library: Library, identifier: str, *, option: str = "ID", kind: type | None = None) -> object:
    """The record *identifier* (of *kind*, when given); raise :class:`UnknownValueError` when there is
    none (``unknown-id``) or it is of another kind (``not-an-assessment``, ``not-a-framework``)."""
    if identifier not in {r.id for r in library}:
        kinds = (kind,) if kind is not None else None
        code = "unknown-id"
        raise unknown(code, option, identifier, record_candidates(library, kinds))
    record = library.get(identifier)
    if kind is not None and not isinstance(record, kind):
        code = "not-an-assessment" if kind.__name__ == "Assessment" else "not-a-framework"
        raise unknown(code, option, identifier, record_candidates(library, (kind,)))
    return record


def message(error: UnknownValueError, say: Words) -> str:
    """The error as text in the interface language: what is wrong, the close values, what exists."""
    quote = say(NP_("a value the user typed or can type", "'{value}'"))
    first = say(MESSAGES.get(error.code, MESSAGES["unknown-value"]), option=error.option, value=error.value)
    first = first.replace(f"'{error.value}'", quote.format(value=error.value))
    lines = [first]
    if error.suggestions:
        lines.append(
            say(
                N_("did you mean: {values}?"),
                values=", ".join(quote.format(value=s) for s in error.suggestions),
            )
        )
    if error.choices and (not error.suggestions or len(error.choices) <= LISTED):
        if len(error.choices) <= LISTED:
            lines.append(
                say(
                    N_("known values: {values}"),
                    values=", ".join(quote.format(value=c) for c in error.choices),
                )
            )
        else:
            count = say.ngettext("{n} value exists", "{n} values exist", len(error.choices)).format(
                n=len(error.choices)
            )
            see = SEE.get(error.code)
            lines.append(
                count
                + (say(N_("; see them with `{command}`"), command=see) if see else "")
                + ": "
                + ", ".join(quote.format(value=c) for c in error.choices[:LISTED])
                + ", ..."
            )
    return "\n  ".join(lines)
