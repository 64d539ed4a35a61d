"""Reading a pack folder: every file parsed, checked against its schema, structured, and checked
across records. All problems of all files are collected in one run."""

import stat
from os import PathLike
from pathlib import Path
from typing import Any

import msgspec

from ouderbetrokkenheid.converter import structure, structurer
from ouderbetrokkenheid.errors import PackError, Problem, Report, Severity
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.loading.documents import (
    DATA_SUFFIXES,
    MAX_FILE_BYTES,
    Document,
    DocumentError,
    read_document,
)
from ouderbetrokkenheid.loading.files import check_inside, os_error_problem
from ouderbetrokkenheid.loading.manifest import MANIFEST_NAMES, find_manifest, peek_manifest  # noqa: F401 (public here too)
from ouderbetrokkenheid.model import (
    Assessment,
    ContentPack,
    Finding,
    Framework,
    Mapping,
    PackManifest,
    Resource,
)
from ouderbetrokkenheid.schema import fast_validator
from ouderbetrokkenheid.validation.schema_check import records_problems, schema_problems
from ouderbetrokkenheid.validation.semantic import (
    ExternalLookup,
    Located,
    manifest_problems,
    semantic_problems,
)

#: The keys of a records file and the model class of their records.
RECORD_KINDS: dict[str, type] = {
    "resources": Resource,
    "findings": Finding,
    "frameworks": Framework,
    "mappings": Mapping,
    "assessments": Assessment,
}

PackPath = str | PathLike[str]


def _problem(code: str, message: str, hint: str, file: str) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message, hint=hint, file=file)


def pack_files(root: Path) -> tuple[Path | None, list[Path]]:
    """Return the manifest (or ``None``) and the data files of the pack at *root*, in a stable order.

    Every path with a data suffix that is not a folder is listed, whatever it is (a link, a FIFO, a
    device): reading it reports what is wrong, so nothing is skipped silently. Hidden files and
    folders (``.name``) are left out; linked folders are not entered.
    """
    manifest = find_manifest(root)
    data = sorted(
        path
        for path in root.rglob("*")
        if path.suffix.lower() in DATA_SUFFIXES
        and not _is_real_folder(path)
        and path != manifest
        and path.name not in MANIFEST_NAMES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    return manifest, data


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def check_pack(
    path: PackPath,
    *,
    external: ExternalLookup | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    allow_outside_links: bool = False,
) -> tuple[ContentPack | None, Report]:
    """Load and check the pack at *path*. Return the pack (``None`` if it has errors) and every problem.

    Every file must be a regular file of at most *max_bytes* bytes. A file that is a link leading out
    of the pack folder is refused (``link-outside``) unless *allow_outside_links* is true.
    """
    root = Path(path)
    try:
        if root.is_file() and root.name in MANIFEST_NAMES:
            root = root.parent
        is_folder = root.is_dir()
    except OSError as exc:  # a name too long, a permission on the way: said, never raised
        return None, Report(problems=(os_error_problem(exc, str(path)),))
    if not is_folder:
        return None, Report(
            problems=(
                _problem(
                    "path-not-found",
                    N_("no such folder"),
                    N_("Give the folder that holds pack.yaml."),
                    str(path),
                ),
            )
        )
    manifest_path, data_paths = pack_files(root)
    if manifest_path is None:
        return None, Report(
            problems=(
                _problem(
                    "manifest-missing",
                    N_("this folder has no pack.yaml"),
                    N_("A pack folder needs a manifest; run 'ouderbetrokkenheid new-pack NAME' to see one."),
                    str(root),
                ),
            )
        )
    problems: list[Problem] = []
    if not allow_outside_links:
        outside = [check_inside(file, root) for file in (manifest_path, *data_paths)]
        problems.extend(p for p in outside if p is not None)
        if outside[0] is not None:
            return None, Report(problems=tuple(problems))
        data_paths = [file for file, problem in zip(data_paths, outside[1:], strict=True) if problem is None]
    # The cyclic garbage collector is left as the caller has it: pausing it inside a library call
    # would make this look faster than it is in a program with its own heap (benchmarks/README.md).
    manifest = _read_manifest(manifest_path, problems, max_bytes)
    if manifest is None:
        return None, Report(problems=tuple(problems))
    located: list[Located] = []
    for data_path in data_paths:
        located.extend(_read_records(data_path, problems, max_bytes))
    problems.extend(semantic_problems(manifest, located, external))
    report = Report(problems=tuple(problems))
    if not report.ok:
        return None, report
    by_kind: dict[str, list[Any]] = {key: [] for key in RECORD_KINDS}
    for where in located:
        by_kind[_KEY_OF[type(where.record)]].append(where.record)
    pack = ContentPack(manifest=manifest, **{key: tuple(values) for key, values in by_kind.items()})
    return pack, report


_KEY_OF = {cls: key for key, cls in RECORD_KINDS.items()}


def _read_manifest(path: Path, problems: list[Problem], max_bytes: int) -> PackManifest | None:
    try:
        document = read_document(path, max_bytes=max_bytes)
    except DocumentError as exc:
        problems.extend(exc.problems)
        return None
    found = schema_problems(document, "pack")
    problems.extend(found)
    if found:
        return None
    manifest: PackManifest = structure(_strip_schema(document.data), PackManifest)
    problems.extend(manifest_problems(manifest, document))
    return manifest


def _strip_schema(data: dict[str, Any]) -> dict[str, Any]:
    if "$schema" in data:
        data = {key: value for key, value in data.items() if key != "$schema"}
    return data


def _read_records(path: Path, problems: list[Problem], max_bytes: int) -> list[Located]:
    if path.suffix.lower() == ".json":
        located = _read_json_records(path, problems, max_bytes)
        if located is not None:
            return located
    try:
        document: Document = read_document(path, max_bytes=max_bytes)
        if not isinstance(document.data, dict):
            problems.append(
                document.problem(
                    "not-a-mapping",
                    N_("the top level of a records file must be a mapping"),
                    hint=N_(
                        "Start the file with 'resources:', 'findings:', 'frameworks:', 'mappings:' or "
                        "'assessments:'."
                    ),
                )
            )
            return []
        found = schema_problems(document, "records")
    except DocumentError as exc:
        problems.extend(exc.problems)
        return []
    problems.extend(found)
    located = []
    kept = document.without_data()  # records keep their file for locating problems, not its raw data
    for key, cls in RECORD_KINDS.items():
        records = document.data.get(key, ())
        if found and not isinstance(records, list):
            continue
        build = structurer(cls)
        for index, raw in enumerate(records):
            # In a file with schema errors, the records that are valid on their own are still
            # checked across records, so one run reports every problem.
            if found and not fast_validator(_SCHEMA_OF[key]).is_valid(raw):
                continue
            located.append(Located(record=build(raw), document=kept, pointer=f"/{key}/{index}"))
    return located


_SCHEMA_OF = {key: key[:-1] for key in RECORD_KINDS}


def _read_json_records(path: Path, problems: list[Problem], max_bytes: int) -> list[Located] | None:
    """Read a JSON records file record by record; ``None`` when it is not a readable JSON mapping (the
    general path then reads it again and says what is wrong).

    The file's top level is split by msgspec into each record's raw JSON; every record is parsed
    (orjson), validated (jsonschema-rs) and built (msgspec) on its own, so the parsed data of one record
    is freed before the next is read. The garbage collector then finds only the records that stay,
    never a whole file of parsed data (which would make it run again and again over a large load),
    and the records that the compiled validator rejects are the only ones explained.
    """
    import msgspec
    import orjson

    from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

    try:
        raw = read_bytes(path, max_bytes)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        top = _split(raw)
    except (InputFileError, msgspec.DecodeError, orjson.JSONDecodeError, UnicodeDecodeError):
        return None
    document = Document.reread(str(path), raw)  # the bytes are read again only to locate a problem
    located: list[Located] = []
    bad: list[tuple[str, str, Any]] = []
    for key, cls in RECORD_KINDS.items():
        items = top.get(key)
        if not isinstance(items, list):
            continue
        top[key] = []
        kind, build = _SCHEMA_OF[key], structurer(cls)
        is_valid = fast_validator(kind).is_valid
        for index, item in enumerate(items):
            try:
                data = orjson.loads(memoryview(item))
            except orjson.JSONDecodeError:
                return None
            if is_valid(data):
                located.append(Located(record=build(data), document=document, pointer=f"/{key}/{index}"))
            else:
                bad.append((f"/{key}/{index}", kind, data))
    if bad or not fast_validator("records").is_valid(top):
        try:
            problems.extend(records_problems(document, top, bad))
        except DocumentError as exc:
            problems.extend(exc.problems)
    return located


def _split(raw: bytes) -> dict[str, Any]:
    """The top level of a JSON records file, each record list as a list of the records' raw JSON.

    Usually every value of the top level is a list, and one pass of msgspec splits them all; when one is
    not (a ``$schema`` string, a schema error), the top level is split first and each value after.
    """
    import orjson

    try:
        lists: dict[str, Any] = _LISTS.decode(raw)
    except msgspec.ValidationError:  # a value that is not a list (malformed JSON raises DecodeError)
        top: dict[str, Any] = {}
        for key, value in _TOP.decode(raw).items():
            text = memoryview(value)
            top[key] = (
                _RAW_LIST.decode(text) if key in RECORD_KINDS and text[:1] == b"[" else orjson.loads(text)
            )
        return top
    for key, items in lists.items():
        if key not in RECORD_KINDS:
            lists[key] = [orjson.loads(memoryview(item)) for item in items]
    return lists


_LISTS = msgspec.json.Decoder(dict[str, list[msgspec.Raw]])
_TOP = msgspec.json.Decoder(dict[str, msgspec.Raw])
_RAW_LIST = msgspec.json.Decoder(list[msgspec.Raw])


def validate_pack(
    path: PackPath,
    *,
    external: ExternalLookup | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    allow_outside_links: bool = False,
) -> Report:
    """Check the pack at *path* and return every problem found; never raises for bad data."""
    return check_pack(path, external=external, max_bytes=max_bytes, allow_outside_links=allow_outside_links)[
        1
    ]


def load_pack(
    path: PackPath,
    *,
    external: ExternalLookup | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    allow_outside_links: bool = False,
) -> ContentPack:
    """Load the pack at *path*. Raise :class:`~ouderbetrokkenheid.PackError` (carrying every problem)
    when it has errors; warnings are kept out of the way."""
    pack, report = check_pack(
        path, external=external, max_bytes=max_bytes, allow_outside_links=allow_outside_links
    )
    if pack is None:
        raise PackError(report.errors)
    return pack
