"""The JSON Schemas against their example corpus (schemas/examples), with both Python validators.

Every file in ``schemas/examples/valid/<kind>/`` must be valid and every file in
``schemas/examples/invalid/<kind>/`` invalid, for python-jsonschema (:func:`validator`) and for
jsonschema-rs (:func:`fast_validator`) alike. The tests are parametrized by file, so a failure names it.

Where the validators are known to disagree, the test of the validator that is wrong is marked as a
strict xfail in :data:`KNOWN_DISAGREEMENTS` with the reason: it shows up as XFAIL in the summary, and
turns into a failure (XPASS strict) as soon as the disagreement is gone, so the entry gets removed.
"""

import json
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from ouderbetrokkenheid import schema
from ouderbetrokkenheid.schema import KINDS, fast_validator, schema_id, schema_text, validator

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
EXAMPLES = SCHEMAS / "examples"
#: The kinds with examples: every kind but ``defs``, which only holds shared definitions.
EXAMPLE_KINDS = tuple(kind for kind in KINDS if kind != "defs")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

_PY_TRAILING_NEWLINE = (
    "python-jsonschema accepts a trailing newline: it matches 'pattern' with re.search, where '$' also "
    "matches before a final '\\n', and rfc3986-validator / rfc3339-validator (its 'uri' and 'date-time' "
    "checks) do the same; jsonschema-rs and ajv reject it"
)
_PY_LEAP_SECOND = (
    "python-jsonschema (rfc3339-validator) rejects second 60, which RFC 3339 allows (leap second) and "
    "jsonschema-rs and ajv accept"
)

#: ``(file, validator) -> reason`` for verdicts known to differ from the folder the file is in.
#: Validators: "python-jsonschema", "jsonschema-rs". (ajv's are in tests/test_ajv.py.)
KNOWN_DISAGREEMENTS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Example:
    """One example file: ``<folder>/<kind>/<name>.json``."""

    path: Path

    @property
    def folder(self) -> str:
        return self.path.parent.parent.name

    @property
    def kind(self) -> str:
        return self.path.parent.name

    @property
    def name(self) -> str:
        """The path relative to schemas/examples, with forward slashes (the id of the test)."""
        return self.path.relative_to(EXAMPLES).as_posix()

    @property
    def expected(self) -> bool:
        return self.folder == "valid"

    def load(self) -> Any:
        return json.loads(self.path.read_text("utf-8"), object_pairs_hook=_no_duplicate_keys)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys {duplicates}: JSON parsers disagree on which value wins")
    return dict(pairs)


def _verdict(valid: bool) -> str:
    return "valid" if valid else "invalid"


EXAMPLE_FILES = [Example(path) for path in sorted(EXAMPLES.glob("*/*/*.json"))]


def _params(validator_name: str, examples: list[Example] = EXAMPLE_FILES) -> list[Any]:
    params = []
    for example in examples:
        reason = KNOWN_DISAGREEMENTS.get((example.name, validator_name))
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
        params.append(pytest.param(example, id=example.name, marks=marks))
    return params


# --------------------------------------------------------------------------- the corpus itself


def test_corpus_is_not_empty() -> None:
    assert len(EXAMPLE_FILES) > 2 * len(EXAMPLE_KINDS)


def test_corpus_layout() -> None:
    """Only README.md and ``{valid,invalid}/<kind>/<kebab-case-name>.json`` files, for known kinds."""
    problems = []
    for path in sorted(p for p in EXAMPLES.rglob("*") if p.is_file()):
        relative = path.relative_to(EXAMPLES).as_posix()
        if relative == "README.md":
            continue
        parts = relative.split("/")
        if len(parts) != 3 or parts[0] not in {"valid", "invalid"}:
            problems.append(f"{relative}: not in valid/<kind>/ or invalid/<kind>/")
        elif parts[1] not in EXAMPLE_KINDS:
            problems.append(f"{relative}: unknown kind {parts[1]!r} (known: {', '.join(EXAMPLE_KINDS)})")
        elif not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.json", parts[2]):
            problems.append(f"{relative}: name is not kebab-case .json")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda e: e.name)
def test_example_is_plain_json(example: Example) -> None:
    """UTF-8, parseable, no duplicate keys (parsers disagree on those), ending in a newline."""
    text = example.path.read_text("utf-8")
    assert text.endswith("\n")
    example.load()


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_every_kind_has_valid_and_invalid_examples(kind: str) -> None:
    for folder in ("valid", "invalid"):
        found = [e for e in EXAMPLE_FILES if e.kind == kind and e.folder == folder]
        assert found, f"no example in schemas/examples/{folder}/{kind}/"


# --------------------------------------------------------------------------- verdicts


@pytest.mark.parametrize("example", _params("python-jsonschema"))
def test_python_jsonschema(example: Example) -> None:
    errors = list(validator(example.kind).iter_errors(example.load()))
    assert (not errors) == example.expected, (
        f"python-jsonschema says {example.name} is {_verdict(not errors)}, but it is in {example.folder}/"
        + "".join(f"\n  at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
    )


@pytest.mark.parametrize("example", _params("jsonschema-rs"))
def test_jsonschema_rs(example: Example) -> None:
    """jsonschema-rs gives the folder's verdict, and so (where that passes) python-jsonschema's."""
    data = example.load()
    fast = fast_validator(example.kind).is_valid(data)
    python = validator(example.kind).is_valid(data)
    assert fast == example.expected, (
        f"jsonschema-rs says {example.name} is {_verdict(fast)}, but it is in {example.folder}/ "
        f"(python-jsonschema says {_verdict(python)})"
        + "".join(
            f"\n  {e.instance_path}: {e.message}" for e in fast_validator(example.kind).iter_errors(data)
        )
    )


@pytest.mark.parametrize("example", [e for e in EXAMPLE_FILES if not e.expected], ids=lambda e: e.name)
def test_invalid_example_breaks_one_thing(example: Example) -> None:
    """Each invalid file breaks one rule: every error found is about the same value.

    (A URL such as ``http://exa mple.org`` breaks the ``url`` definition twice, its pattern and its
    ``uri`` format, at one place: that still counts as one rule.)
    """
    data = example.load()
    places = sorted(
        {"/" + "/".join(map(str, e.absolute_path)) for e in validator(example.kind).iter_errors(data)}
    )
    if not places:  # python-jsonschema misses it (a known disagreement): ask jsonschema-rs where it is
        places = sorted(
            {
                "/" + "/".join(map(str, e.instance_path))
                for e in fast_validator(example.kind).iter_errors(data)
            }
        )
    assert len(places) == 1, f"{example.name} has errors at {len(places)} places: {places}"


# --------------------------------------------------------------------------- the schemas themselves


def test_published_and_packaged_schema_files_are_the_same_set() -> None:
    published = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    packaged = sorted(
        entry.name
        for entry in resources.files("ouderbetrokkenheid.schemas").iterdir()
        if entry.name.endswith(".schema.json")
    )
    expected = sorted(schema.schema_filename(kind) for kind in KINDS)
    assert published == expected
    assert packaged == expected


@pytest.mark.parametrize("kind", KINDS)
def test_published_schema_is_byte_identical_to_packaged(kind: str) -> None:
    published = (SCHEMAS / schema.schema_filename(kind)).read_bytes()
    packaged = (
        resources.files("ouderbetrokkenheid.schemas").joinpath(schema.schema_filename(kind)).read_bytes()
    )
    assert published == packaged, f"schemas/{kind}.schema.json differs from the copy in the package"
    assert published.decode("utf-8") == schema_text(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_declares_draft_2020_12_and_its_id(kind: str) -> None:
    loaded = json.loads(schema_text(kind))
    assert loaded["$schema"] == DRAFT_2020_12
    assert loaded["$id"] == schema_id(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_against_the_2020_12_metaschema(kind: str) -> None:
    loaded = json.loads(schema_text(kind))
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert jsonschema_rs.meta.is_valid(loaded)


# --------------------------------------------------------------------------- offline


def _clear_caches() -> None:
    for cached in (schema.schema_text, schema.registry, schema.validator, schema.fast_validator):
        cached.cache_clear()


def test_building_and_using_validators_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every Python way out blocked, all validators build fresh and validate the whole corpus.

    This blocks Python-level networking only; jsonschema-rs would connect from Rust, which
    :func:`test_validators_work_in_a_process_without_network` covers where namespaces are available.
    """
    before = {
        e.name: (validator(e.kind).is_valid(e.load()), fast_validator(e.kind).is_valid(e.load()))
        for e in EXAMPLE_FILES
    }
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args)[:200])
        raise OSError("network access attempted during schema validation")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    _clear_caches()
    try:
        after = {}
        for kind in KINDS:
            validator(kind)
            fast_validator(kind)
        for example in EXAMPLE_FILES:
            data = example.load()
            list(validator(example.kind).iter_errors(data))
            after[example.name] = (
                validator(example.kind).is_valid(data),
                fast_validator(example.kind).is_valid(data),
            )
    finally:
        _clear_caches()  # never keep validators built under the patches
    assert not attempts
    assert after == before


_OFFLINE_SCRIPT = """
import json, sys
from pathlib import Path
from ouderbetrokkenheid.schema import KINDS, fast_validator, validator
examples = Path(sys.argv[1])
for kind in KINDS:
    validator(kind), fast_validator(kind)
verdicts = {}
for path in sorted(examples.glob("*/*/*.json")):
    data = json.loads(path.read_text("utf-8"))
    kind = path.parent.name
    verdicts[path.relative_to(examples).as_posix()] = [validator(kind).is_valid(data), fast_validator(kind).is_valid(data)]
print(json.dumps(verdicts))
"""


def test_validators_work_in_a_process_without_network() -> None:
    """Build and use every validator in a fresh process in an empty network namespace (``unshare -rn``).

    Catches network use from native code (jsonschema-rs) that monkeypatching cannot see.
    """
    unshare = shutil.which("unshare")
    if (
        unshare is None
        or subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False).returncode
    ):
        pytest.skip("needs `unshare -rn` (util-linux, unprivileged user namespaces) to run without network")
    run = subprocess.run(
        [unshare, "-rn", sys.executable, "-W", "error", "-c", _OFFLINE_SCRIPT, str(EXAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    offline = json.loads(run.stdout)
    online = {
        e.name: [validator(e.kind).is_valid(e.load()), fast_validator(e.kind).is_valid(e.load())]
        for e in EXAMPLE_FILES
    }
    assert offline == online
