"""Reading responses (CSV, JSON, KoboToolbox/ODK), every error code with its location, the interactive
run and its resumption, and the ``score`` and ``assess`` commands."""

import argparse
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import assess as assess_cli
from ouderbetrokkenheid.cli import score as score_cli
from ouderbetrokkenheid.cli.commands import Output
from ouderbetrokkenheid.responses import ResponseError, detect_format, read_many, read_responses
from ouderbetrokkenheid.responses.interactive import AssessError, journal_path, run_assessment
from ouderbetrokkenheid.scoring import RESPONSE_CODES, score

from .conftest import EXAMPLE_PACK, ROOT

ID = "voorbeeld/mini-scan"


@pytest.fixture(scope="module")
def mini():
    pack = ob.load_pack(EXAMPLE_PACK)
    return next(a for a in pack.assessments if a.id == ID)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def problems_of(call):
    with pytest.raises(ResponseError) as info:
        call()
    return info.value.problems


def located(problems):
    return [(p.code, Path(p.file).name if p.file else None, p.line, p.column) for p in problems]


def evolve_items(assessment, **changes):
    return attrs.evolve(
        assessment,
        sections=tuple(
            attrs.evolve(s, items=tuple(attrs.evolve(i, **changes) for i in s.items))
            for s in assessment.sections
        ),
    )


# -- CSV -----------------------------------------------------------------------------------------
def test_csv_with_bom_semicolons_spaces_and_case(tmp_path, mini):
    path = write(
        tmp_path,
        "a.csv",
        "\ufeffrespondent;group;version;submitted;language;welkom;drempel\r\n"
        "p1;parents;1.0;2026-03-01T10:15:00+01:00;fr; 4 ;1\r\n"
        "\r\n"
        "p2;parents;1.0;;;3;NA\r\n",
    )
    responses = read_responses(path, mini)
    assert responses.respondents == ("p1", "p2")
    assert responses.groups == ("parents", "parents")
    assert responses.answers == {"welkom": ("4", "3"), "drempel": ("1", "na")}
    assert responses.languages == ("fr", None)
    assert responses.submitted[0].isoformat() == "2026-03-01T10:15:00+01:00"
    assert responses.submitted[1] is None
    first = next(responses.responses())
    assert ob.schema.fast_validator("response").is_valid(ob.unstructure(first))


def test_csv_comma_delimiter_quotes_and_group_argument(tmp_path, mini):
    path = write(tmp_path, "b.csv", 'respondent,welkom,drempel\n"r,1",2,3\nr2,1,na\n')
    responses = read_responses(path, mini, group="team")
    assert responses.respondents == ("r,1", "r2")
    assert responses.groups == ("team", "team")


def test_empty_cells_are_no_answers(tmp_path, mini):
    path = write(tmp_path, "c.csv", "respondent,group,welkom,drempel\np1,parents,4,\n")
    optional = evolve_items(mini, required=False)
    assert read_responses(path, optional).answers["drempel"] == ("",)
    assert located(problems_of(lambda: read_responses(path, mini))) == [
        ("response-missing-answer", "c.csv", 2, 4)
    ]


def test_every_csv_problem_with_its_row_and_column(tmp_path, mini):
    path = write(
        tmp_path,
        "bad.csv",
        "respondent,group,version,assessment,welkom,drempel,vraag9\n"  # row 1: vraag9 is no item
        "p1,parents,1.0,voorbeeld/mini-scan,5,1,\n"  # row 2: 5 is off the scale
        "p2,parents,1.0,voorbeeld/mini-scan,4,,\n"  # row 3: drempel missing
        "p3,parents,0.9,voorbeeld/mini-scan,4,1,\n"  # row 4: wrong version
        "p4,parents,1.0,voorbeeld/andere,4,1,\n"  # row 5: wrong assessment
        "p5,ouders,1.0,voorbeeld/mini-scan,4,1,\n"  # row 6: unknown group
        "p1,team,1.0,voorbeeld/mini-scan,4,1,\n"  # row 7: p1 again
        "p7,team,1.0,voorbeeld/mini-scan,4,1,,x\n",  # row 8: one cell too many
    )
    problems = problems_of(lambda: read_responses(path, mini))
    assert located(problems) == [
        ("response-unknown-item", "bad.csv", 1, 7),
        ("response-off-scale", "bad.csv", 2, 5),
        ("response-missing-answer", "bad.csv", 3, 6),
        ("response-wrong-version", "bad.csv", 4, 3),
        ("response-wrong-assessment", "bad.csv", 5, 4),
        ("response-unknown-group", "bad.csv", 6, 2),
        ("response-duplicate-respondent", "bad.csv", 7, 1),
        ("response-syntax", "bad.csv", 8, 8),
    ]
    messages = {p.code: p.message for p in problems}
    assert "(column 'vraag9')" in messages["response-unknown-item"]
    assert "(column 'welkom')" in messages["response-off-scale"]
    assert (
        "first at" in messages["response-duplicate-respondent"]
        and "bad.csv:2" in messages["response-duplicate-respondent"]
    )
    assert all(p.hint for p in problems)
    assert {p.code for p in problems} <= set(RESPONSE_CODES)


def test_an_item_not_asked_of_the_rows_group(tmp_path, mini):
    drempel = mini.items()[1]
    parents_only = attrs.evolve(
        mini,
        sections=(
            attrs.evolve(
                mini.sections[0],
                items=(mini.items()[0], attrs.evolve(drempel, text={"parents": drempel.text["parents"]})),
            ),
        ),
    )
    path = write(tmp_path, "d.csv", "respondent,group,welkom,drempel\nt1,team,2,3\nt2,team,2,\n")
    assert located(problems_of(lambda: read_responses(path, parents_only))) == [
        ("response-unknown-item", "d.csv", 2, 4)
    ]


def test_one_bad_row_among_many_fails_the_whole_file(tmp_path, mini):
    rows = "".join(f"p{i},parents,3,2\n" for i in range(100))
    path = write(tmp_path, "e.csv", "respondent,group,welkom,drempel\n" + rows + "p100,ouders,3,2\n")
    assert located(problems_of(lambda: read_responses(path, mini))) == [
        ("response-unknown-group", "e.csv", 102, 2)
    ]


def test_group_argument_against_the_group_column(tmp_path, mini):
    fills = write(tmp_path, "f.csv", "respondent,group,welkom,drempel\np1,,3,2\np2,parents,3,2\n")
    assert read_responses(fills, mini, group="parents").groups == ("parents", "parents")
    clash = write(tmp_path, "h.csv", "respondent,group,welkom,drempel\np1,,3,2\np2,team,3,2\n")
    problems = problems_of(lambda: read_responses(clash, mini, group="parents"))
    assert located(problems) == [("response-unknown-group", "h.csv", 3, 2)]
    assert "'team' but the group 'parents' was given" in problems[0].message
    no_group = write(tmp_path, "g.csv", "respondent,welkom,drempel\np1,3,2\n")
    assert [p.code for p in problems_of(lambda: read_responses(no_group, mini))] == ["response-unknown-group"]


def test_csv_syntax_problems(tmp_path, mini):
    excel = write(tmp_path, "l.csv", "respondent;group;welkom;drempel\nJosé;parents;3;2\n", encoding="cp1252")
    assert read_responses(excel, mini).respondents == ("José",)  # Excel's "CSV" in Belgium
    neither = tmp_path / "u.csv"
    neither.write_bytes(b"respondent,group,welkom,drempel\nJos\xe9\x81,parents,3,2\n")
    (problem,) = problems_of(lambda: read_responses(neither, mini))
    assert (problem.code, problem.line, problem.column) == ("response-syntax", 2, 4)
    assert "UTF-8" in problem.hint
    quotes = write(tmp_path, "q.csv", 'respondent,group,welkom,drempel\n"p1"x,parents,3,2\n')
    assert located(problems_of(lambda: read_responses(quotes, mini))) == [
        ("response-syntax", "q.csv", 2, None)
    ]
    empty = write(tmp_path, "empty.csv", "")
    assert [p.code for p in problems_of(lambda: read_responses(empty, mini))] == ["response-syntax"]
    nameless = write(tmp_path, "n.csv", "respondent,group,welkom,drempel,\np1,parents,3,2,x\n")
    assert located(problems_of(lambda: read_responses(nameless, mini))) == [
        ("response-syntax", "n.csv", 2, 5)
    ]
    twice = write(tmp_path, "t.csv", "respondent,group,welkom,welkom,drempel\np1,parents,3,3,2\n")
    assert located(problems_of(lambda: read_responses(twice, mini))) == [("response-syntax", "t.csv", 1, 4)]
    no_id = write(tmp_path, "i.csv", "group,welkom,drempel\nparents,3,2\n")
    assert located(problems_of(lambda: read_responses(no_id, mini))) == [
        ("response-syntax", "i.csv", 1, None)
    ]
    bad_time = write(
        tmp_path, "s.csv", "respondent,group,submitted,welkom,drempel\np1,parents,2026-03-01T10:00:00,3,2\n"
    )
    (problem,) = problems_of(lambda: read_responses(bad_time, mini))
    assert (problem.code, problem.line, problem.column) == ("response-syntax", 2, 3)
    long_id = write(tmp_path, "long.csv", f"respondent,group,welkom,drempel\n{'x' * 101},parents,3,2\n")
    assert located(problems_of(lambda: read_responses(long_id, mini))) == [
        ("response-syntax", "long.csv", 2, 1)
    ]
    missing = tmp_path / "nowhere.csv"
    assert [p.code for p in problems_of(lambda: read_responses(missing, mini))] == ["path-not-found"]


def test_a_missing_column_of_a_required_item_is_one_problem(tmp_path, mini):
    path = write(tmp_path, "m.csv", "respondent,group,welkom\np1,parents,3\np2,parents,3\n")
    (problem,) = problems_of(lambda: read_responses(path, mini))
    assert (problem.code, problem.line) == ("response-missing-answer", 1)
    assert "drempel" in problem.message


def test_many_problems_are_listed_up_to_a_limit_and_counted(tmp_path, mini):
    rows = "".join(f"p{i},parents,9,2\n" for i in range(150))
    path = write(tmp_path, "many.csv", "respondent,group,welkom,drempel\n" + rows)
    problems = problems_of(lambda: read_responses(path, mini))
    assert len(problems) == 101
    assert problems[-1].message == "more problems of this kind were not listed: 50"


# -- JSON ----------------------------------------------------------------------------------------
def _response(respondent, group="parents", answers=None, **extra):
    data = {
        "assessment": ID,
        "version": "1.0",
        "group": group,
        "respondent": respondent,
        "answers": answers if answers is not None else {"welkom": "4", "drempel": "1"},
    }
    data.update(extra)
    return data


def test_json_list_and_object(tmp_path, mini):
    as_list = write(
        tmp_path,
        "a.json",
        json.dumps([_response("p1"), _response("t1", "team", submitted="2026-03-01T10:15:00Z")]),
    )
    as_object = write(
        tmp_path,
        "b.json",
        json.dumps(
            {"responses": [_response("p1"), _response("t1", "team", submitted="2026-03-01T10:15:00Z")]}
        ),
    )
    one, other = read_responses(as_list, mini), read_responses(as_object, mini)
    assert one == other
    assert one.respondents == ("p1", "t1")
    assert one.answers == {"welkom": ("4", "4"), "drempel": ("1", "1")}


def test_every_json_problem_with_its_pointer_and_line(tmp_path, mini):
    entries = [
        _response("p1", answers={"welkom": "9", "drempel": "1"}),
        _response("p2", answers={"welkom": "4"}),
        _response("p3", version="2.0"),
        _response("p4", assessment="voorbeeld/andere"),
        _response("p5", group="ouders"),
        _response("p1"),
        _response("p7", answers={"welkom": "4", "drempel": "1", "vraag9": "1"}),
        _response("p8", extra=True),
        {"assessment": ID, "version": "1.0", "group": "parents", "answers": {}},
    ]
    path = write(
        tmp_path, "bad.json", '{"responses": [\n' + ",\n".join(json.dumps(e) for e in entries) + "\n]}\n"
    )
    problems = problems_of(lambda: read_responses(path, mini))
    found = [(p.code, p.pointer, p.line) for p in problems]
    assert found == [
        ("response-off-scale", "/responses/0/answers/welkom", 2),
        ("response-missing-answer", "/responses/1/answers/drempel", 3),
        ("response-wrong-version", "/responses/2/version", 4),
        ("response-wrong-assessment", "/responses/3/assessment", 5),
        ("response-unknown-group", "/responses/4/group", 6),
        ("response-duplicate-respondent", "/responses/5/respondent", 7),
        ("response-unknown-item", "/responses/6/answers/vraag9", 8),
        ("response-syntax", "/responses/7/extra", 9),
        ("response-syntax", "/responses/8", 10),
    ]
    assert all(p.file.endswith("bad.json") and p.column for p in problems)


def test_json_syntax_and_shape(tmp_path, mini):
    broken = write(tmp_path, "x.json", '[{"assessment": }]')
    (problem,) = problems_of(lambda: read_responses(broken, mini))
    assert (problem.code, problem.line) == ("response-syntax", 1)
    wrong = write(tmp_path, "y.json", '{"answers": []}')
    assert [p.code for p in problems_of(lambda: read_responses(wrong, mini))] == ["response-syntax"]
    scalar = write(tmp_path, "z.json", "[1]")
    assert [(p.code, p.pointer) for p in problems_of(lambda: read_responses(scalar, mini))] == [
        ("response-syntax", "/0")
    ]


# -- KoboToolbox / ODK ---------------------------------------------------------------------------
KOBO = (
    "start;end;s1/welkom;s1/drempel;ob_instrument;ob_version;ob_group;meta/instanceID;_id;_uuid;"
    "_submission_time;_validation_status;_notes;_status;_submitted_by;__version__;_tags;_index\n"
    "2026-03-01T10:00:00.000+01:00;2026-03-01T10:05:00.000+01:00;4;1;voorbeeld/mini-scan;1.0;parents;"
    "uuid:aaa;17;aaa;2026-03-01T09:05:10;;;submitted_via_web;;vTz;;1\n"
    "2026-03-01T10:00:00.000+01:00;2026-03-01T10:07:00.000+01:00;2;na;voorbeeld/mini-scan;1.0;team;"
    "uuid:bbb;18;bbb;2026-03-01T09:07:10;;;submitted_via_web;;vTz;;2\n"
)


def test_kobo_export(tmp_path, mini):
    path = write(tmp_path, "kobo.csv", KOBO)
    assert detect_format(path) == "kobo"
    responses = read_responses(path, mini)
    assert responses.respondents == ("aaa", "bbb")  # _uuid
    assert responses.groups == ("parents", "team")  # ob_group
    assert responses.answers == {"welkom": ("4", "2"), "drempel": ("1", "na")}
    assert responses.submitted[0].isoformat() == "2026-03-01T09:05:10+00:00"  # Kobo's times are UTC


def test_odk_central_export_with_dashes(tmp_path, mini):
    path = write(
        tmp_path,
        "odk.csv",
        "SubmissionDate,s1-welkom,s1-drempel,ob_instrument,ob_version,meta-instanceID,KEY,SubmitterID,ReviewState\n"
        "2026-03-01T09:05:10.123Z,3,2,voorbeeld/mini-scan,1.0,uuid:c1,uuid:c1,5,\n",
    )
    responses = read_responses(path, mini, group="parents", format="odk")
    assert responses.respondents == ("uuid:c1",)
    assert responses.groups == ("parents",)
    assert responses.answers == {"welkom": ("3",), "drempel": ("2",)}


def test_kobo_problems_are_located(tmp_path, mini):
    bad = KOBO.replace(";1.0;team;", ";0.9;team;").replace("s1/drempel", "s1/drempl")
    path = write(tmp_path, "kobo.csv", bad)
    problems = problems_of(lambda: read_responses(path, mini))
    assert located(problems) == [
        ("response-missing-answer", "kobo.csv", 1, None),  # no column for drempel at all
        ("response-unknown-item", "kobo.csv", 1, 4),
        ("response-wrong-version", "kobo.csv", 3, 6),
    ]
    assert "(column 's1/drempl')" in problems[1].message
    assert "Did you mean 'drempel'?" in problems[1].hint


def test_detect_format(tmp_path):
    assert detect_format(write(tmp_path, "a.csv", "respondent,group,welkom\n")) == "csv"
    assert detect_format(write(tmp_path, "a.json", "[]")) == "json"
    assert detect_format(write(tmp_path, "a.txt", "  [\n]")) == "json"


def test_unknown_format(tmp_path, mini):
    with pytest.raises(ValueError, match="unknown responses format"):
        read_responses(write(tmp_path, "a.csv", "x\n"), mini, format="xlsx")


# -- several files -------------------------------------------------------------------------------
def test_read_many_joins_files_and_finds_duplicates_across_them(tmp_path, mini):
    one = write(tmp_path, "one.csv", "respondent,group,welkom,drempel\np1,parents,4,1\np2,parents,3,2\n")
    two = write(tmp_path, "two.json", json.dumps([_response("t1", "team")]))
    both = read_many([one, two], mini)
    assert both.respondents == ("p1", "p2", "t1")
    assert score(mini, both, min_group_size=1).groups[0].respondents == 1
    again = write(tmp_path, "again.csv", "respondent,group,welkom,drempel\nx,parents,4,1\np2,parents,4,1\n")
    problems = problems_of(lambda: read_many([one, again], mini))
    assert located(problems) == [("response-duplicate-respondent", "again.csv", 3, 1)]
    assert "one.csv:3" in problems[0].message


def test_read_many_reports_the_problems_of_every_file(tmp_path, mini):
    one = write(tmp_path, "one.csv", "respondent,group,welkom,drempel\np1,parents,7,1\n")
    two = write(tmp_path, "two.csv", "respondent,group,welkom,drempel\np2,parents,4,7\n")
    assert located(problems_of(lambda: read_many([one, two], mini))) == [
        ("response-off-scale", "one.csv", 2, 3),
        ("response-off-scale", "two.csv", 2, 4),
    ]


# -- the interactive run -------------------------------------------------------------------------
def interact(mini, save, text, **options):
    stdout = io.StringIO()
    result = run_assessment(
        mini,
        options.pop("group", "parents"),
        save=save,
        stdin=io.StringIO(text),
        stdout=stdout,
        default_language="nl",
        **options,
    )
    return result, stdout.getvalue()


def test_interactive_run_that_stops_halfway_resumes(tmp_path, mini):
    save = tmp_path / "r1.json"
    result, shown = interact(
        mini, save, "?\n9\ns\n2\n", respondent="r1", lang="fr"
    )  # input ends after item 1
    assert result is None
    assert "Je me sens bienvenu·e à l'école." in shown  # French wording
    assert "Tapez le numéro" in shown  # ? help
    assert "« 9 » n'est pas une réponse possible" in shown
    assert "obligatoire" in shown  # s refused: the item is required
    assert not save.exists()
    lines = journal_path(save).read_text("utf-8").splitlines()
    assert json.loads(lines[1]) == {"item": "welkom", "answer": "2"}
    result, shown = interact(mini, save, "na\n", lang="fr")  # same file: resumes, respondent from the journal
    assert "bienvenu" not in shown  # the answered item is not asked again
    assert "1 des 2 questions" in shown
    assert result.respondent == "r1"
    assert result.answers == {"welkom": "2", "drempel": "na"}
    assert result.language == "fr"
    assert json.loads(save.read_text("utf-8"))["responses"][0]["answers"] == {"welkom": "2", "drempel": "na"}
    assert not journal_path(save).exists()
    assert ob.schema.fast_validator("response").is_valid(json.loads(save.read_text("utf-8"))["responses"][0])
    (read,) = ob.read_responses(save, ob.load_pack(EXAMPLE_PACK).assessments[0]).responses()  # score reads it
    assert read.answers == {"welkom": "2", "drempel": "na"}


def test_quit_skip_and_codes(tmp_path, mini):
    optional = evolve_items(mini, required=False)
    save = tmp_path / "r2.json"
    result, _ = interact(optional, save, "q\n", respondent="r2")
    assert result is None
    result, shown = interact(optional, save, "s\nNA\n", lang="en")
    assert "s skip" in shown
    assert result.answers == {"drempel": "na"}  # welkom skipped, the code typed in capitals


def test_a_complete_response_is_never_overwritten(tmp_path, mini):
    save = tmp_path / "r3.json"
    interact(mini, save, "1\n2\n")
    with pytest.raises(AssessError, match="already exists"):
        interact(mini, save, "1\n2\n")


def test_a_group_asked_nothing_cannot_start(tmp_path, mini):
    drempel, welkom = mini.items()[1], mini.items()[0]
    parents_only = attrs.evolve(
        mini,
        sections=(
            attrs.evolve(
                mini.sections[0],
                items=tuple(attrs.evolve(i, text={"parents": i.text["parents"]}) for i in (welkom, drempel)),
            ),
        ),
    )
    with pytest.raises(AssessError, match="asks no items of group 'team'"):
        interact(parents_only, tmp_path / "x.json", "1\n", group="team")
    assert not journal_path(tmp_path / "x.json").exists()


def test_a_journal_of_another_run_is_refused(tmp_path, mini):
    save = tmp_path / "r4.json"
    interact(mini, save, "1\n", respondent="a")
    with pytest.raises(AssessError, match="respondent 'a'"):
        interact(mini, save, "2\n", respondent="b")
    with pytest.raises(AssessError, match="group"):
        interact(mini, save, "2\n", group="team")


def test_a_torn_last_line_is_dropped_and_other_damage_reported(tmp_path, mini):
    save = tmp_path / "r5.json"
    interact(mini, save, "3\n", respondent="r5")
    journal = journal_path(save)
    with journal.open("a", encoding="utf-8") as log:
        log.write('{"item": "drempel", "ans')  # a crash in the middle of a write
    result, shown = interact(mini, save, "4\n")
    assert "drempel" not in shown.split("[1/2]")[0]
    assert result.answers == {"welkom": "3", "drempel": "4"}
    save.unlink()
    interact(mini, save, "3\n", respondent="r5")
    with journal.open("a", encoding="utf-8") as log:
        log.write('{"item": "drempel", "answer": "7"}\n')
    with pytest.raises(ResponseError) as info:
        interact(mini, save, "4\n")
    assert located(info.value.problems) == [("response-off-scale", journal.name, 3, None)]


def test_an_interrupted_process_resumes(tmp_path):
    """A real process answers one item through a pipe, is killed, and a new process continues."""
    save = tmp_path / "killed.json"
    script = (
        "import sys; from pathlib import Path; import ouderbetrokkenheid as ob;"
        "from ouderbetrokkenheid.responses.interactive import run_assessment;"
        f"a = next(x for x in ob.load_pack({str(EXAMPLE_PACK)!r}).assessments if x.id == {ID!r});"
        f"r = run_assessment(a, 'team', save=Path({str(save)!r}), stdin=sys.stdin, stdout=sys.stdout, respondent='k');"
        "sys.exit(0 if r else 1)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True
    )
    try:
        process.stdin.write("4\n")
        process.stdin.flush()
        journal = journal_path(save)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait for the answer to reach the disk (no timing asserted)
            if journal.exists() and '"answer": "4"' in journal.read_text("utf-8"):
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        process.stdin.close()
    assert process.returncode == -signal.SIGKILL
    assert '"answer": "4"' in journal_path(save).read_text("utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script], input="1\n", capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(save.read_text("utf-8"))["responses"][0]["answers"] == {"welkom": "4", "drempel": "1"}


# -- the commands --------------------------------------------------------------------------------
def parse(*argv):
    from ouderbetrokkenheid.cli import _common

    parser = argparse.ArgumentParser(parents=[_common(suppress=False)])
    commands = parser.add_subparsers(dest="command")
    common = _common(suppress=True)
    score_cli.add_parser(commands, common)
    assess_cli.add_parser(commands, common)
    args = parser.parse_args(list(argv))
    return args, Output(lang=args.lang, json=args.output == "json")


@pytest.fixture
def answers(tmp_path):
    rows = [f"p{i},parents,{1 + i % 4},{1 + (i + 1) % 4}\n" for i in range(6)]
    rows += [f"t{i},team,1,4\n" for i in range(5)]
    return write(tmp_path, "answers.csv", "respondent,group,welkom,drempel\n" + "".join(rows))


def test_score_command_text(capsys, answers):
    args, out = parse("score", ID, str(answers), "--path", str(EXAMPLE_PACK), "--lang", "fr")
    assert args.handler(args, out) == 0
    text = capsys.readouterr().out
    assert "Mini-quickscan (exemple)" in text
    assert "Parents (parents): 6 répondants" in text
    assert "Équipe éducative (team): 5 répondants" in text
    assert "À améliorer" in text  # the team's band
    assert "team - parents" in text
    assert "voorbeeld/oudercafe  Exemple d'un café des parents" in text


def test_score_command_json_validates(capsys, answers):
    args, out = parse(
        "score", ID, str(answers), "--path", str(EXAMPLE_PACK), "--format", "json", "--min-group-size", "6"
    )
    assert score_cli.run(args, out) == 0
    data = json.loads(capsys.readouterr().out)
    assert ob.schema.fast_validator("result").is_valid(data)
    assert data["min_group_size"] == 6
    assert [g["suppressed"] for g in data["groups"]] == [True, False]  # 5 team members < 6
    # the parents score 44.4 (welkom 38.9, drempel 50): a band that needs work
    assert data["groups"][1]["dimensions"][0]["score"] == pytest.approx(400 / 9)
    assert data["recommendations"] == {"ontmoeten": ["voorbeeld/oudercafe"]}


def test_score_command_usage_errors(capsys, answers):
    args, out = parse("score", ID, str(answers), "--path", str(EXAMPLE_PACK), "--min-group-size", "0")
    assert score_cli.run(args, out) == 2
    args, out = parse("score", "voorbeeld/oudercafe", str(answers), "--path", str(EXAMPLE_PACK))
    with pytest.raises(Exception) as raised:
        score_cli.run(
            args, out
        )  # the command line shows it with what exists, exit 2 (tests/test_mistakes.py)
    assert raised.value.code == "not-an-assessment"


def test_score_command_bad_responses_raise_every_problem(tmp_path):
    bad = write(tmp_path, "bad.csv", "respondent,group,welkom,drempel\np1,parents,7,\n")
    args, out = parse("score", ID, str(bad), "--path", str(EXAMPLE_PACK))
    problems = problems_of(lambda: score_cli.run(args, out))
    assert [p.code for p in problems] == ["response-off-scale", "response-missing-answer"]


def test_assess_command(tmp_path, monkeypatch, capsys):
    save = tmp_path / "cli.json"
    base = ("assess", ID, "--group", "team", "--path", str(EXAMPLE_PACK), "--save", str(save), "--lang", "nl")
    monkeypatch.setattr(sys, "stdin", io.StringIO("3\n"))
    args, out = parse(*base)
    assert args.handler(args, out) == 1  # stopped before the end
    assert "Wij zorgen dat ouders zich welkom voelen." in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("2\n"))
    args, out = parse(*base, "--format", "json")
    assert assess_cli.run(args, out) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["response"]["answers"] == {"welkom": "3", "drempel": "2"}
    assert "Klaar." in captured.err  # the dialogue goes to stderr when stdout carries JSON
    args, out = parse("assess", ID, "--group", "ouders", "--path", str(EXAMPLE_PACK))
    with pytest.raises(Exception) as raised:
        assess_cli.run(
            args, out
        )  # the command line shows it with the groups, exit 2 (tests/test_mistakes.py)
    assert raised.value.code == "unknown-group" and "parents" in raised.value.suggestions


def test_the_command_knows_every_input_format():
    from ouderbetrokkenheid.responses import FORMATS

    assert score_cli.INPUT_FORMATS == FORMATS


def test_default_save_name():
    assert assess_cli.default_save(ID, "parents", None) == Path("mini-scan-parents.json")
    assert assess_cli.default_save(ID, "parents", "r/7") == Path("mini-scan-parents-r_7.json")
