"""Packs in spreadsheets: the template, the round trip, located problems, mangled values, hostile files."""

import csv
import datetime
import io
import zipfile

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES
from ouderbetrokkenheid.sheets import (
    check_workbook,
    import_workbook,
    layout,
    readers,
    write_template,
    write_workbook,
)
from ouderbetrokkenheid.sheets import rows as rows_module
from ouderbetrokkenheid.sheets.rows import parse_value
from ouderbetrokkenheid.sheets.words import LANGUAGES
from ouderbetrokkenheid.testing import strategies as obst

from .conftest import EXAMPLE_PACK, ROOT


@pytest.fixture(scope="module")
def example():
    return ob.load_pack(EXAMPLE_PACK)


@pytest.fixture
def workbook(tmp_path, example):
    path = tmp_path / "pakket.xlsx"
    write_workbook(path, example, "nl")
    return path


def _errors(result):
    return [p for p in result.report.problems if p.is_error]


# -- the template ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "pack_sheet", "resources_sheet", "kind_header"),
    [
        ("nl", "Pakket", "Bronnen", "soort"),
        ("fr", "Paquet", "Ressources", "type"),
        ("en", "Pack", "Resources", "kind"),
    ],
)
def test_template_speaks_the_authors_language(tmp_path, lang, pack_sheet, resources_sheet, kind_header):
    path = tmp_path / "t.xlsx"
    write_template(path, lang)
    book = load_workbook(path)
    sources = {"nl": "Brondocumenten", "fr": "Documents sources", "en": "Source documents"}[lang]
    assert book.sheetnames[:3] == [pack_sheet, sources, resources_sheet]
    sheet = book[resources_sheet]
    headers = [cell.value for cell in sheet[1]]
    assert kind_header in headers
    assert "titel [nl]" in headers if lang == "nl" else f"{headers[2].split(' [')[0]} [{lang}]" in headers
    kind_column = headers.index(kind_header) + 1
    # the drop-down of the kind column lists the vocabulary's labels in the author's language
    validations = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    letter = sheet.cell(row=1, column=kind_column).column_letter
    (kind_list,) = [v for v in validations if any(str(r).startswith(f"{letter}2") for r in v.sqref.ranges)]
    lists = book[kind_list.formula1.split("!")[0].strip("'")]
    assert lists.sheet_state == "hidden"
    column = kind_list.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    shown = [c.value for c in lists[column][2:] if c.value]
    assert shown == [term.label.get_text(lang) for term in VOCABULARIES["resource-kind"]]
    assert "practice-example" not in shown or lang == "en"
    # every header has a help note in the author's language
    assert all(cell.comment is not None for cell in sheet[1])


def test_empty_template_imports_as_a_missing_pack(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path, "nl")
    result = check_workbook(path)
    assert result.pack is None
    assert _errors(result)
    assert all(p.file and p.file.startswith("Pakket!") for p in _errors(result)), _errors(result)


def test_every_label_reads_back_as_its_code():
    for vocabulary in VOCABULARIES.values():
        field = layout.Field(path=("x",), type="str", vocabulary=vocabulary.name)
        for lang in LANGUAGES:
            for term in vocabulary:
                for shown in (
                    term.label.get_text(lang),
                    term.code,
                    f"  {term.label.get_text(lang).upper()}\u00a0",
                ):
                    assert parse_value(field, shown, lang) == term.code, (vocabulary.name, lang, shown)


# -- the round trip --------------------------------------------------------------------------------
def test_example_pack_round_trip(workbook, example, tmp_path):
    out = tmp_path / "pack"
    result = import_workbook(workbook, out)
    assert result.pack == example
    assert ob.load_pack(out) == example


def test_bundled_packs_round_trip(tmp_path):
    library = ob.Library.discover(sorted(ROOT.glob("plugins/*/src/*/pack")), plugins=False)
    assert len(library.packs) >= 4
    for pack in library.packs:
        path = tmp_path / f"{pack.name}.xlsx"
        write_workbook(path, pack, pack.manifest.default_language)
        result = check_workbook(path)
        assert not _errors(result), (pack.name, _errors(result)[:3])
        assert result.pack == pack, pack.name


def _strip(value):
    """What a spreadsheet keeps: texts without spaces around them (the import trims them) and numbers
    to 15 significant digits (as Excel and LibreOffice keep them)."""
    if isinstance(value, float):
        return float(f"{value:.15g}")
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or "x"
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


_POOL = ("nl", "fr", "en", "ar", "zh-Hant")


def _few_languages(value):
    """The same object with the languages of its texts folded onto five (a sheet has a column per
    language; the model strategies draw dozens)."""
    if isinstance(value, ob.LocalizedText):
        folded = {}
        for tag, text in value.items():
            folded.setdefault(_POOL[sum(map(ord, tag)) % len(_POOL)], text)
        return ob.LocalizedText(folded)
    if isinstance(value, tuple):
        return tuple(_few_languages(v) for v in value)
    if isinstance(value, dict):
        return {k: _few_languages(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return attrs.evolve(
            value,
            **{a.name.lstrip("_"): _few_languages(getattr(value, a.name)) for a in attrs.fields(type(value))},
        )
    return value


@st.composite
def rich_packs(draw):
    """Packs whose records use every field (the model strategies), ids unique across kinds."""
    seen: set[str] = set()

    def unique(records):
        kept = []
        for record in records:
            if record.id not in seen:
                seen.add(record.id)
                kept.append(record)
        return tuple(kept)

    manifest = draw(obst.manifests())
    # ids identify rows across sheets: keep thesaurus entries with unique ids, as a valid pack has them
    entries = {entry.id: entry for entry in reversed(manifest.thesaurus)}
    manifest = attrs.evolve(manifest, thesaurus=tuple(e for e in manifest.thesaurus if entries[e.id] is e))
    pack = ob.ContentPack(
        manifest=manifest,
        resources=unique(draw(st.lists(obst.resources(), max_size=2))),
        findings=unique(draw(st.lists(obst.findings(), max_size=2))),
        frameworks=unique(draw(st.lists(obst.frameworks(), max_size=2))),
        mappings=unique(draw(st.lists(obst.mappings(), max_size=1))),
        assessments=unique(draw(st.lists(obst.assessments(), max_size=1))),
    )
    return ob.structure(_strip(ob.unstructure(_few_languages(pack))), ob.ContentPack)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(pack=rich_packs())
def test_round_trip_keeps_every_field(tmp_path_factory, pack):
    """export -> import gives equal records for packs that use every field of the model (the records
    need not validate as a pack: references may point outside it)."""
    path = tmp_path_factory.mktemp("rt") / "pack.xlsx"
    write_workbook(path, pack, "nl")
    result = check_workbook(path)
    sheet_errors = [p for p in result.report.problems if p.code.startswith("sheet-") and p.is_error]
    assert not sheet_errors
    assert ob.structure(result.manifest, ob.PackManifest) == pack.manifest
    for kind, cls in layout.RECORD_CLASSES.items():
        got = tuple(ob.structure(data, cls) for data in result.records.get(kind, []))
        assert got == getattr(pack, kind), kind


def test_csv_folder_round_trip(workbook, example, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    book = load_workbook(workbook)
    for sheet in book.worksheets:
        with (folder / f"{sheet.title}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            for row in sheet.iter_rows(values_only=True):
                writer.writerow(
                    ["" if v is None else v.isoformat() if isinstance(v, datetime.date) else v for v in row]
                )
    result = check_workbook(folder)
    assert not _errors(result), _errors(result)[:3]
    assert result.pack == example


# -- mangled values and located problems -----------------------------------------------------------
def _edit(path, sheet_name, edits, *, hide=(), merge=()):
    book = load_workbook(path)
    sheet = book[sheet_name]
    for ref, value in edits.items():
        sheet[ref].value = value
        if isinstance(value, str) and value.startswith("#"):
            sheet[ref].data_type = "e"
    for number in hide:
        sheet.row_dimensions[number].hidden = True
    for span in merge:
        sheet.merge_cells(span)
    book.save(path)


def _column(path, sheet_name, header):
    sheet = load_workbook(path)[sheet_name]
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column_letter
    raise AssertionError(header)


def test_spreadsheet_habits_are_forgiven(workbook, example):
    title, year, kind = (_column(workbook, "Bronnen", h) for h in ("titel [nl]", "jaar", "soort"))
    fr_title = _column(workbook, "Bronnen", "titel [fr]")
    resource = example.resources[0]
    _edit(
        workbook,
        "Bronnen",
        {
            f"{title}2": "  " + resource.title["nl"] + "\u00a0 ",  # trailing and non-breaking spaces
            f"{year}2": "2024",  # a number stored as text
            f"{kind}2": "Praktijkvoorbeeld\u00a0",  # the label, not the code, in another case
        },
    )
    result = check_workbook(workbook)
    assert not _errors(result), _errors(result)
    got = result.pack.resources[0]
    assert got.title == resource.title
    assert got.year == 2024
    assert got.kind == "practice-example"
    # a language column left empty: the texts just lack that language (a warning, not an error)
    book = load_workbook(workbook)
    for row in book["Bronnen"][fr_title][1:]:
        row.value = None
    book.save(workbook)
    result = check_workbook(workbook)
    assert not _errors(result)
    assert "fr" not in result.pack.resources[0].title


def test_problems_are_located_as_the_spreadsheet_shows_them(workbook, tmp_path):
    kind, edition, title = (_column(workbook, "Bronnen", h) for h in ("soort", "editie", "titel [nl]"))
    _edit(
        workbook,
        "Bronnen",
        {
            f"{kind}2": "roman",  # not in the list
            f"{edition}2": datetime.datetime(2026, 2, 1),  # "1-2" typed into a cell that was not text
            f"{title}2": "#DIV/0!",  # a formula that gives an error
        },
    )
    out = tmp_path / "out"
    with pytest.raises(ob.ProblemError) as caught:
        import_workbook(workbook, out)
    assert not out.exists()  # nothing is written
    found = {p.file: p for p in caught.value.problems}
    assert found[f"Bronnen!{kind}2"].code == "sheet-not-in-list"
    assert "staat niet in de lijst" in found[f"Bronnen!{kind}2"].message
    assert "praktijkvoorbeeld" in found[f"Bronnen!{kind}2"].hint
    assert found[f"Bronnen!{edition}2"].code == "sheet-date-cell"
    assert found[f"Bronnen!{title}2"].code == "sheet-formula-error"
    # and in French, for a French author
    french = check_workbook(workbook, "fr")
    assert any("ne figure pas dans la liste" in p.message for p in french.report.problems)


def test_validation_problems_are_traced_to_their_cell(workbook):
    source = _column(workbook, "Bronnen", "herkomst: bron")
    year = _column(workbook, "Bronnen", "jaar")
    _edit(workbook, "Bronnen", {f"{year}2": 1066})
    result = check_workbook(workbook)
    found = {p.file: p for p in _errors(result)}
    assert found[f"Bronnen!{year}2"].code.startswith("schema"), _errors(result)
    assert found[f"Bronnen!{year}2"].message.startswith("de waarde klopt niet: ")
    assert "opmerking bij de kolomkop" in found[f"Bronnen!{year}2"].hint
    _edit(workbook, "Bronnen", {f"{year}2": 2020, f"{source}2": "onbekende-bron"})
    result = check_workbook(workbook)
    found = {p.file: p for p in _errors(result)}
    assert found[f"Bronnen!{source}2"].code == "unknown-source", _errors(result)


def test_a_missing_required_value_names_its_cell(workbook):
    kind = _column(workbook, "Bronnen", "soort")
    _edit(workbook, "Bronnen", {f"{kind}2": None})
    result = check_workbook(workbook)
    (problem,) = [p for p in _errors(result) if p.code == "schema-required"]
    assert problem.file == f"Bronnen!{kind}2"
    assert problem.message == "'soort' moet ingevuld zijn"


def test_merged_cells_and_hidden_rows(workbook, example):
    record = _column(workbook, "Vertalingen", "id van het record")
    sheet = load_workbook(workbook)["Vertalingen"]
    rows = [c.row for c in sheet[record][1:] if c.value == example.resources[0].id]
    assert len(rows) >= 2
    _edit(
        workbook, "Vertalingen", {f"{record}{rows[1]}": None}, merge=[f"{record}{rows[0]}:{record}{rows[1]}"]
    )
    _edit(workbook, "Bronnen", {}, hide=[2])
    result = check_workbook(workbook)
    assert not _errors(result), _errors(result)
    assert result.pack == example  # the merged value counts for both rows; the hidden row is read
    codes = {p.code: p.file for p in result.report.problems}
    assert codes["sheet-merged"] == f"Vertalingen!{record}{rows[0]}:{record}{rows[1]}"
    assert codes["sheet-hidden-row"] == "Bronnen!2:2"


def test_a_row_under_a_missing_parent_is_located(workbook):
    _edit(workbook, "Begrippen", {"A2": "voorbeeld/geen-kader"})
    result = check_workbook(workbook)
    (problem,) = [p for p in _errors(result) if p.code == "sheet-no-parent"]
    assert problem.file == "Begrippen!A2"
    assert "voorbeeld/geen-kader" in problem.message


# -- hostile files ---------------------------------------------------------------------------------
def _codes(result):
    return [p.code for p in result.report.problems]


def test_a_renamed_pdf_is_not_a_workbook(tmp_path):
    path = tmp_path / "pakket.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    result = check_workbook(path)
    assert _codes(result) == ["sheet-not-a-workbook"]
    assert "geen werkboek" in result.report.problems[0].message


def _replace_member(source, target, name, data):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == name else old.read(info.filename))


def _first_sheet_member(path):
    with zipfile.ZipFile(path) as zipped:
        return sorted(n for n in zipped.namelist() if n.startswith("xl/worksheets/sheet"))[0]


def test_a_zip_bomb_is_refused(workbook, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    _replace_member(
        workbook, bomb, _first_sheet_member(workbook), b"<x>" + b" " * (40 * 1024 * 1024) + b"</x>"
    )
    result = check_workbook(bomb)
    assert _codes(result) == ["sheet-unsafe"]


def test_an_xml_entity_bomb_is_refused(workbook, tmp_path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    bomb = tmp_path / "lol.xlsx"
    _replace_member(workbook, bomb, _first_sheet_member(workbook), lol)
    result = check_workbook(bomb)
    assert _codes(result) == ["sheet-unsafe"]


def _big_sheet(workbook, target, rows):
    _replace_member(
        workbook,
        target,
        _first_sheet_member(workbook),
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows
        + b"</sheetData></worksheet>",
    )


def test_100000_rows_are_refused(workbook, tmp_path):
    rows = b"".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for n in range(1, 100_001)
    )
    big = tmp_path / "rows.xlsx"
    _big_sheet(workbook, big, rows)
    result = check_workbook(big)
    assert _codes(result) == ["sheet-too-large"]
    assert "meer dan 50000 rijen" in result.report.problems[0].message


def test_1000_columns_are_refused(workbook, tmp_path):
    wide = tmp_path / "wide.xlsx"
    _big_sheet(workbook, wide, b'<row r="1"><c r="ALL1" t="inlineStr"><is><t>x</t></is></c></row>')
    result = check_workbook(wide)
    assert _codes(result) == ["sheet-too-large"]


# -- the command line ------------------------------------------------------------------------------
def test_cli_template_and_import(tmp_path, capsys, workbook):
    template = tmp_path / "t.xlsx"
    assert main(["sheet", "template", "--lang", "fr", "--out", str(template)]) == 0
    assert "Paquet" in load_workbook(template).sheetnames
    assert main(["sheet", "import", str(workbook), "--out", str(tmp_path / "pack")]) == 0
    assert (tmp_path / "pack" / "pack.yaml").is_file()
    kind = _column(workbook, "Bronnen", "soort")
    _edit(workbook, "Bronnen", {f"{kind}2": "roman"})
    capsys.readouterr()
    assert main(["sheet", "import", str(workbook), "--out", str(tmp_path / "other")]) == 1
    err = capsys.readouterr().err
    assert f"Bronnen!{kind}2: error[sheet-not-in-list] 'roman' staat niet in de lijst" in err
    assert not (tmp_path / "other").exists()
    # an existing folder is kept unless --force
    assert main(["sheet", "import", str(tmp_path / "t.xlsx"), "--out", str(tmp_path / "pack")]) == 1
    assert (tmp_path / "pack" / "pack.yaml").is_file()


def test_export_to_xlsx_writes_one_pack(tmp_path, capsys, example):
    out = tmp_path / "v.xlsx"
    assert (
        main(
            [
                "export",
                "--to",
                "xlsx",
                "--out",
                str(out),
                "--path",
                str(EXAMPLE_PACK),
                "--pack",
                "voorbeeld",
                "--quiet",
            ]
        )
        == 0
    )
    assert check_workbook(out).pack == example


def test_readers_cell_names():
    assert readers.cell_name(3, 7) == "C7"
    assert readers.cell_name(28, 1) == "AB1"
    assert readers.cell_name(1000, 1) == "ALL1"


def test_words_are_in_one_place():
    from ouderbetrokkenheid.sheets import words

    for key in ("sheet:resources", "problem:not-in-list", "hint:not-in-list"):
        values = words.all_words(key)
        assert set(values) == set(LANGUAGES) and all(values.values())
    assert len(
        {words.word(f"sheet:{t.key}", "nl") for t in layout.tables() if words.has_word(f"sheet:{t.key}")}
    ) == len([t for t in layout.tables() if words.has_word(f"sheet:{t.key}")])
    assert all(
        len(words.word(f"sheet:{t.key}", lang)) <= 31
        for t in layout.tables()
        for lang in LANGUAGES
        if words.has_word(f"sheet:{t.key}")
    )
    from ouderbetrokkenheid.sheets.columns import sheet_name

    for lang in LANGUAGES:  # every sheet has a name of its own, in every language
        names = [sheet_name(t, lang) for t in layout.tables()]
        assert len(set(names)) == len(names), lang
        assert all(len(name) <= 31 for name in names)
    assert io  # keep the import list honest


def test_layout_covers_every_field_of_the_model():
    """Each attrs field of every record class is a column or a sheet (so the round trip covers it)."""
    covered: dict[type, set[str]] = {}
    for entry in layout.tables():
        for field in entry.fields:
            covered.setdefault(entry.cls, set()).add(field.path[0])
    for entry in layout.tables():
        if entry.parent not in (None, "*", "pack") and entry.shape != "records":
            covered.setdefault(layout.table(entry.parent).cls, set()).add(entry.path[0])
        if entry.parent == "*":
            for kind in entry.kinds:
                covered.setdefault(layout.RECORD_CLASSES[kind], set()).add(entry.path[0])
        if entry.parent == "pack":
            covered.setdefault(ob.PackManifest, set()).add(entry.path[0])
    for cls in (*layout.RECORD_CLASSES.values(), ob.PackManifest):
        assert {a.name for a in attrs.fields(cls)} <= covered[cls], cls


def _ods(path, content):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zipped.writestr("content.xml", content)
    return path


_ODS_HEAD = (
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    b'<table:table table:name="Pakket">'
)
_ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"


def test_ods_entity_bomb_and_repeated_rows_are_refused(tmp_path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    result = check_workbook(_ods(tmp_path / "lol.ods", bomb + _ODS_HEAD + _ODS_TAIL))
    assert _codes(result) == ["sheet-unsafe"]
    row = (
        b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string">'
        b"<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    result = check_workbook(_ods(tmp_path / "rows.ods", _ODS_HEAD + row + _ODS_TAIL))
    assert _codes(result) == ["sheet-too-large"]
    # a million repeated *empty* rows (what spreadsheets write to pad a sheet) cost nothing
    empty = b'<table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row>'
    result = check_workbook(_ods(tmp_path / "empty.ods", _ODS_HEAD + empty + _ODS_TAIL))
    assert "sheet-too-large" not in _codes(result)


@attrs.frozen(kw_only=True)
class _Later:
    """A record class with a field of a shape the layout does not know (as the model may grow)."""

    id: str
    extra: dict[str, tuple[str, ...]] = attrs.field(factory=dict)


def test_a_field_of_an_unknown_shape_is_kept_as_json():
    fields, children = layout._flatten(_Later)
    (extra,) = [f for f in fields if f.path == ("extra",)]
    assert extra.type == "json" and not children
    shown = rows_module.cell_value(extra, {"a": ("b", "c")}, "nl")
    assert rows_module.parse_value(extra, shown, "nl") == {"a": ["b", "c"]}
