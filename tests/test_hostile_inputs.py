"""Hostile corpus, responses and results: odd file types, huge and malformed files, hostile values,
and results that contradict their assessment. Every case ends in a located ``ResponseError`` or
``ProblemError`` with a stable code (or is accepted as data, where that is safe); nothing blocks,
nothing reads without bounds."""

import copy
import json
import signal
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli.report import read_result
from ouderbetrokkenheid.responses.table import MAX_FILE_BYTES

from .conftest import EXAMPLE_PACK
from .hostile_support import make_fifo, run, unix_socket

ID = "voorbeeld/mini-scan"
HEADER = "respondent,group,welkom,drempel\n"


@pytest.fixture(autouse=True)
def _never_hang():
    def stop(*_):
        raise TimeoutError("the reader blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def library():
    return ob.Library.discover([EXAMPLE_PACK], plugins=False)


@pytest.fixture(scope="module")
def mini(library):
    return library.get(ID)


# -- responses: what the file is --------------------------------------------------------------------
def _path_of(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / "answers.csv"
    if kind == "fifo":
        return make_fifo(target)
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind == "dev-null":
        return Path("/dev/null")
    if kind == "link-to-dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "folder":
        target.mkdir()
    elif kind == "dangling-link":
        target.symlink_to(tmp_path / "gone.csv")
    elif kind == "loop-link":
        target.symlink_to(target)
    elif kind == "missing":
        pass
    elif kind == "huge-sparse":
        with target.open("wb") as handle:
            handle.truncate(MAX_FILE_BYTES + 1)
    return target


FILE_KINDS = {
    "fifo": "not-a-file",
    "dev-zero": "not-a-file",
    "dev-null": "not-a-file",
    "link-to-dev-zero": "not-a-file",
    "folder": "path-not-found",
    "dangling-link": "not-a-file",
    "loop-link": "not-a-file",
    "missing": "path-not-found",
    "huge-sparse": "file-too-large",
}


@pytest.mark.parametrize("fmt", [None, "json", "kobo"])
@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
def test_response_files_that_are_not_regular_files(tmp_path, mini, kind, fmt):
    path = _path_of(tmp_path, kind)
    with pytest.raises(ob.ResponseError) as info:
        ob.read_responses(path, mini, format=fmt)
    (problem,) = info.value.problems
    assert problem.code == FILE_KINDS[kind]
    assert problem.file == str(path)


def test_a_socket_as_responses_file(tmp_path, mini):
    with unix_socket(tmp_path / "s.csv") as path, pytest.raises(ob.ResponseError) as info:
        ob.read_responses(path, mini)
    assert info.value.problems[0].code == "not-a-file"


# -- responses: what the file holds ---------------------------------------------------------------
CONTENT: dict[str, tuple[str, bytes, str | None]] = {
    "windows-1252": ("a.csv", HEADER.encode() + "José,parents,3,2\n".encode("cp1252"), None),  # Excel's CSV
    "neither-utf8-nor-1252": ("a.csv", HEADER.encode() + b"p\x81,parents,3,2\n", "response-syntax"),
    "binary": ("a.csv", bytes(range(256)) * 4, "response-syntax"),
    "empty": ("a.csv", b"", "response-syntax"),
    "header-only": ("a.csv", HEADER.encode(), None),
    "nul-bytes": ("a.csv", HEADER.encode() + b"p1,parents,3\x00,2\n", "response-off-scale"),
    "unclosed-quote": ("a.csv", HEADER.encode() + b'"p1,parents,3,2\n', "response-syntax"),
    "formula-respondent": ("a.csv", HEADER.encode() + b"=HYPERLINK(1),parents,3,2\n", None),
    "escape-in-respondent": ("a.csv", HEADER.encode() + b"p\x1b[2J,parents,3,2\n", None),
    "huge-cell": (
        "a.csv",
        HEADER.encode() + b"p1,parents,3," + b"9" * 1_000_000 + b"\n",
        "response-syntax",
    ),
    "many-columns": (
        "a.csv",
        (HEADER.strip() + "," + ",".join(f"c{i}" for i in range(5000)) + "\n").encode(),
        "response-unknown-item",
    ),
    "unknown-group": ("a.csv", HEADER.encode() + b"p1,martians,3,2\n", "response-unknown-group"),
    "json-nan": ("a.json", b'[{"respondent": "p", "answers": NaN}]', "response-syntax"),
    "json-huge-number": ("a.json", b'[{"respondent": 1e400}]', "response-syntax"),
    "json-deep": ("a.json", b"[" * 50_000 + b"]" * 50_000, "response-syntax"),
    "json-scalar": ("a.json", b'"hello"', "response-syntax"),
    "json-number-answer": (
        "a.json",
        json.dumps(
            [
                {
                    "assessment": ID,
                    "version": "1.0",
                    "group": "parents",
                    "respondent": "p",
                    "answers": {"welkom": 3},
                }
            ]
        ).encode(),
        "response-syntax",
    ),
    "json-in-csv-name": ("a.csv", b'{"responses": 5}', "response-syntax"),
    "jsonl-garbage": ("a.jsonl", b"{}\n{}\n", "response-syntax"),
}


@pytest.mark.parametrize("case", sorted(CONTENT))
def test_hostile_response_contents(tmp_path, mini, case):
    name, content, expected = CONTENT[case]
    path = tmp_path / name
    path.write_bytes(content)
    if expected is None:  # accepted as data: kept as given, escaped wherever it is shown
        responses = ob.read_responses(path, mini, group="parents")
        assert isinstance(responses, ob.ResponseSet)
        return
    with pytest.raises(ob.ResponseError) as info:
        ob.read_responses(path, mini)
    assert expected in {p.code for p in info.value.problems}, [p.to_dict() for p in info.value.problems]
    assert all(p.file == str(path) for p in info.value.problems)


def test_score_command_on_a_fifo_exits_1(capsys, tmp_path):
    pipe = make_fifo(tmp_path / "answers.csv")
    code, _, err = run(capsys, "score", ID, str(pipe), "--path", str(EXAMPLE_PACK))
    assert code == 1 and "not-a-file" in err and "Traceback" not in err


# -- results ----------------------------------------------------------------------------------
BASE = {
    "assessment": ID,
    "version": "1.0",
    "min_group_size": 5,
    "groups": [
        {
            "group": "team",
            "respondents": 8,
            "suppressed": False,
            "dimensions": [
                {"dimension": "ontmoeten", "answers": 16, "mean": 3.5, "score": 83.3, "band": "sterk"}
            ],
        },
        {
            "group": "parents",
            "respondents": 12,
            "suppressed": False,
            "dimensions": [
                {"dimension": "ontmoeten", "answers": 23, "mean": 2.2, "score": 40.0, "band": "werkpunt"}
            ],
        },
    ],
    "gaps": [
        {
            "dimension": "ontmoeten",
            "first": "team",
            "second": "parents",
            "difference": 43.3,
            "items": [{"link_id": "welkom", "difference": 50.0}],
        }
    ],
    "recommendations": {"ontmoeten": ["voorbeeld/oudercafe"]},
}


def _band_contradicts(data):
    data["groups"][1]["dimensions"][0]["band"] = "sterk"


def _band_without_score(data):
    del data["groups"][1]["dimensions"][0]["score"]


def _unknown_recommendation(data):
    data["recommendations"]["ontmoeten"] = ["voorbeeld/bestaat-niet"]


def _foreign_recommendation(data):
    data["recommendations"]["ontmoeten"] = ["elders/iets"]


def _small_group_shown(data):
    data["groups"][1]["respondents"] = 2


def _suppressed_with_scores(data):
    data["groups"][1]["suppressed"] = True


def _gap_with_suppressed(data):
    data["groups"][1] = {"group": "parents", "respondents": 2, "suppressed": True}


def _unknown_band(data):
    data["groups"][0]["dimensions"][0]["band"] = "super"


def _unknown_group(data):
    data["groups"][0]["group"] = "martians"


def _other_assessment(data):
    data["assessment"] = "voorbeeld/andere-scan"


def _other_version(data):
    data["version"] = "9.9"


def _group_twice(data):
    data["groups"].append(copy.deepcopy(data["groups"][0]))


def _dimension_twice(data):
    data["groups"][0]["dimensions"].append(copy.deepcopy(data["groups"][0]["dimensions"][0]))


RESULT_CASES = {
    "group-twice": (_group_twice, "result-mismatch"),
    "dimension-twice": (_dimension_twice, "result-mismatch"),
    "band-contradicts-score": (_band_contradicts, "result-mismatch"),
    "band-without-score": (_band_without_score, "result-mismatch"),
    "unknown-recommendation": (_unknown_recommendation, "result-mismatch"),
    "foreign-recommendation": (_foreign_recommendation, "result-mismatch"),
    "small-group-shown": (_small_group_shown, "result-mismatch"),
    "suppressed-with-scores": (_suppressed_with_scores, "result-mismatch"),
    "gap-with-suppressed-group": (_gap_with_suppressed, "result-mismatch"),
    "unknown-band": (_unknown_band, "unknown-reference"),
    "unknown-group": (_unknown_group, "unknown-reference"),
    "other-assessment": (_other_assessment, "unknown-reference"),
    "other-version": (_other_version, "unknown-reference"),
}


def test_the_base_result_is_accepted(tmp_path, mini, library):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(BASE), "utf-8")
    assert read_result(path, mini, library=library).assessment == ID


@pytest.mark.parametrize("case", sorted(RESULT_CASES))
def test_results_that_contradict_their_assessment_are_refused(tmp_path, mini, library, case):
    change, expected = RESULT_CASES[case]
    data = copy.deepcopy(BASE)
    change(data)
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ob.ProblemError) as info:
        read_result(path, mini, library=library)
    problem = next(p for p in info.value.problems if p.code == expected)
    assert problem.line is not None and problem.file == str(path)


@pytest.mark.parametrize("case", ["band-contradicts-score", "unknown-recommendation", "small-group-shown"])
def test_report_command_refuses_and_writes_nothing(capsys, tmp_path, case):
    change, _ = RESULT_CASES[case]
    data = copy.deepcopy(BASE)
    change(data)
    result = tmp_path / "result.json"
    result.write_text(json.dumps(data), "utf-8")
    out = tmp_path / "report.md"
    code, _, err = run(capsys, "report", ID, str(result), "--out", str(out), "--path", str(EXAMPLE_PACK))
    assert code == 1 and "result-mismatch" in err
    assert not out.exists()


RESULT_TEXTS = {
    "yaml-nan-mean": (
        "r.yaml",
        "assessment: x\nversion: '1'\nmin_group_size: 5\ngroups:\n  - {group: a, respondents: 5, suppressed: false, dimensions: [{dimension: d, answers: 1, mean: .nan}]}\n",
        "not-finite",
    ),
    "yaml-inf-score": (
        "r.yaml",
        "assessment: x\nversion: '1'\nmin_group_size: 5\ngroups:\n  - {group: a, respondents: 5, suppressed: false, dimensions: [{dimension: d, answers: 1, score: .inf}]}\n",
        "not-finite",
    ),
    "yaml-complex-key": ("r.yaml", "? [a, b]\n: 1\n", "key-not-string"),
    "json-list": ("r.json", "[]", "schema-type"),
    "not-utf8": ("r.json", b'{"assessment": "\xff"}', "not-utf8"),
}


@pytest.mark.parametrize("case", sorted(RESULT_TEXTS))
def test_hostile_result_files(tmp_path, mini, case):
    name, content, expected = RESULT_TEXTS[case]
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(ob.ProblemError) as info:
        read_result(path, mini)
    assert expected in {p.code for p in info.value.problems}, [p.to_dict() for p in info.value.problems]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "dangling-link", "loop-link", "huge-sparse"])
def test_result_files_that_are_not_regular_files(tmp_path, mini, kind):
    path = _path_of(tmp_path, kind)
    with pytest.raises(ob.ProblemError) as info:
        read_result(path, mini)
    assert info.value.problems[0].code in {"not-a-file", "path-not-found", "file-too-large"}
