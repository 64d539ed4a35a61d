"""A second, independent implementation: ajv (Node.js) on the schema example corpus.

``tools/ajv/validate-corpus.mjs`` validates every file of ``schemas/examples`` with ajv (Draft 2020-12,
ajv-formats) and prints one JSON line per file. Here its verdicts are compared with the folder each
file is in and with python-jsonschema's. Format checks are where implementations differ most; a
difference found here is reported, never hidden: a known one is a strict xfail with its reason in
:data:`KNOWN_DISAGREEMENTS`, so it shows in the summary and fails as soon as it is gone.

Needs ``node`` on PATH and the locked packages: ``npm ci --prefix tools/ajv``.
"""

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ouderbetrokkenheid.schema import validator

pytestmark = pytest.mark.node

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "schemas" / "examples"
AJV_DIR = ROOT / "tools" / "ajv"
SCRIPT = AJV_DIR / "validate-corpus.mjs"

_AJV_DATE_TIME = (
    "ajv-formats' date-time accepts what RFC 3339's grammar (and python-jsonschema and jsonschema-rs) reject"
)
_PY_TRAILING_NEWLINE = (
    "python-jsonschema accepts a trailing newline ('$' in re.search, and its uri / date-time checkers); "
    "ajv and jsonschema-rs reject it (see tests/test_schema_corpus.py)"
)

#: ``file -> reason`` for files where ajv, python-jsonschema and the folder do not all agree.
KNOWN_DISAGREEMENTS: dict[str, str] = {}

#: Warnings ajv's strict mode logs for our schemas (strictTypes is "log" in validate-corpus.mjs for them).
KNOWN_STRICT_WARNINGS: dict[str, str] = {}

EXAMPLE_NAMES = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("*/*/*.json"))


def _missing_tooling() -> str | None:
    install = "install the locked packages with `npm ci --prefix tools/ajv`"
    if shutil.which("node") is None:
        return f"ajv check needs Node.js: `node` is not on PATH (install Node.js >= 18, then {install})"
    for package in ("ajv", "ajv-formats"):
        if not (AJV_DIR / "node_modules" / package / "package.json").is_file():
            return f"ajv check needs tools/ajv/node_modules/{package}: {install}"
    return None


@pytest.fixture(scope="module")
def ajv_output() -> dict[str, Any]:
    """Run validate-corpus.mjs once: ``{"verdicts": {file: line}, "warnings": [...]}``."""
    reason = _missing_tooling()
    if reason:
        pytest.skip(reason)
    node = shutil.which("node")
    assert node is not None
    run = subprocess.run(
        [node, str(SCRIPT), str(EXAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=AJV_DIR,
    )
    assert run.returncode == 0, f"validate-corpus.mjs failed ({run.returncode}):\n{run.stderr}"
    verdicts: dict[str, Any] = {}
    warnings: list[str] = []
    for line in run.stdout.splitlines():
        entry = json.loads(line)
        if "strict_warning" in entry:
            warnings.append(entry["strict_warning"])
        else:
            assert entry["file"] not in verdicts, f"{entry['file']} reported twice"
            verdicts[entry["file"]] = entry
    return {"verdicts": verdicts, "warnings": warnings}


def _verdict(valid: bool) -> str:
    return "valid" if valid else "invalid"


def _params() -> list[Any]:
    params = []
    for name in EXAMPLE_NAMES:
        reason = KNOWN_DISAGREEMENTS.get(name)
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def test_ajv_saw_every_example(ajv_output: dict[str, Any]) -> None:
    assert sorted(ajv_output["verdicts"]) == EXAMPLE_NAMES
    for name, entry in ajv_output["verdicts"].items():
        assert entry["kind"] == name.split("/")[1]
        assert isinstance(entry["valid"], bool)


@pytest.mark.parametrize("name", _params())
def test_ajv_agrees_with_python_jsonschema_and_folder(ajv_output: dict[str, Any], name: str) -> None:
    folder, kind, _ = name.split("/")
    entry = ajv_output["verdicts"][name]
    ajv = entry["valid"]
    python = validator(kind).is_valid(json.loads((EXAMPLES / name).read_text("utf-8")))
    expected = folder == "valid"
    detail = "".join(f"\n  ajv: {error}" for error in entry.get("errors", []))
    assert ajv == python == expected, (
        f"{name} (in {folder}/): ajv says {_verdict(ajv)}, python-jsonschema says {_verdict(python)}{detail}"
    )


def test_ajv_strict_mode_is_clean(ajv_output: dict[str, Any]) -> None:
    """ajv's strict mode finds nothing in our schemas but the known, reported warnings."""
    warnings = set(ajv_output["warnings"])
    new = sorted(warnings - set(KNOWN_STRICT_WARNINGS))
    assert not new, "ajv strict mode warns about the schemas:\n" + "\n".join(new)
    gone = sorted(set(KNOWN_STRICT_WARNINGS) - warnings)
    assert not gone, (
        "fixed, so remove from KNOWN_STRICT_WARNINGS (and make strictTypes true in validate-corpus.mjs):\n"
        + "\n".join(gone)
    )
    if warnings:
        pytest.xfail(
            "known ajv strict-mode warnings: " + "; ".join(KNOWN_STRICT_WARNINGS[w] for w in sorted(warnings))
        )
