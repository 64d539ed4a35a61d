"""The ``xlsform`` exporter: a folder with one XLSForm workbook per assessment and respondent group."""

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.errors import Problem, ProblemError, Severity
from ouderbetrokkenheid.exporters.base import atomic_folder
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid_xlsform.form import Form, build_form
from ouderbetrokkenheid_xlsform.workbook import write_workbook

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

logger = logging.getLogger(__name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: The file in the output folder that lists the forms and what was left out.
INDEX_FILE = "README.txt"


@attrs.frozen(kw_only=True)
class Plan:
    """What an export writes: the forms, and notes on what it leaves out."""

    forms: tuple[Form, ...] = ()
    notes: tuple[Problem, ...] = ()


def _note(assessment: Assessment, message: str, hint: str, code: str = "xlsform-skipped") -> Problem:
    return Problem(code=code, severity=Severity.WARNING, file=assessment.id, message=message, hint=hint)


def plan_export(library: "Library", options: Mapping[str, Any]) -> Plan:
    """The forms for every assessment of *library* (or only ``options["assessment"]``), in the default
    language ``options["lang"]`` where the assessment has it.

    Assessments without items (``metadata-only``) and groups that no item is worded for are left out
    with a note. Asking for one assessment that is not one, or has no items, raises
    :class:`~ouderbetrokkenheid.ProblemError`; an unknown id raises
    :class:`~ouderbetrokkenheid.UnknownIdError`.
    """
    lang = options.get("lang")
    wanted = options.get("assessment")
    if wanted:
        record = library.get(str(wanted))
        if not isinstance(record, Assessment):
            raise ProblemError(
                [
                    Problem(
                        code="xlsform-not-an-assessment",
                        severity=Severity.ERROR,
                        file=record.id,
                        message=f"{record.id!r} is a {type(record).__name__.lower()}, not an assessment",
                        hint="Give the id of an assessment (`ouderbetrokkenheid catalog` lists them).",
                    )
                ]
            )
        if not record.items():
            raise ProblemError(
                [
                    Problem(
                        code="xlsform-no-items",
                        severity=Severity.ERROR,
                        file=record.id,
                        message=f"assessment {record.id!r} has no items (content_status: {record.content_status}); there is no form to make",
                        hint="Only assessments whose items are known can be exported as XLSForm.",
                    )
                ]
            )
        assessments: tuple[Assessment, ...] = (record,)
    else:
        assessments = library.assessments()
    forms: list[Form] = []
    notes: list[Problem] = []
    for assessment in assessments:
        if not assessment.items():
            notes.append(
                _note(
                    assessment,
                    f"assessment {assessment.id!r} was skipped: it has no items "
                    f"(content_status: {assessment.content_status}), so there is no form to make",
                    "Only the metadata of this instrument is known; see its known_gaps.",
                )
            )
            continue
        if assessment.content_status != "complete":
            notes.append(
                _note(
                    assessment,
                    f"assessment {assessment.id!r} is {assessment.content_status}: its forms hold only the known items",
                    "See its known_gaps before deploying the forms.",
                    code="xlsform-partial",
                )
            )
        pack = library.pack_of(assessment.id)
        for group in assessment.groups:
            form = build_form(pack, assessment, group, lang)
            if form is None:
                notes.append(
                    _note(
                        assessment,
                        f"group {group.id!r} of assessment {assessment.id!r} was skipped: no item is worded for it",
                        "Add wording for the group to the items it should answer.",
                    )
                )
                continue
            forms.append(form)
    return Plan(forms=tuple(forms), notes=tuple(notes))


def index_text(plan: Plan) -> str:
    """The ``README.txt`` of the output folder: the forms, and what was left out and why."""
    lines = [
        "XLSForms exported by ouderbetrokkenheid-xlsform: one per assessment and respondent group.",
        "Upload an .xlsx in KoboToolbox (Deploy > Import an XLSForm) or ODK Central (New form).",
        "",
        "Forms:",
    ]
    lines += [
        f"  {form.file_name}  form_id={form.form_id}  assessment={form.assessment}  group={form.group}"
        f"  languages={','.join(form.languages)}"
        for form in plan.forms
    ] or ["  (none)"]
    if plan.notes:
        lines += ["", "Notes:"]
        lines += [f"  {note.message}. {note.hint}" for note in plan.notes]
    return "\n".join(lines) + "\n"


@attrs.frozen
class XLSFormExporter:
    """Assessments as XLSForms for KoboToolbox, ODK and Enketo, one workbook per respondent group."""

    name: str = "xlsform"
    media_type: str = XLSX
    extension: str = ""
    kinds: frozenset[str] = frozenset({"assessments"})
    description: str = N_("assessments as XLSForm workbooks (KoboToolbox, ODK), one per respondent group")

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the folder *destination*: ``<pack>-<local-id>-<group>.xlsx`` per form and a
        ``README.txt`` listing them and what was skipped. Atomic: on failure nothing is left and an
        earlier export stays as it was.

        :param options: ``assessment`` (an id: export only that one), ``lang`` (the default language).
        """
        plan = plan_export(library, options)
        with atomic_folder(Path(destination)) as folder:
            for form in plan.forms:
                write_workbook(form, folder / form.file_name)
            (folder / INDEX_FILE).write_text(index_text(plan), encoding="utf-8")
        for note in plan.notes:
            logger.warning("%s (%s)", note.message, note.hint)
