"""The guides for organisations, walked through from the document alone: the template in the guide's
language, filled in with exactly the values of the guide's tables, imported, installed, searched,
exported as the e-toolkit site, printed as a paper form, built and removed."""

import datetime
import re
import shlex

import pytest
from openpyxl import load_workbook

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main

from .conftest import ROOT

GUIDES = {
    "nl": (ROOT / "docs" / "handleiding-organisaties.md", "Blad", "rij"),
    "fr": (ROOT / "docs" / "guide-organisations.md", "Feuille", "ligne"),
}


def _tables(text, sheet_word, row_word):
    """``(sheet, row or None, {column: value})`` for every table the guide asks to type in."""
    pattern = re.compile(
        rf"^{sheet_word} \*\*(?P<sheet>[^*]+)\*\*(?:, {row_word} (?P<row>\d+))?\s?:\n\n(?P<table>(?:\|.*\n)+)",
        re.M,
    )
    found = []
    for match in pattern.finditer(text):
        lines = match.group("table").strip().splitlines()[2:]
        cells = {}
        for line in lines:
            key, value = (part.strip() for part in line.strip().strip("|").split("|"))
            cells[key] = value
        found.append((match.group("sheet"), int(match.group("row")) if match.group("row") else None, cells))
    return found


def _commands(text):
    """The ``ouderbetrokkenheid ...`` commands of the guide's console blocks, in order, each with the
    output lines the guide shows under it."""
    commands = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("$ ouderbetrokkenheid "):
                commands.append((shlex.split(line[len("$ ouderbetrokkenheid ") :]), []))
            elif line.startswith("$ "):
                commands.append((None, []))
            elif commands and line.strip():
                commands[-1][1].append(line)
    return [command for command in commands if command[0] is not None]


def _shown(lines):
    """Output lines as the guide shows them: the user's packs folder is written as ``<packs>``."""
    return [re.sub(r"\S*/packs/", "<packs>/", line.strip()) for line in lines]


def _check_shown(command, shown, output):
    """Every line the guide shows under a command is a line of its real output."""
    printed = _shown((output.out + output.err).splitlines())
    for line in _shown(shown):
        assert line in printed, (command, line, printed)


def _fill(workbook_name, text, sheet_word, row_word):
    """Fill in the template with the guide's tables, by the headers the guide names."""
    book = load_workbook(workbook_name)
    tables = _tables(text, sheet_word, row_word)
    assert len(tables) >= 15
    for sheet_name, row, cells in tables:
        sheet = book[sheet_name]
        if row is None:  # the pack sheet: names in column A, values in column B
            rows = {sheet.cell(row=n, column=1).value: n for n in range(1, sheet.max_row + 1)}
            for name, value in cells.items():
                assert name in rows, (sheet_name, name)
                sheet.cell(row=rows[name], column=2, value=value)
            continue
        headers = {cell.value: cell.column for cell in sheet[1]}
        for name, value in cells.items():
            assert name in headers, (sheet_name, name, sorted(h for h in headers if h))
            sheet.cell(row=row, column=headers[name], value=value)
    book.save(workbook_name)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_guide_walks_through(lang, tmp_path, monkeypatch, capsys):
    path, sheet_word, row_word = GUIDES[lang]
    text = path.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OUDERBETROKKENHEID_PACKS_DIR", str(tmp_path / "packs"))
    commands = _commands(text)
    (template, template_shown), *steps = commands
    assert template[:2] == ["sheet", "template"]
    assert main(template) == 0
    _check_shown(template, template_shown, capsys.readouterr())
    rest = [command for command, _ in steps]
    workbook_name = template[template.index("--out") + 1]
    _fill(workbook_name, text, sheet_word, row_word)
    # then every command of the guide, in order
    shown_lines = len(template_shown)
    for command, shown in steps:
        code = main(command)
        output = capsys.readouterr()
        assert code == 0, (command, output.err[-2000:])
        _check_shown(command, shown, output)
        shown_lines += len(shown)
        if command[:2] == ["sheet", "import"]:
            assert not re.search(r"(?:error|fout|erreur)\[", output.err), output.err
    assert shown_lines >= 2  # the guide shows output, and it is checked
    site = tmp_path / command_out(rest, "export", "--to", "html")
    assert (site / "index.html").is_file()
    name, ids, group = EXPECTED[lang]
    assert any(name in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    pack = ob.load_pack(tmp_path / command_out(rest, "sheet", "import"))
    assert pack.name == name
    assert [r.id for r in pack.records()] == ids
    assert pack.assessments[0].items()[0].text[group]
    assert name in ob.installed_packs()


def _problem_blocks(text):
    """The guide's blocks of workbook problems (``Blad!C2: fout[code] ...`` and their hints)."""
    return [
        block.splitlines()
        for block in re.findall(r"```text\n(.*?)```", text, re.S)
        if re.match(r"\w+!\w+\d+: (?:error|fout|erreur)\[", block)
    ]


@pytest.mark.parametrize(
    "lang", [lang for lang, (path, *_) in GUIDES.items() if _problem_blocks(path.read_text(encoding="utf-8"))]
)
def test_the_guides_problems_are_what_an_import_says(lang, tmp_path, monkeypatch, capsys):
    """The problems a guide shows after a mistake are those `sheet import` reports for that mistake."""
    path, sheet_word, row_word = GUIDES[lang]
    text = path.read_text(encoding="utf-8")
    blocks = _problem_blocks(text)
    monkeypatch.chdir(tmp_path)
    template = _commands(text)[0][0]
    assert main(template) == 0
    workbook_name = template[template.index("--out") + 1]
    _fill(workbook_name, text, sheet_word, row_word)
    for lines in blocks:
        book = load_workbook(workbook_name)
        for line in lines:
            match = re.match(
                r"(\w+)!([A-Z]+\d+): (?:error|fout|erreur)\[(?P<code>[\w-]+)\] (?P<message>.*)", line
            )
            if not match:
                continue
            sheet, cell = match.group(1), match.group(2)
            if match["code"] == "sheet-date-cell":  # a date made by the spreadsheet
                value = datetime.datetime.fromisoformat(
                    re.search(r"\((\d{4}-\d\d-\d\d)\)", match["message"])[1]
                )
            else:  # the value the message quotes
                value = re.search(r"'([^']+)'", match["message"])[1]
            book[sheet][cell] = value
        book.save("fout.xlsx")
        capsys.readouterr()
        assert main(["sheet", "import", "fout.xlsx", "--out", "fout", "--lang", lang]) == 1
        printed = [line.rstrip() for line in capsys.readouterr().err.splitlines()]
        for line in lines:
            shown = line.rstrip()
            if shown.endswith("..."):  # the guide shortens a long line
                assert any(p.startswith(shown[:-3]) for p in printed), (shown, printed)
            else:
                assert shown in printed, (shown, printed)
        assert not (tmp_path / "fout").exists()


EXPECTED = {
    "nl": ("mijn-org", ["mijn-org/boek-ouders-op-school", "mijn-org/welkom-scan"], "ouders"),
    "fr": ("mon-org", ["mon-org/livre-parents-ecole", "mon-org/scan-accueil"], "parents"),
}


def command_out(commands, *prefix):
    for command in commands:
        if command[: len(prefix)] == list(prefix):
            return command[command.index("--out") + 1]
    raise AssertionError(prefix)
