"""An assessment as XLSForms, one per respondent group: the sheets as rows, without any I/O.

Each form has three sheets:

``survey``
    ``start`` and ``end`` (when the form was opened and finished); when any of the form's languages is a
    machine translation (the assessment's ``provenance.translations``), a ``note`` that says so in each
    language (``ob_machine_translation``: in a machine-translated language, that this translation is
    one, not checked by anyone, and to tell the school what is wrong; in the others, that the form's
    other languages are); three hidden ``calculate`` fields that
    make every submission self-describing (``ob_instrument``, ``ob_version``, ``ob_group``), then per
    section a ``begin_group`` (``field-list``) holding one ``select_one <scale>`` row per item worded for
    the group (``likert``), and an ``end_group``.
``choices``
    One list per answer scale the form uses: ``name`` is the stored option code, ``score`` the value
    scoring uses (empty for "not applicable").
``settings``
    ``form_title``, ``form_id``, ``version`` and ``default_language``.

Every label is given in every language of the pack and in each further language that the group's own
items are worded in (so a parents' form gets the parents' home languages, the team's form does not), in
columns like ``label::Nederlands (nl)``. A text that lacks a language gets its fallback (:meth:`LocalizedText.get_text`
with the pack's default), so no cell is empty.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterator

import attrs

from ouderbetrokkenheid.errors import Problem, ProblemError, Severity
from ouderbetrokkenheid.model import Assessment, ContentPack, LocalizedText, RespondentGroup, Scale
from ouderbetrokkenheid.reports.paper import correction_address, machine_translated, notice_text
from ouderbetrokkenheid_xlsform.languages import label_column, language_name

#: XLSForm limits ``form_id`` to what every server accepts; Kobo and Central take 64 characters.
FORM_ID_MAX = 64

#: The hidden fields every form carries, in order.
HIDDEN_FIELDS = ("ob_instrument", "ob_version", "ob_group")

#: The note that says which of the form's languages are machine translations.
NOTICE_FIELD = "ob_machine_translation"

#: Names the form uses itself; an item or section with one of them would clash.
RESERVED_NAMES = frozenset({"start", "end", "meta", NOTICE_FIELD, *HIDDEN_FIELDS})

Cell = str | int | float | None


@attrs.frozen(kw_only=True)
class Sheet:
    """One worksheet: a header row and data rows of the same width."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()

    def records(self) -> Iterator[dict[str, Cell]]:
        """Each row as ``column -> value``."""
        for row in self.rows:
            yield dict(zip(self.columns, row, strict=True))


@attrs.frozen(kw_only=True)
class Form:
    """The XLSForm of one assessment for one respondent group."""

    #: ``<pack>-<local-id>-<group>.xlsx``.
    file_name: str
    form_id: str
    assessment: str
    group: str
    #: The language tags of the label columns, the default first.
    languages: tuple[str, ...]
    survey: Sheet
    choices: Sheet
    settings: Sheet

    @property
    def sheets(self) -> tuple[Sheet, Sheet, Sheet]:
        """The sheets in workbook order."""
        return (self.survey, self.choices, self.settings)


def assessment_languages(
    pack: ContentPack, assessment: Assessment, group: str | None = None
) -> tuple[str, ...]:
    """Every language the pack declares, then any other language the assessment's texts are given in,
    in the order met. With *group*, the further languages are only those that *group*'s own item
    wording is given in: a language the parents' items are translated into is not one of the team's."""
    found: list[str] = list(pack.manifest.languages)

    def add(text: LocalizedText | None) -> None:
        for tag in text or ():
            if tag not in found:
                found.append(tag)

    if group is not None:
        for item in assessment.items():
            add(item.text.get(group))
        return tuple(found)
    add(assessment.title)
    for respondents in assessment.groups:
        add(respondents.label)
    for section in assessment.sections:
        add(section.title)
        for item in section.items:
            for text in item.text.values():
                add(text)
    for scale in assessment.scales:
        for option in scale.options:
            add(option.label)
    return tuple(found)


def notice_labels(
    assessment: Assessment, languages: tuple[str, ...], url: str | None = None
) -> tuple[str, ...] | None:
    """The machine-translation note's label per language of the form, or ``None`` when none of
    *languages* is a machine translation of *assessment*. Each label is in its column's language
    where the word catalogue has the notice (else Dutch: the catalogue's fallback). Corrections go to the
    school that gave the form, and to *url* (:func:`~ouderbetrokkenheid.reports.paper.correction_address`:
    the pack's ``homepage``, else its publisher's ``url``) when the pack states one; no other place is
    ever named."""
    machine = [machine_translated(assessment, tag) for tag in languages]
    if not any(machine):
        return None
    return tuple(
        notice_text(tag, "this" if is_machine else "other", url if is_machine else None)[1]
        for tag, is_machine in zip(languages, machine, strict=True)
    )


def form_id(pack: str, local: str, group: str) -> str:
    """``<pack>_<local>_<group>`` in ASCII letters, digits and ``_``, at most 64 characters (a longer id
    is cut and ends in a hash of the whole, so it stays unique).

    >>> form_id("voorbeeld", "mini-scan", "team")
    'voorbeeld_mini_scan_team'
    """
    raw = f"{pack}_{local}_{group}"
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    safe = re.sub(r"[^A-Za-z0-9_]", "_", ascii_text)
    if not safe[:1].isalpha():
        safe = f"f_{safe}"
    if len(safe) > FORM_ID_MAX:
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe[: FORM_ID_MAX - 9]}_{digest}"
    return safe


def form_version(version: str) -> str:
    """The assessment version as an XLSForm version string: dots (and anything else but letters, digits,
    ``_`` and ``-``) become ``_``, so spreadsheets do not read it as a number.

    >>> form_version("1.0")
    '1_0'
    """
    return re.sub(r"[^A-Za-z0-9_-]", "_", version)


def xpath_literal(value: str) -> str:
    """*value* as an XPath 1.0 string literal: ``'voorbeeld/mini-scan'``.

    >>> xpath_literal("it's")
    '"it\\'s"'
    """
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    pieces: list[str] = []
    for index, part in enumerate(value.split("'")):
        if index:
            pieces.append('"\'"')
        if part:
            pieces.append(f"'{part}'")
    return f"concat({', '.join(pieces)})"


def _score(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _check_names(assessment: Assessment) -> None:
    """Raise when a section id or item link_id cannot be an XLSForm name next to the others."""
    problems = []
    seen: dict[str, str] = {}
    names = [(section.id, "section") for section in assessment.sections]
    names += [(item.link_id, "item") for item in assessment.items()]
    for name, kind in names:
        if name in RESERVED_NAMES:
            problems.append(
                Problem(
                    code="xlsform-name-clash",
                    severity=Severity.ERROR,
                    file=assessment.id,
                    message=f"{kind} {name!r} has a name the XLSForm uses for its own fields",
                    hint=f"Rename the {kind}; {', '.join(sorted(RESERVED_NAMES))} are taken.",
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    code="xlsform-name-clash",
                    severity=Severity.ERROR,
                    file=assessment.id,
                    message=f"{kind} {name!r} has the same name as a {seen[name]}; XLSForm names must be unique",
                    hint="Give sections and items different ids.",
                )
            )
        seen.setdefault(name, kind)
    if problems:
        raise ProblemError(problems)


def _settings(
    pack: ContentPack, assessment: Assessment, group: RespondentGroup, default: str, identifier: str
) -> Sheet:
    pack_default = pack.manifest.default_language
    title = assessment.title.get_text(default, pack_default)
    who = group.label.get_text(default, pack_default)
    return Sheet(
        name="settings",
        columns=("form_title", "form_id", "version", "default_language"),
        rows=(
            (
                f"{title} – {who}",
                identifier,
                form_version(assessment.version or ""),
                language_name(default),
            ),
        ),
    )


def _choices(pack: ContentPack, scales: list[Scale], languages: tuple[str, ...]) -> Sheet:
    pack_default = pack.manifest.default_language
    columns = ("list_name", "name", *(label_column(tag) for tag in languages), "score")
    rows = []
    for scale in scales:
        for option in scale.options:
            labels = tuple(option.label.get_text(tag, pack_default) for tag in languages)
            score = None if option.not_applicable else _score(option.score)
            rows.append((scale.id, option.code, *labels, score))
    return Sheet(name="choices", columns=columns, rows=tuple(rows))


def build_form(
    pack: ContentPack, assessment: Assessment, group: RespondentGroup, default: str | None = None
) -> Form | None:
    """The form of *assessment* for *group*, or ``None`` when no item is worded for the group.

    :param default: the form's default language; the pack's default when not given or not one of the
        assessment's languages.
    """
    _check_names(assessment)
    pack_default = pack.manifest.default_language
    all_languages = assessment_languages(pack, assessment, group.id)
    default = default if default in all_languages else pack_default
    languages = (default, *(tag for tag in all_languages if tag != default))
    label_columns = tuple(label_column(tag) for tag in languages)
    columns = ("type", "name", *label_columns, "required", "appearance", "calculation")
    blank_labels: tuple[Cell, ...] = (None,) * len(languages)

    def labels(text: LocalizedText) -> tuple[Cell, ...]:
        return tuple(text.get_text(tag, pack_default) for tag in languages)

    constants = {
        "ob_instrument": assessment.id,
        "ob_version": assessment.version or "",
        "ob_group": group.id,
    }
    rows: list[tuple[Cell, ...]] = [
        ("start", "start", *blank_labels, None, None, None),
        ("end", "end", *blank_labels, None, None, None),
    ]
    notice = notice_labels(assessment, languages, correction_address(pack.manifest))
    if notice is not None:
        rows.append(("note", NOTICE_FIELD, *notice, None, None, None))
    rows += [
        ("calculate", name, *blank_labels, None, None, xpath_literal(constants[name]))
        for name in HIDDEN_FIELDS
    ]
    scales_by_id = {scale.id: scale for scale in assessment.scales}
    used: list[Scale] = []
    items = 0
    for section in assessment.sections:
        worded = [item for item in section.items if group.id in item.text]
        if not worded:
            continue
        rows.append(("begin_group", section.id, *labels(section.title), None, "field-list", None))
        for item in worded:
            rows.append(
                (
                    f"select_one {item.scale}",
                    item.link_id,
                    *labels(item.text[group.id]),
                    "yes" if item.required else "no",
                    "likert",
                    None,
                )
            )
            scale = scales_by_id[item.scale]
            if scale not in used:
                used.append(scale)
            items += 1
        rows.append(("end_group", section.id, *blank_labels, None, None, None))
    if not items:
        return None
    pack_name, local = assessment.id.split("/", 1)
    identifier = form_id(pack_name, local, group.id)
    return Form(
        file_name=f"{pack_name}-{local}-{group.id}.xlsx",
        form_id=identifier,
        assessment=assessment.id,
        group=group.id,
        languages=languages,
        survey=Sheet(name="survey", columns=columns, rows=tuple(rows)),
        choices=_choices(pack, used, languages),
        settings=_settings(pack, assessment, group, default, identifier),
    )
