"""What the columns of a responses table mean, for a plain CSV file and for a KoboToolbox/ODK export.

Plain CSV: ``respondent``, ``group``, and optionally ``version``, ``assessment``, ``submitted``,
``language``, then one column per item named by its link id.

KoboToolbox and ODK exports ("XML values and headers"): an item's column may carry the path of the
form groups it sits in (``s1/welkom`` in KoboToolbox, ``s1-welkom`` in ODK Central); the path is
dropped. The survey tool's own columns (``_id``, ``_uuid``, ``_submission_time``, ``start``, ``end``,
``meta/instanceID``, ``__version__``, ``SubmissionDate``, ``KEY`` ...) are ignored, except that the
respondent id is taken from ``_uuid`` (or ``meta/instanceID``, ``KEY``, ``_id``) and the submission time
from ``_submission_time`` (or ``SubmissionDate``, ``end``). The hidden fields ``ob_instrument``,
``ob_version`` and ``ob_group`` that the XLSForm exporter puts in every form carry the assessment id,
its version and the respondent group.
"""

import difflib
import re

from ouderbetrokkenheid.errors import Phrase
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.responses.table import Layout
from ouderbetrokkenheid.scoring.checks import ProblemList, Where

#: Plain CSV column name -> field.
CSV_FIELDS = {
    name: name for name in ("respondent", "group", "version", "assessment", "submitted", "language")
}

#: The hidden fields of forms made by the XLSForm exporter -> field.
HIDDEN_FIELDS = {"ob_instrument": "assessment", "ob_version": "version", "ob_group": "group"}
#: Columns of KoboToolbox / ODK that give the respondent id, best first.
RESPONDENT_COLUMNS = ("_uuid", "instanceID", "KEY", "_id")
#: Columns that give the submission time, best first.
SUBMITTED_COLUMNS = ("_submission_time", "SubmissionDate", "end")
#: Metadata columns of KoboToolbox, ODK Collect and ODK Central (by their last path segment); every
#: column whose last segment starts with ``_`` is metadata too.
TOOL_COLUMNS = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
        "instanceID",
        "instanceName",
        "deprecatedID",
        "rootUuid",
        "uuid",
        "SubmissionDate",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
    }
)
_PATH = re.compile(r"[/-]")
_KOBO_MARKERS = frozenset(
    {
        "_uuid",
        "_id",
        "_submission_time",
        "__version__",
        "meta/instanceID",
        "meta-instanceID",
        "KEY",
        "SubmissionDate",
    }
    | set(HIDDEN_FIELDS)
)


def looks_like_kobo(header: tuple[str, ...]) -> bool:
    """Whether a header is that of a KoboToolbox or ODK export."""
    return any(name in _KOBO_MARKERS or name.startswith("formhub") for name in header)


def _unknown(
    found: ProblemList,
    file: str,
    assessment: Assessment,
    index: int,
    name: str,
    link: str,
    *,
    kobo: bool = False,
) -> None:
    links = [item.link_id for item in assessment.items()]
    close = difflib.get_close_matches(link, links, n=1)
    columns = Phrase(
        N_(
            "Export with 'XML values and headers'; item columns are named by link id ({items}), the hidden "
            "fields ob_instrument, ob_version, ob_group."
        )
        if kobo
        else N_(
            "The columns are respondent, group, version, assessment, submitted, language and the link ids: "
            "{items}."
        ),
        items=", ".join(links),
    )
    hint = Phrase(N_("Did you mean '{close}'? {rest}"), close=close[0], rest=columns) if close else columns
    found.add(
        "response-unknown-item",
        Phrase(N_("{assessment} has no item '{item}'"), assessment=assessment.id, item=link),
        Where(file=file, line=1, column=index + 1, name=name),
        hint,
    )


def _duplicate(found: ProblemList, file: str, index: int, name: str, first: int) -> None:
    found.add(
        "response-syntax",
        Phrase(N_("column '{name}' occurs twice (first as column {n})"), name=name, n=first + 1),
        Where(file=file, line=1, column=index + 1, name=name),
        N_("Give every column one header; delete the duplicate."),
    )


def csv_layout(header: tuple[str, ...], assessment: Assessment, file: str, found: ProblemList) -> Layout:
    """The layout of a plain CSV file; unknown and duplicate columns are reported to *found*."""
    links = {item.link_id for item in assessment.items()}
    fields: dict[str, int] = {}
    items: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name:
            continue
        field = CSV_FIELDS.get(name.lower())
        target, key = (fields, field) if field else (items, name)
        if key in target:
            _duplicate(found, file, index, name, target[key])
        elif field or name in links:
            target[key] = index
        else:
            _unknown(found, file, assessment, index, name, name)
    return Layout(fields=fields, items=items)


def kobo_layout(header: tuple[str, ...], assessment: Assessment, file: str, found: ProblemList) -> Layout:
    """The layout of a KoboToolbox/ODK export; unknown and duplicate columns are reported to *found*."""
    links = {item.link_id for item in assessment.items()}
    fields: dict[str, int] = {}
    items: dict[str, int] = {}
    tool: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name:
            continue
        last = _PATH.split(name)[-1]
        if last in HIDDEN_FIELDS:
            field = HIDDEN_FIELDS[last]
            if field in fields:
                _duplicate(found, file, index, name, fields[field])
            else:
                fields[field] = index
        elif last.startswith("_") or last in TOOL_COLUMNS:
            tool.setdefault(last, index)
        elif last in items:
            _duplicate(found, file, index, name, items[last])
        elif last in links:
            items[last] = index
        else:
            _unknown(found, file, assessment, index, name, last, kobo=True)
    respondent = next((tool[c] for c in RESPONDENT_COLUMNS if c in tool), None)
    if respondent is not None:
        fields["respondent"] = respondent
    submitted = next((tool[c] for c in SUBMITTED_COLUMNS if c in tool), None)
    if submitted is not None:
        fields["submitted"] = submitted
    return Layout(fields=fields, items=items, naive_is_utc=True)
