"""Answering an assessment in the terminal, one item at a time, without ever losing an answer.

Each answer is appended to a journal (JSON lines, flushed to disk with ``fsync``) the moment it is
given. A run that stops (``q``, end of input, Ctrl-C, a crash) is resumed by starting it again with
the same file: the journal is read back and the answers in it are not asked again. At the end the
:class:`~ouderbetrokkenheid.model.Response` is written as JSON, atomically (a temporary file renamed
into place), and only then is the journal removed.

The journal, next to the response file as ``<file>.journal.jsonl``::

    {"journal": 1, "assessment": "voorbeeld/mini-scan", "version": "1.0", "group": "parents",
     "respondent": "r7", "language": "fr", "started": "2026-03-01T10:15:00+00:00"}
    {"item": "welkom", "answer": "4"}
    {"item": "drempel", "skipped": true}

Input is read line by line from a text stream (standard input), so a run can be driven by a pipe.
"""

import contextlib
import datetime
import json
import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import attrs

from ouderbetrokkenheid.errors import OuderbetrokkenheidError, Phrase, Problem, Severity
from ouderbetrokkenheid.i18n import FALLBACK, N_, languages, words
from ouderbetrokkenheid.model import Assessment, Item, Option, Response, fallback_chain, is_language_tag
from ouderbetrokkenheid.scoring.checks import ResponseError
from ouderbetrokkenheid.terminal import terminal_safe

JOURNAL_VERSION = 1

#: The words of the interface (not content): key -> English msgid of the gettext catalogue; other
#: languages fall back along the chain, Dutch last.
MESSAGES: dict[str, str] = {
    "start": N_("{title} — {group}: {total} questions."),
    "resume": N_("Resuming where you stopped: {done} of the {total} questions are already answered."),
    "required": N_("Answer (1-{n}, ? help, q stop): "),
    "optional": N_("Answer (1-{n}, ? help, s skip, q stop): "),
    "invalid": N_("'{value}' is not an answer here: type a number from 1 to {n} or an option code."),
    "no_skip": N_("This question is required; it cannot be skipped."),
    "help": N_(
        "Type the number (or the code) of your answer and press Enter.\n"
        "  s  skip the question (only when it is not required)\n"
        "  q  stop: your answers stay saved; run the same command again to continue\n"
        "  ?  this help"
    ),
    "stopped": N_(
        "Stopped. {done} of the {total} questions are answered and saved in {journal}; run the same command again to continue."
    ),
    "saved": N_("Done. The response is saved in {file}."),
}


class AssessError(OuderbetrokkenheidError):
    """An interactive run cannot start (the response is already complete, the journal belongs to
    another run ...)."""


def journal_path(save: Path) -> Path:
    """The journal of the run that writes *save*: ``<save>.journal.jsonl``."""
    return save.with_name(save.name + ".journal.jsonl")


def messages(lang: str | None, default: str | None = None) -> dict[str, str]:
    """The interface words in *lang*, or the first language of its fallback chain (then *default*,
    then Dutch) that has a catalogue."""
    tag = next((t for t in fallback_chain(lang, default, fallback=()) if t in languages()), FALLBACK)
    found = words(tag)
    return {key: found.gettext(msgid) for key, msgid in MESSAGES.items()}


#: A journal holds one short line per answer: a larger file is not one of ours.
MAX_JOURNAL_BYTES = 16 * 1024 * 1024


@attrs.frozen(kw_only=True)
class _Journal:
    """What a journal holds: its header and the answers (``None``: skipped), latest per item."""

    header: dict[str, Any]
    answers: dict[str, str | None]


def _read_journal(path: Path, assessment: Assessment) -> _Journal:
    """Read the journal at *path*. A last line cut short by a crash is dropped (and the file rewritten
    without it): its answer was never acknowledged. Any other damage is an error."""
    from ouderbetrokkenheid.loading.files import read_bytes

    name = str(path)
    # bytes that are not UTF-8 make their line "not a JSON object", reported below with its number
    text = read_bytes(path, MAX_JOURNAL_BYTES, what="journal").decode("utf-8", "replace")
    lines = text.split("\n")
    torn = not text.endswith("\n")
    if not torn:
        lines.pop()
    entries: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        entry = _json_object(line)
        if entry is None:
            if torn and number == len(lines):
                break
            problems.append(_journal_problem(name, number, N_("the line is not a JSON object")))
            continue
        entries.append(entry)
    if problems:
        raise ResponseError(problems)
    if not entries or entries[0].get("journal") != JOURNAL_VERSION:
        raise ResponseError([_journal_problem(name, 1, N_("the file does not start with a journal header"))])
    header, answers = entries[0], {}
    options = _options_by_item(assessment)
    for number, entry in enumerate(entries[1:], start=2):
        link_id = entry.get("item")
        if link_id not in options:
            problems.append(
                _journal_problem(
                    name,
                    number,
                    Phrase(
                        N_("item '{item}' is not in {assessment}"), item=link_id, assessment=assessment.id
                    ),
                    "response-unknown-item",
                )
            )
        elif entry.get("skipped") is True:
            answers[link_id] = None
        elif entry.get("answer") in options[link_id]:
            answers[link_id] = entry["answer"]
        else:
            problems.append(
                _journal_problem(
                    name,
                    number,
                    Phrase(
                        N_("answer {answer} to '{item}' is not on its scale"),
                        answer=repr(entry.get("answer")),
                        item=link_id,
                    ),
                    "response-off-scale",
                )
            )
    if problems:
        raise ResponseError(problems)
    if torn:
        _write_atomically(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries))
    return _Journal(header=header, answers=answers)


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _journal_problem(file: str, line: int, message: str, code: str = "response-syntax") -> Problem:
    return Problem(
        code=code,
        severity=Severity.ERROR,
        message=message,
        hint=N_(
            "The journal is written by `ouderbetrokkenheid assess`; it was changed by hand or belongs to "
            "another version of the assessment. Fix or move the file and start again."
        ),
        file=file,
        line=line,
    )


def _options_by_item(assessment: Assessment) -> dict[str, dict[str, Option]]:
    scales = {scale.id: scale for scale in assessment.scales}
    return {
        item.link_id: {option.code: option for option in scales[item.scale].options}
        for item in assessment.items()
    }


def _write_atomically(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file in the same folder, synced, then renamed."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed after closing
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(handle.name).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(handle.name).unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename durable where the platform allows it
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _choose(value: str, options: tuple[Option, ...]) -> Option | None:
    """The option *value* names: its number (1-based) first, then its code (any case)."""
    if value.isdigit() and 1 <= int(value) <= len(options):
        return options[int(value) - 1]
    lowered = value.lower()
    return next((option for option in options if option.code.lower() == lowered), None)


def run_assessment(
    assessment: Assessment,
    group: str,
    *,
    save: Path,
    stdin: IO[str],
    stdout: IO[str],
    respondent: str | None = None,
    lang: str | None = None,
    default_language: str | None = None,
    now: Callable[[], datetime.datetime] | None = None,
) -> Response | None:
    """Ask *group*'s items of *assessment* on *stdout*, read the answers from *stdin*, and write the
    response to *save*. Return the response, or ``None`` when the run stopped before the end (its
    answers are in the journal and a new run with the same *save* continues it).

    Raise :class:`AssessError` when the run cannot start, and
    :class:`~ouderbetrokkenheid.scoring.ResponseError` when the journal is damaged. Ctrl-C while a
    question waits stops the run like ``q`` (every answer given is saved), then raises
    :class:`KeyboardInterrupt` again, so that the command line exits 130.
    """
    if assessment.version is None or not assessment.items():
        raise AssessError(
            Phrase(N_("{assessment} has no items: there is nothing to answer"), assessment=assessment.id)
        )
    groups = {g.id: g for g in assessment.groups}
    if group not in groups:
        raise AssessError(
            Phrase(
                N_("{assessment} has no respondent group '{group}'; its groups: {groups}"),
                assessment=assessment.id,
                group=group,
                groups=", ".join(groups),
            )
        )
    if lang is not None and not is_language_tag(lang):
        raise AssessError(Phrase(N_("'{tag}' is not a language tag (nl, fr, en, ar ...)"), tag=lang))
    clock = now or (lambda: datetime.datetime.now(datetime.UTC).replace(microsecond=0))
    journal = journal_path(save)
    if save.exists():
        raise AssessError(
            Phrase(
                N_(
                    "{file} already exists: that response is complete. Give another file (--save) for a new one."
                ),
                file=str(save),
            )
        )
    items = [item for item in assessment.items() if group in item.text]
    if not items:
        raise AssessError(
            Phrase(N_("{assessment} asks no items of group '{group}'"), assessment=assessment.id, group=group)
        )
    words = messages(lang, default_language)
    language = lang or default_language
    given: dict[str, str | None] = {}
    if journal.exists():
        state = _read_journal(journal, assessment)
        header = state.header
        expected = {"assessment": assessment.id, "version": assessment.version, "group": group}
        for key, value in expected.items():
            if header.get(key) != value:
                raise AssessError(
                    Phrase(
                        N_(
                            "{file} is the journal of a run with {key} {found}, not '{expected}'; give another "
                            "file (--save), or the same options as that run"
                        ),
                        file=str(journal),
                        key=key,
                        found=repr(header.get(key)),
                        expected=value,
                    )
                )
        if respondent is not None and header.get("respondent") != respondent:
            raise AssessError(
                Phrase(
                    N_("{file} is the journal of respondent {found}, not '{respondent}'"),
                    file=str(journal),
                    found=repr(header.get("respondent")),
                    respondent=respondent,
                )
            )
        respondent = str(header.get("respondent"))
        language = lang or header.get("language") or default_language
        given = state.answers
    else:
        respondent = respondent if respondent is not None else uuid.uuid4().hex
        if not 1 <= len(respondent) <= 100:
            raise AssessError(N_("a respondent id has 1 to 100 characters"))
        header = {
            "journal": JOURNAL_VERSION,
            "assessment": assessment.id,
            "version": assessment.version,
            "group": group,
            "respondent": respondent,
            "language": language,
            "started": clock().isoformat(),
        }
        save.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(journal, json.dumps(header, ensure_ascii=False) + "\n")

    def say(text: str = "") -> None:
        stdout.write(terminal_safe(text) + "\n")  # content is shown, its control characters never obeyed
        stdout.flush()

    title = assessment.title.get_text(lang, default_language)
    say(
        words["start"].format(
            title=title, group=groups[group].label.get_text(lang, default_language), total=len(items)
        )
    )
    if given:
        say(words["resume"].format(done=len(given), total=len(items)))
    stopped = interrupted = False
    with journal.open("a", encoding="utf-8") as log:
        for index, item in enumerate(items, start=1):
            if item.link_id in given:
                continue
            answer = _ask(
                assessment, item, index, len(items), group, lang, default_language, words, say, stdin, stdout
            )
            if answer is _STOP or answer is _INTERRUPTED:
                stopped = True
                interrupted = answer is _INTERRUPTED
                break
            entry = (
                {"item": item.link_id, "skipped": True}
                if answer is None
                else {"item": item.link_id, "answer": answer}
            )
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            log.flush()
            os.fsync(log.fileno())
            given[item.link_id] = answer  # type: ignore[assignment]
    if stopped:
        say(words["stopped"].format(done=len(given), total=len(items), journal=journal))
        if interrupted:
            raise KeyboardInterrupt
        return None
    response = Response(
        assessment=assessment.id,
        version=assessment.version,
        group=group,
        respondent=respondent,
        answers={link: code for link, code in given.items() if code is not None},
        submitted=clock(),
        language=language,
    )
    from ouderbetrokkenheid.converter import unstructure
    from ouderbetrokkenheid.schema import fast_validator

    data = unstructure(response)
    if not fast_validator("response").is_valid(data):  # pragma: no cover - the checks above prevent it
        raise AssessError(f"the response does not validate against the response schema: {data}")
    # {"responses": [...]}: the shape `score` reads, so an assess run can be scored as it is
    _write_atomically(save, json.dumps({"responses": [data]}, ensure_ascii=False, indent=2) + "\n")
    journal.unlink()
    say(words["saved"].format(file=save))
    return response


_STOP: Any = object()
#: Ctrl-C: stop like ``q``, then raise KeyboardInterrupt again (the command line exits 130).
_INTERRUPTED: Any = object()


def _ask(
    assessment: Assessment,
    item: Item,
    index: int,
    total: int,
    group: str,
    lang: str | None,
    default: str | None,
    words: dict[str, str],
    say: Callable[[str], None],
    stdin: IO[str],
    stdout: IO[str],
) -> str | None:
    """Ask one item until it gets an answer: its option code, ``None`` (skipped) or :data:`_STOP`."""
    scale = next(scale for scale in assessment.scales if scale.id == item.scale)
    options = scale.options
    say()
    say(f"[{index}/{total}] {item.text[group].get_text(lang, default)}")
    for number, option in enumerate(options, start=1):
        code = "" if option.code == str(number) else f"  [{option.code}]"
        say(f"  {number}) {option.label.get_text(lang, default)}{code}")
    prompt = words["required" if item.required else "optional"].format(n=len(options))
    while True:
        stdout.write(prompt)
        stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            say()
            return _INTERRUPTED
        if not line:  # end of input: stop, everything given so far is saved
            say()
            return _STOP
        value = line.strip()
        option = _choose(value, options) if value else None
        if option is not None:
            return option.code
        if not value:
            continue
        command = value.lower()
        if command == "q":
            return _STOP
        if command == "?":
            say(words["help"])
        elif command == "s":
            if not item.required:
                return None
            say(words["no_skip"])
        else:
            say(words["invalid"].format(value=value, n=len(options)))
