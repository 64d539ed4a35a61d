"""Fuzzing the readers with hypothesis: whatever bytes or data a file holds, only the documented
errors come out.

* the pack loader (:func:`ouderbetrokkenheid.validate_pack`) never raises: every problem is in the
  report;
* the response readers (:func:`ouderbetrokkenheid.read_responses`, CSV, JSON and Kobo) raise only
  :class:`~ouderbetrokkenheid.ResponseError`;
* the result reader of ``report`` raises only :class:`~ouderbetrokkenheid.ProblemError`.

The example counts are set here on purpose (they do not follow the profile), to keep the suite fast
on two cores: ``EXAMPLES`` per reader.
"""

import copy
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli.report import read_result

from .conftest import EXAMPLE_PACK
from .hostile_support import MANIFEST
from .test_hostile_inputs import BASE

#: Examples per fuzzed reader.
EXAMPLES = {
    "pack-records": 150,
    "pack-manifest": 60,
    "responses-csv": 150,
    "responses-json": 150,
    "result": 150,
}

FIELDS = [
    "id", "kind", "title", "nl", "fr", "provenance", "source", "status", "resources", "frameworks", "findings",
    "mappings", "assessments", "concepts", "broader", "label", "scales", "options", "code", "score", "weight",
    "bands", "min", "max", "confidence", "subject", "object", "predicate", "groups", "sections", "items",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["t/a", "book", "unverified", "s", "t/f#c", "1", "parents", "voorbeeld/mini-scan"])
)
KEYS = st.sampled_from(FIELDS) | st.text(max_size=8) | st.integers(-3, 3) | st.none() | st.booleans()
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


def yaml_flow(value: Any) -> str:
    """*value* as YAML flow text (YAML's .nan and .inf included; keys of any type)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    return "{" + ", ".join(f"{yaml_flow(k)}: {yaml_flow(v)}" for k, v in value.items()) + "}"


def damaged(text: str) -> st.SearchStrategy[bytes]:
    """*text* as UTF-8, or cut short, or with a few random bytes put in."""
    raw = text.encode("utf-8")
    return st.one_of(
        st.just(raw),
        st.integers(0, len(raw)).map(lambda n: raw[:n]),
        st.tuples(st.integers(0, len(raw)), st.binary(min_size=1, max_size=4)).map(
            lambda t: raw[: t[0]] + t[1] + raw[t[0] :]
        ),
    )


@st.composite
def record_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A records file: YAML or JSON text of random data, often shaped like records, maybe damaged."""
    data = draw(
        DATA | st.dictionaries(st.sampled_from(["resources", "frameworks", "assessments"]), DATA, max_size=2)
    )
    if draw(st.booleans()):
        return "x.yaml", draw(damaged(yaml_flow(data)))
    return "x.json", draw(damaged(json.dumps(data, default=str)) | st.binary(max_size=200))


def fuzz(reader: str) -> settings:
    """The settings of one fuzzed reader: its example count, no deadline (a shared 2-core machine)."""
    return settings(
        max_examples=EXAMPLES[reader], deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


@fuzz("pack-records")
@given(record_files())
def test_fuzz_pack_loader_records(file):
    name, content = file
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pack.yaml").write_text(MANIFEST, "utf-8")
        (root / name).write_bytes(content)
        report = ob.validate_pack(root)  # never raises
        event("valid" if report.ok else f"invalid: {report.errors[0].code}")
        assert all(problem.code in ob.CODES for problem in report.problems)
        with pytest.raises(ob.PackError) if not report.ok else _Nothing():
            ob.load_pack(root)


@fuzz("pack-manifest")
@given(DATA.map(yaml_flow).flatmap(damaged))
def test_fuzz_pack_loader_manifest(content):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pack.yaml").write_bytes(content)
        report = ob.validate_pack(root)
        assert not report.ok
        assert all(problem.code in ob.CODES for problem in report.problems)


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture(scope="module")
def mini():
    return ob.Library.discover([EXAMPLE_PACK], plugins=False).get("voorbeeld/mini-scan")


CELLS = st.sampled_from(["1", "2", "3", "4", "na", "", "5", "parents", "team", "p1", "1.0"]) | st.text(
    max_size=6
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(
        st.sampled_from(
            [
                ["respondent", "group", "welkom", "drempel"],
                ["respondent", "group", "version", "assessment", "welkom"],
                ["_uuid", "_submission_time", "ob_group", "ob_version", "ob_instrument", "welkom", "drempel"],
            ]
        )
        | st.lists(st.text(max_size=8), max_size=5)
    )
    rows = draw(st.lists(st.lists(CELLS, min_size=len(header), max_size=len(header)), max_size=5))
    text = "\n".join(
        ",".join(json.dumps(cell) if "," in cell or '"' in cell else cell for cell in row)
        for row in [header, *rows]
    )
    return draw(damaged(text))


@fuzz("responses-csv")
@given(csv_files(), st.sampled_from([None, "csv", "kobo"]), st.sampled_from([None, "parents"]))
def test_fuzz_response_reader_csv(mini, content, fmt, group):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.csv"
        path.write_bytes(content)
        try:
            ob.read_responses(path, mini, format=fmt, group=group)
            event("read")
        except ob.ResponseError as exc:
            event(f"refused: {exc.problems[0].code}")
            assert exc.problems and all(p.code in ob.CODES for p in exc.problems)


RESPONSE = {"assessment": "voorbeeld/mini-scan", "version": "1.0", "group": "parents", "respondent": "p1",
            "answers": {"welkom": "3", "drempel": "2"}}  # fmt: skip


@st.composite
def json_response_files(draw: st.DrawFn) -> bytes:
    entry = copy.deepcopy(RESPONSE)
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from([*entry, "answers", "extra"]))
        entry[key] = draw(DATA)
    data = draw(st.sampled_from(["list", "wrapped", "raw"]))
    value: Any = [entry] if data == "list" else {"responses": [entry]} if data == "wrapped" else draw(DATA)
    return draw(damaged(json.dumps(value, default=str)))  # NaN and Infinity as JSON's non-standard tokens


@fuzz("responses-json")
@given(json_response_files(), st.sampled_from(["answers.json", "answers.txt"]))
def test_fuzz_response_reader_json(mini, content, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            ob.read_responses(path, mini, format=None if name.endswith(".json") else "json")
            event("read")
        except ob.ResponseError as exc:
            event(f"refused: {exc.problems[0].code}")
            assert exc.problems and all(p.code in ob.CODES for p in exc.problems)


@st.composite
def result_files(draw: st.DrawFn) -> tuple[str, bytes]:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(0, 3))):
        node: Any = data
        path = draw(st.lists(st.integers(0, 5), min_size=1, max_size=5))
        for step in path[:-1]:
            keys = (
                list(node)
                if isinstance(node, dict)
                else list(range(len(node)))
                if isinstance(node, list)
                else []
            )
            if not keys or not isinstance(node[keys[step % len(keys)]], dict | list):
                break
            node = node[keys[step % len(keys)]]
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if keys:
            node[keys[path[-1] % len(keys)]] = draw(DATA)
    if draw(st.booleans()):
        return "result.yaml", draw(damaged(yaml_flow(data)))
    return "result.json", draw(damaged(json.dumps(data, default=str)))


@fuzz("result")
@given(result_files())
def test_fuzz_result_reader(mini, file):
    name, content = file
    library = ob.Library.discover([EXAMPLE_PACK], plugins=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            read_result(path, mini, library=library)
            event("read")
        except ob.ProblemError as exc:
            event(f"refused: {exc.problems[0].code}")
            assert exc.problems and all(p.code in ob.CODES for p in exc.problems)
