"""Every mistake answered: an unknown id, concept, filter value, group, exporter, pack or language is an
error naming what exists ("did you mean"), in the user's language, exit 2; with ``--format json`` every
outcome is one JSON document on standard output, of the shape docs/cli.md describes."""

import json
import re

import pytest

from ouderbetrokkenheid.cli import build_parser, main

from .conftest import EXAMPLE_PACK

EXAMPLE = str(EXAMPLE_PACK)


@pytest.fixture(autouse=True)
def _bundled_packs(monkeypatch):
    """The mistakes are made on the bundled packs (installed with the library in the test environment)."""
    monkeypatch.delenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", raising=False)


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def answers(tmp_path):
    rows = [f"p{i},parents,{1 + i % 4},{1 + (i + 1) % 4}\n" for i in range(6)]
    path = tmp_path / "answers.csv"
    path.write_text("respondent,group,welkom,drempel\n" + "".join(rows), "utf-8")
    return str(path)


#: (argv, error code, a suggestion that must be among the suggestions or None, a value that must be a choice)
MISTAKES = [
    (["show", "ocb/boekje-bij-de-the"], "unknown-id", "ocb/boekje-bij-de-thee", None),
    (["show", "Boekje bij de te"], "unknown-id", "ocb/boekje-bij-de-thee", None),  # by its title
    (["show", "ref/epstein#parentin"], "unknown-concept", "ref/epstein#parenting", None),
    (["frameworks", "ocb/boekje-bij-de-thee"], "not-a-framework", None, "ref/epstein"),
    (["crosswalk", "ref/epstein", "ocb/themaz"], "unknown-id", "ocb/themas", "ocb/themas"),
    (["search", "--kind", "boke"], "unknown-value", "book", "book"),
    (["search", "--kind", "brochur"], "unknown-value", "brochure", None),
    (["search", "--theme", "comunication"], "unknown-value", "communication", None),
    (["search", "--audience", "parnet"], "unknown-value", "parent", None),
    (["search", "--level", "vl-lagr"], "unknown-value", "vl-lager", None),
    (["search", "--language", "xx"], "unknown-value", None, "nl"),
    (["search", "--access", "onlin"], "unknown-value", "online", None),
    (["search", "--publisher", "Kllasse"], "unknown-value", "Klasse", None),
    (["search", "--concept", "Learning at hom"], "unknown-value", "ref/epstein#learning-at-home", None),
    (["search", "--pack", "ocbb"], "unknown-pack", "ocb", "ocb"),
    (["catalog", "--pack", "vcv"], "unknown-pack", "vcov", "vcov"),
    (["export", "--to", "jsn", "--out", "x.json"], "unknown-exporter", "json", "json"),
    (
        ["score", "voorbeeld/mini-sca", "{answers}", "--path", EXAMPLE],
        "unknown-id",
        "voorbeeld/mini-scan",
        None,
    ),
    (
        ["score", "voorbeeld/oudercafe", "{answers}", "--path", EXAMPLE],
        "not-an-assessment",
        "voorbeeld/mini-scan",
        None,
    ),
    (
        ["score", "voorbeeld/mini-scan", "{answers}", "--group", "parent", "--path", EXAMPLE],
        "unknown-group",
        "parents",
        "team",
    ),
    (
        ["assess", "voorbeeld/mini-scan", "--group", "ouders", "--path", EXAMPLE],
        "unknown-group",
        "parents",
        "parents",
    ),
    (
        ["paper-form", "voorbeeld/mini-scan", "--group", "tem", "--out", "f.html", "--path", EXAMPLE],
        "unknown-group",
        "team",
        "team",
    ),
    (
        ["report", "voorbeeld/mini-scn", "r.json", "--out", "r.md", "--path", EXAMPLE],
        "unknown-id",
        "voorbeeld/mini-scan",
        None,
    ),
]


def _argv(argv, answers):
    return [answers if part == "{answers}" else part for part in argv]


@pytest.mark.parametrize(
    ("argv", "code", "suggestion", "choice"),
    MISTAKES,
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_mistake_is_json_with_suggestions_and_choices(
    capsys, tmp_path, monkeypatch, answers, argv, code, suggestion, choice, where
):
    monkeypatch.chdir(tmp_path)
    argv = _argv(argv, answers)
    full = ["--format", "json", *argv] if where == "before" else [*argv, "--format", "json"]
    exit_code, out, err = run(capsys, *full)
    assert exit_code == 2, err
    data = json.loads(out)
    assert data["ok"] is False
    error = data["error"]
    assert set(error) == {"code", "message", "option", "value", "suggestions", "choices"}
    assert error["code"] == code
    if suggestion is not None:
        assert suggestion in error["suggestions"]
    if choice is not None:
        assert choice in error["choices"]
    assert error["choices"]  # what exists is always named
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob("*.md"))  # nothing written


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["fout", "bedoelde u", "--kind"]),
        ("fr", ["erreur", "vouliez-vous dire", "« book »"]),
        ("en", ["error", "did you mean", "'book'"]),
    ],
)
def test_a_mistake_is_told_in_the_users_language(capsys, lang, words):
    code, out, err = run(capsys, "--lang", lang, "search", "--kind", "boke")
    assert code == 2 and out == ""
    for word in words:
        assert word in err


def test_many_choices_are_counted_with_where_to_see_them(capsys):
    code, _, err = run(capsys, "--lang", "en", "show", "zzzzzz")
    assert code == 2
    assert re.search(r"\d+ values exist; see them with `ouderbetrokkenheid catalog`", err)


def test_labels_in_any_language_work_as_filter_values(capsys):
    for option, values in {
        "--kind": ["book", "boek", "livre"],
        "--theme": ["reading", "lezen"],
        "--audience": ["parent", "ouder"],
    }.items():
        found = []
        for value in values:
            code, out, err = run(capsys, "--format", "json", "search", option, value, "--limit", "500")
            assert code == 0, err
            found.append(sorted(hit["id"] for hit in json.loads(out)["results"]))
        assert found[0] and all(f == found[0] for f in found), option


@pytest.mark.parametrize(
    "argv",
    [
        ["nocommand"],
        ["show"],
        ["search", "--limit"],
        ["search", "--limit", "x"],
        ["validate", "--bogus"],
        ["catalog", "--kind", "boeken"],
    ],
)
@pytest.mark.parametrize("where", ["before", "after"])
def test_usage_errors_are_json_too(capsys, argv, where):
    full = ["--format", "json", *argv] if where == "before" else [*argv, "--format", "json"]
    code, out, err = run(capsys, *full)
    assert code == 2
    data = json.loads(out)
    assert data["ok"] is False and data["error"]["code"] == "usage"
    assert data["error"]["message"] and "ouderbetrokkenheid" in data["error"]["usage"]
    assert err == ""


def test_usage_errors_are_in_the_users_language(capsys):
    code, _, err = run(capsys, "--lang", "fr", "show")
    assert code == 2
    assert "utilisation :" in err and "erreur" in err and "obligatoires" in err


def test_a_malformed_language_is_json_too(capsys):
    code, out, _ = run(capsys, "--format", "json", "--lang", "nl_", "catalog")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "language-tag"


def test_problems_are_json_with_ok_false(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent,group,welkom,drempel\np1,parents,7,\n", "utf-8")
    code, out, _ = run(
        capsys, "--format", "json", "score", "voorbeeld/mini-scan", str(bad), "--path", EXAMPLE
    )
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    assert [p["code"] for p in data["problems"]] == ["response-off-scale", "response-missing-answer"]


def test_nothing_is_cut_short_in_json(capsys):
    code, out, _ = run(capsys, "--format", "json", "search", "", "--limit", "500")
    assert code == 0
    titles = [hit["title"] for hit in json.loads(out)["results"]]
    assert any(len(title) > 90 for title in titles)
    assert not any(title.endswith(("...", "…")) for title in titles)


def _help_examples():
    """(option, value) for every example value a filter's help names in parentheses."""
    parser = build_parser()
    search = parser._subparsers._group_actions[0].choices["search"]
    for action in search._actions:
        if not action.help or not action.option_strings or action.option_strings[0] in ("--lang", "--format"):
            continue
        match = re.search(r"\(([^)]*)\)", action.help)
        if not match:
            continue
        for part in re.split(r"[;,]", match.group(1)):
            value = part.replace("...", "").strip()
            if value and " " not in value and not value.startswith(("default", "--")):
                yield action.option_strings[0], value


@pytest.mark.parametrize(("option", "value"), list(_help_examples()))
def test_every_example_in_the_help_runs_and_finds_something(capsys, option, value):
    code, out, err = run(capsys, "--format", "json", "search", option, value)
    assert code == 0, err
    assert json.loads(out)["total"] > 0
