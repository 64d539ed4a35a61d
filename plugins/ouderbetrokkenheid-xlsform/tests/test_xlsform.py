"""Tests of the xlsform exporter: the workbooks it writes, checked with openpyxl and with pyxform (the
reference XLSForm converter), its notes and errors, atomic writing, and a KoboToolbox export of a form."""

import csv
import doctest
import io
import os
import shutil
import uuid
import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import ouderbetrokkenheid_xlsform
import pytest
from ouderbetrokkenheid_xlsform import form as form_module
from ouderbetrokkenheid_xlsform import languages as languages_module
from ouderbetrokkenheid_xlsform.exporter import XLSX, plan_export
from ouderbetrokkenheid_xlsform.form import build_form, form_id, form_version, xpath_literal
from ouderbetrokkenheid_xlsform.languages import label_column, language_name
from pyxform.xls2xform import convert

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.responses import read_responses

HERE = Path(__file__).resolve().parent
EXAMPLE_PACK = Path(__file__).resolve().parents[3] / "examples" / "voorbeeldpack"
FIXTURE = HERE / "data" / "kobo-export-mini-scan.csv"
#: Set to 1 to rewrite the fixture from the generated form (then review the diff).
REWRITE_ENV = "OB_REWRITE_FIXTURES"

ASSESSMENT = "voorbeeld/mini-scan"
GROUPS = ("team", "parents")
LANGUAGES = ("nl", "fr", "en")
COLUMNS = {
    "nl": "label::Nederlands (nl)",
    "fr": "label::Français (fr)",
    "en": "label::English (en)",
}
XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"


# --- fixtures and helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch):
    """Tests see only the plugins they register, never what happens to be installed."""
    monkeypatch.setenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture(scope="module")
def library() -> ob.Library:
    library = ob.Library.discover([EXAMPLE_PACK], plugins=False)
    assert library.report.ok, library.report.problems
    return library


@pytest.fixture(scope="module")
def assessment(library) -> ob.Assessment:
    record = library.get(ASSESSMENT)
    assert isinstance(record, ob.Assessment)
    return record


@pytest.fixture(scope="module")
def exported(library, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("xlsform") / "forms"
    ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, folder, {"assessment": ASSESSMENT})
    return folder


def workbook_path(folder: Path, group: str) -> Path:
    return folder / f"voorbeeld-mini-scan-{group}.xlsx"


def sheet_records(path: Path, sheet: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and the rows (as dicts) of one sheet."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = [str(cell) for cell in rows[0]]
    return header, [dict(zip(header, row, strict=True)) for row in rows[1:]]


def to_xform(path: Path, **kwargs: Any) -> tuple[ET.Element, list[str]]:
    result = convert(xlsform=path, **kwargs)
    return ET.fromstring(result.xform), list(result.warnings)


def field_paths(path: Path) -> list[str]:
    """The data columns of the form, as KoboToolbox names them (``s1/welkom``), in form order."""
    _, rows = sheet_records(path, "survey")
    groups: list[str] = []
    paths: list[str] = []
    for row in rows:
        kind = str(row["type"])
        if kind == "begin_group":
            groups.append(str(row["name"]))
        elif kind == "end_group":
            groups.pop()
        elif kind != "note":  # a note holds no data: no column in an export
            paths.append("/".join([*groups, str(row["name"])]))
    return [*paths, "meta/instanceID"]


def with_assessments(
    library: ob.Library, *extra: ob.Assessment, languages: tuple[str, ...] = ()
) -> ob.Library:
    """A library like *library* whose pack also holds *extra* (and declares *languages* too)."""
    pack = library.pack("voorbeeld")
    manifest = attrs.evolve(pack.manifest, languages=(*pack.manifest.languages, *languages))
    return ob.Library([attrs.evolve(pack, manifest=manifest, assessments=(*pack.assessments, *extra))])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- the plugin --------------------------------------------------------------------------------------


def test_exporter_is_found_through_the_plugin_manager():
    host = ob.get_plugin_manager(plugins=[ouderbetrokkenheid_xlsform], load_entry_points=False)
    info, exporter = host.exporters()["xlsform"]
    assert host.problems == []
    assert info.name == "ouderbetrokkenheid_xlsform"
    assert isinstance(exporter, ob.Exporter)
    assert exporter.name == "xlsform"
    assert exporter.media_type == XLSX == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert exporter.extension == ""
    assert exporter.kinds == frozenset({"assessments"})
    assert exporter.description


def test_the_distribution_announces_the_plugin_under_the_entry_point_group():
    found = {ep.name: ep.value for ep in entry_points(group=ob.PROJECT) if ep.name == "xlsform"}
    assert found == {"xlsform": "ouderbetrokkenheid_xlsform"}


# --- the workbooks --------------------------------------------------------------------------------------


def test_one_workbook_per_respondent_group_and_an_index(exported):
    assert sorted(path.name for path in exported.iterdir()) == [
        "README.txt",
        "voorbeeld-mini-scan-parents.xlsx",
        "voorbeeld-mini-scan-team.xlsx",
    ]
    index = (exported / "README.txt").read_text(encoding="utf-8")
    assert "form_id=voorbeeld_mini_scan_team" in index
    assert "form_id=voorbeeld_mini_scan_parents" in index


@pytest.mark.parametrize("group", GROUPS)
def test_workbook_has_the_three_sheets(exported, group):
    workbook = openpyxl.load_workbook(workbook_path(exported, group), read_only=True)
    try:
        assert workbook.sheetnames == ["survey", "choices", "settings"]
    finally:
        workbook.close()


@pytest.mark.parametrize("group", GROUPS)
def test_settings_sheet(exported, group):
    header, rows = sheet_records(workbook_path(exported, group), "settings")
    assert header == ["form_title", "form_id", "version", "default_language"]
    labels = {"team": "Schoolteam", "parents": "Ouders"}
    assert rows == [
        {
            "form_title": f"Mini-quickscan (voorbeeld) – {labels[group]}",
            "form_id": f"voorbeeld_mini_scan_{group}",
            "version": "1_0",
            "default_language": "Nederlands (nl)",
        }
    ]


@pytest.mark.parametrize("group", GROUPS)
def test_survey_sheet(exported, assessment, group):
    header, rows = sheet_records(workbook_path(exported, group), "survey")
    assert header == ["type", "name", *COLUMNS.values(), "required", "appearance", "calculation"]
    assert [(row["type"], row["name"]) for row in rows] == [
        ("start", "start"),
        ("end", "end"),
        ("calculate", "ob_instrument"),
        ("calculate", "ob_version"),
        ("calculate", "ob_group"),
        ("begin_group", "s1"),
        ("select_one agree", "welkom"),
        ("select_one agree", "drempel"),
        ("end_group", "s1"),
    ]
    hidden = {row["name"]: row["calculation"] for row in rows if row["type"] == "calculate"}
    assert hidden == {
        "ob_instrument": "'voorbeeld/mini-scan'",
        "ob_version": "'1.0'",
        "ob_group": f"'{group}'",
    }
    for row in rows:
        if row["type"] == "calculate":
            assert all(row[column] is None for column in COLUMNS.values())  # hidden: no label
    section = assessment.sections[0]
    begin = rows[5]
    assert begin["appearance"] == "field-list"
    assert {tag: begin[column] for tag, column in COLUMNS.items()} == dict(section.title)
    for row, item in zip(rows[6:8], section.items, strict=True):
        assert row["name"] == item.link_id
        assert {tag: row[column] for tag, column in COLUMNS.items()} == dict(item.text[group])
        assert row["required"] == "yes"
        assert row["appearance"] == "likert"


@pytest.mark.parametrize("group", GROUPS)
def test_choices_carry_codes_labels_and_scores(exported, assessment, group):
    header, rows = sheet_records(workbook_path(exported, group), "choices")
    assert header == ["list_name", "name", *COLUMNS.values(), "score"]
    scale = assessment.scales[0]
    assert [(row["list_name"], row["name"], row["score"]) for row in rows] == [
        ("agree", "1", 1),
        ("agree", "2", 2),
        ("agree", "3", 3),
        ("agree", "4", 4),
        ("agree", "na", None),
    ]
    for row, option in zip(rows, scale.options, strict=True):
        assert {tag: row[column] for tag, column in COLUMNS.items()} == dict(option.label)


def test_items_not_worded_for_a_group_are_left_out(library, assessment):
    section = assessment.sections[0]
    team_only = attrs.evolve(section.items[1], text={"team": section.items[1].text["team"]})
    changed = attrs.evolve(assessment, sections=(attrs.evolve(section, items=(section.items[0], team_only)),))
    pack = library.pack("voorbeeld")
    team = build_form(pack, changed, changed.groups[0])
    parents = build_form(pack, changed, changed.groups[1])
    assert team is not None
    assert parents is not None
    assert [row["name"] for row in team.survey.records()][-3:] == ["welkom", "drempel", "s1"]
    assert [row["name"] for row in parents.survey.records()][-2:] == ["welkom", "s1"]


# --- pyxform, the reference converter -------------------------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
def test_pyxform_converts_the_form_without_errors_or_warnings(exported, group):
    _, warnings = to_xform(workbook_path(exported, group))
    assert warnings == []


@pytest.mark.parametrize("group", GROUPS)
def test_xform_has_the_hidden_fields_and_every_language(exported, group):
    root, _ = to_xform(workbook_path(exported, group))
    model = root.find(f"{H}head/{XF}model")
    assert model is not None
    data = model.find(f"{XF}instance/{XF}data")
    assert data is not None
    assert data.get("id") == f"voorbeeld_mini_scan_{group}"
    assert data.get("version") == "1_0"
    calculated = {
        bind.get("nodeset"): bind.get("calculate")
        for bind in model.iter(f"{XF}bind")
        if bind.get("calculate")
    }
    assert calculated == {
        "/data/ob_instrument": "'voorbeeld/mini-scan'",
        "/data/ob_version": "'1.0'",
        "/data/ob_group": f"'{group}'",
    }
    body = root.find(f"{H}body")
    assert body is not None
    shown = {element.get("ref") for element in body.iter() if element.get("ref", "").startswith("/data/")}
    assert not any("/ob_" in ref for ref in shown)  # hidden: nothing in the body refers to them
    translations = {t.get("lang"): t.get("default") for t in model.iter(f"{XF}translation")}
    assert translations == {"Nederlands (nl)": "true()", "Français (fr)": None, "English (en)": None}
    for translation in model.iter(f"{XF}translation"):
        values = {text.get("id"): text.findtext(f"{XF}value") for text in translation}
        assert all(values.values())
        assert "/data/s1/welkom:label" in values


@pytest.mark.parametrize("group", GROUPS)
def test_xform_choices_carry_the_scores(exported, group):
    root, _ = to_xform(workbook_path(exported, group))
    items = root.findall(f".//{XF}instance[@id='agree']/{XF}root/{XF}item")
    assert [(item.findtext(f"{XF}name"), item.findtext(f"{XF}score")) for item in items] == [
        ("1", "1"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("na", None),
    ]


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java, which is not installed")
def test_odk_validate_accepts_the_form(exported):
    _, warnings = to_xform(workbook_path(exported, "parents"), validate=True)
    assert warnings == []


def test_default_language_option(library, tmp_path):
    folder = tmp_path / "forms"
    ouderbetrokkenheid_xlsform.XLSFormExporter().export(
        library, folder, {"assessment": ASSESSMENT, "lang": "fr"}
    )
    path = workbook_path(folder, "parents")
    _, settings = sheet_records(path, "settings")
    assert settings[0]["default_language"] == "Français (fr)"
    assert settings[0]["form_title"] == "Mini-quickscan (exemple) – Parents"
    header, _ = sheet_records(path, "survey")
    assert header[2:5] == [COLUMNS["fr"], COLUMNS["nl"], COLUMNS["en"]]
    root, warnings = to_xform(path)
    assert warnings == []
    defaults = [t.get("lang") for t in root.iter(f"{XF}translation") if t.get("default") == "true()"]
    assert defaults == ["Français (fr)"]


def test_an_unknown_default_language_falls_back_to_the_packs(library):
    plan = plan_export(library, {"assessment": ASSESSMENT, "lang": "tr"})
    assert {form.languages[0] for form in plan.forms} == {"nl"}


def test_every_language_of_pack_and_texts_gets_columns_with_fallback(library, assessment, tmp_path):
    section = assessment.sections[0]
    first = section.items[0]
    arabic = attrs.evolve(
        first,
        text={
            **first.text,
            "parents": ob.LocalizedText({**first.text["parents"], "ar": "أشعر بالترحيب في المدرسة."}),
        },
    )
    changed = attrs.evolve(
        assessment,
        id="voorbeeld/mini-scan-ar",
        sections=(attrs.evolve(section, items=(arabic, section.items[1])),),
    )
    folder = tmp_path / "forms"
    ouderbetrokkenheid_xlsform.XLSFormExporter().export(
        with_assessments(library, changed, languages=("ary",)), folder, {"assessment": changed.id}
    )
    path = folder / "voorbeeld-mini-scan-ar-parents.xlsx"
    header, rows = sheet_records(path, "survey")
    assert header[2:7] == [*COLUMNS.values(), "label::Darija (ary)", "label::العربية (ar)"]
    welkom = next(row for row in rows if row["name"] == "welkom")
    drempel = next(row for row in rows if row["name"] == "drempel")
    assert welkom["label::العربية (ar)"] == "أشعر بالترحيب في المدرسة."
    assert welkom["label::Darija (ary)"] == "أشعر بالترحيب في المدرسة."  # ary falls back to ar
    assert drempel["label::العربية (ar)"] == drempel[COLUMNS["nl"]]  # no Arabic: the pack default
    _, warnings = to_xform(path)
    assert warnings == []


# --- notes and errors ---------------------------------------------------------------------------------


def metadata_only() -> ob.Assessment:
    return ob.Assessment(
        id="voorbeeld/alleen-metadata",
        title=ob.LocalizedText(
            {"nl": "Alleen metadata", "fr": "Seulement des métadonnées", "en": "Metadata only"}
        ),
        provenance=ob.Provenance(source="voorbeeld", status="example-authored-here"),
        content_status="metadata-only",
        known_gaps=ob.LocalizedText({"nl": "De items zijn niet bekend.", "en": "The items are not known."}),
    )


def test_assessments_without_items_are_skipped_with_a_note(library, tmp_path, caplog):
    bigger = with_assessments(library, metadata_only())
    plan = plan_export(bigger, {})
    assert [(note.code, note.severity, note.file) for note in plan.notes] == [
        ("xlsform-skipped", ob.Severity.WARNING, "voorbeeld/alleen-metadata")
    ]
    assert "no items" in plan.notes[0].message
    folder = tmp_path / "forms"
    with caplog.at_level("WARNING", logger="ouderbetrokkenheid_xlsform.exporter"):
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(bigger, folder, {})
    assert not list(folder.glob("*alleen-metadata*"))
    assert len(list(folder.glob("*.xlsx"))) == 2
    assert "'voorbeeld/alleen-metadata' was skipped" in (folder / "README.txt").read_text(encoding="utf-8")
    assert any("alleen-metadata" in record.getMessage() for record in caplog.records)


def test_partial_assessments_are_exported_with_a_note(library, assessment):
    partial = attrs.evolve(assessment, id="voorbeeld/deels", content_status="partial")
    plan = plan_export(with_assessments(library, partial), {"assessment": partial.id})
    assert [form.file_name for form in plan.forms] == [
        "voorbeeld-deels-team.xlsx",
        "voorbeeld-deels-parents.xlsx",
    ]
    assert [note.code for note in plan.notes] == ["xlsform-partial"]
    assert "only the known items" in plan.notes[0].message


def test_asking_for_an_assessment_without_items_is_an_error(library, tmp_path):
    with pytest.raises(ob.ProblemError) as caught:
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(
            with_assessments(library, metadata_only()),
            tmp_path / "forms",
            {"assessment": "voorbeeld/alleen-metadata"},
        )
    assert [problem.code for problem in caught.value.problems] == ["xlsform-no-items"]
    assert not (tmp_path / "forms").exists()


def test_asking_for_a_record_that_is_not_an_assessment_is_an_error(library):
    with pytest.raises(ob.ProblemError) as caught:
        plan_export(library, {"assessment": "voorbeeld/oudercafe"})
    assert [problem.code for problem in caught.value.problems] == ["xlsform-not-an-assessment"]


def test_asking_for_an_unknown_assessment_suggests_ids(library):
    with pytest.raises(ob.UnknownIdError, match="mini-scan"):
        plan_export(library, {"assessment": "voorbeeld/mini-scn"})


@pytest.mark.parametrize("name", ["start", "ob_group"])
def test_an_item_named_like_a_field_of_the_form_is_a_clear_error(library, assessment, name):
    section = assessment.sections[0]
    clash = attrs.evolve(section.items[0], link_id=name)
    changed = attrs.evolve(assessment, sections=(attrs.evolve(section, items=(clash, section.items[1])),))
    with pytest.raises(ob.ProblemError) as caught:
        build_form(library.pack("voorbeeld"), changed, changed.groups[0])
    assert [problem.code for problem in caught.value.problems] == ["xlsform-name-clash"]
    assert name in caught.value.problems[0].message


# --- atomic writing ------------------------------------------------------------------------------------


def test_a_failing_export_leaves_no_partial_folder_and_the_earlier_export_intact(
    library, tmp_path, monkeypatch
):
    from ouderbetrokkenheid_xlsform import exporter as module

    folder = tmp_path / "forms"
    ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, folder, {})
    before = snapshot(folder)
    real = module.write_workbook
    calls = []

    def fail_on_second(form, path):
        calls.append(form.file_name)
        if len(calls) == 2:
            raise OSError("disk full")
        real(form, path)

    monkeypatch.setattr(module, "write_workbook", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, folder, {"lang": "en"})
    assert len(calls) == 2
    assert snapshot(folder) == before
    assert [path.name for path in tmp_path.iterdir()] == ["forms"]  # no temporary folder left
    with pytest.raises(OSError, match="disk full"):
        calls.clear()
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, tmp_path / "new", {})
    assert not (tmp_path / "new").exists()


def test_an_unwritable_destination_fails_without_leaving_anything(library, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, blocker / "forms", {})
    assert [path.name for path in tmp_path.iterdir()] == ["a-file"]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


# --- small helpers -------------------------------------------------------------------------------------


def test_language_column_names():
    assert label_column("nl") == "label::Nederlands (nl)"
    assert label_column("ar", "hint") == "hint::العربية (ar)"
    assert language_name("zgh") == "Tamaziɣt (zgh)"
    assert language_name("ber") == "Tamaziɣt (ber)"
    assert language_name("ary") == "Darija (ary)"
    assert language_name("uk") == "Українська (uk)"
    assert language_name("xh") == "xh (xh)"
    assert language_name("nl-BE") == "Nederlands nl-BE (nl)"


def test_form_ids_are_ascii_short_and_distinct():
    assert form_id("voorbeeld", "mini-scan", "team") == "voorbeeld_mini_scan_team"
    assert form_id("école", "scan.v2", "ouders") == "ecole_scan_v2_ouders"
    long_a = form_id("voorbeeld", "a" * 80 + "-x", "parents")
    long_b = form_id("voorbeeld", "a" * 80 + "-y", "parents")
    assert len(long_a) == len(long_b) == 64
    assert long_a != long_b
    assert all(character.isascii() and (character.isalnum() or character == "_") for character in long_a)


def test_versions_and_xpath_literals():
    assert form_version("1.0") == "1_0"
    assert form_version("2.1+b3") == "2_1_b3"
    assert xpath_literal("voorbeeld/mini-scan") == "'voorbeeld/mini-scan'"
    assert xpath_literal("it's") == '"it\'s"'
    assert xpath_literal("""a'b"c""") == """concat('a', "'", 'b"c')"""


@pytest.mark.parametrize("module", [form_module, languages_module], ids=lambda module: module.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


# --- a KoboToolbox export of the form, and back ----------------------------------------------------------

#: Five made-up submissions to the parents' form: (welkom, drempel).
ANSWERS = (("4", "1"), ("3", "2"), ("4", "na"), ("2", "3"), ("3", "1"))
#: KoboToolbox's own columns after the form's fields (kpi's copy fields), in its order.
KOBO_COLUMNS = (
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
)


def kobo_csv(form: Path) -> str:
    """A CSV export as KoboToolbox makes it ("XML values and headers", groups in headers with ``/``, ``;``
    between every quoted value) of :data:`ANSWERS` submitted to *form*."""
    fields = field_paths(form)
    _, settings = sheet_records(form, "settings")
    _, survey = sheet_records(form, "survey")
    constants = {
        row["name"]: str(row["calculation"]).strip("'") for row in survey if row["type"] == "calculate"
    }
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([*fields, *KOBO_COLUMNS])
    for index, (welkom, drempel) in enumerate(ANSWERS, start=1):
        submission_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{settings[0]['form_id']}/{index}"))
        values = {
            "start": f"2026-11-{index + 9:02d}T19:0{index}:12.000+01:00",
            "end": f"2026-11-{index + 9:02d}T19:1{index}:40.000+01:00",
            "s1/welkom": welkom,
            "s1/drempel": drempel,
            **constants,
            "meta/instanceID": f"uuid:{submission_uuid}",
            "_id": str(410000 + index),
            "_uuid": submission_uuid,
            "_submission_time": f"2026-11-{index + 9:02d}T18:1{index}:41",
            "_validation_status": "",
            "_notes": "",
            "_status": "submitted_via_web",
            "_submitted_by": "",
            "__version__": "vQx7fP3kRb2Lm9sTt4uWc5",
            "_tags": "",
            "_index": str(index),
        }
        writer.writerow([values[column] for column in [*fields, *KOBO_COLUMNS]])
    return buffer.getvalue()


def test_kobo_export_fixture_matches_the_generated_form(exported):
    form = workbook_path(exported, "parents")
    text = kobo_csv(form)
    if os.environ.get(REWRITE_ENV) == "1":
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        FIXTURE.write_bytes(text.encode("utf-8"))
    assert FIXTURE.read_bytes().decode("utf-8") == text, f"the form changed: rerun with {REWRITE_ENV}=1"
    header = next(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[:8] == [
        "start",
        "end",
        "ob_instrument",
        "ob_version",
        "ob_group",
        "s1/welkom",
        "s1/drempel",
        "meta/instanceID",
    ]
    # Every form column is a node of the XForm's instance.
    root, _ = to_xform(form)
    data = root.find(f"{H}head/{XF}model/{XF}instance/{XF}data")
    assert data is not None
    nodes = {path.removeprefix("/") for path in _instance_paths(data, "")}
    assert set(header[:8]) <= nodes


def _instance_paths(element: ET.Element, prefix: str) -> list[str]:
    paths = []
    for child in element:
        name = child.tag.removeprefix(XF)
        path = f"{prefix}/{name}"
        paths.append(path)
        paths.extend(_instance_paths(child, path))
    return paths


def test_kobo_export_imports_back_into_responses(assessment):
    result = read_responses(FIXTURE, assessment, format="kobo")
    # A ResponseSet (columns) or plain Response records, whichever the reader returns.
    responses = list(result.responses()) if hasattr(result, "responses") else list(result)
    assert len(responses) == len(ANSWERS)
    rows = list(csv.DictReader(io.StringIO(FIXTURE.read_text(encoding="utf-8")), delimiter=";"))
    assert {response.respondent for response in responses} == {row["_uuid"] for row in rows}
    by_respondent = {response.respondent: response for response in responses}
    for row, (welkom, drempel) in zip(rows, ANSWERS, strict=True):
        response = by_respondent[row["_uuid"]]
        assert response.assessment == ASSESSMENT
        assert response.version == "1.0"
        assert response.group == "parents"
        assert response.answers == {"welkom": welkom, "drempel": drempel}


# --- parents' home languages: the example instruments ---------------------------------------------------

#: The packs the example instruments are loaded with (they build on 'ref', which builds on the others).
INSTRUMENT_PACKS = (
    "ouderbetrokkenheid_instrumenten",
    "ouderbetrokkenheid_referentie",
    "ouderbetrokkenheid_ocb",
    "ouderbetrokkenheid_vcov",
)
HOME_LANGUAGES = ("ar", "tr", "pl", "ro", "es", "pt", "uk")
NNPS = "instrumenten/partnerschapsmeting"
LUSSE = "instrumenten/succesfactoren-scan"


@pytest.fixture(scope="module")
def instruments(tmp_path_factory) -> tuple[ob.Library, Path]:
    """The example instruments exported as XLSForms (nl default)."""
    from importlib.resources import files

    folders = []
    for module in INSTRUMENT_PACKS:
        try:
            folders.append(Path(str(files(module) / "pack")))
        except ModuleNotFoundError:
            pytest.fail(f"the bundled pack {module} must be installed (pip install -e plugins/...)")
    library = ob.Library.discover(folders, plugins=False)
    folder = tmp_path_factory.mktemp("instruments") / "forms"
    for record in (NNPS, LUSSE):
        ouderbetrokkenheid_xlsform.XLSFormExporter().export(
            library, folder / record.split("/")[1], {"assessment": record}
        )
    return library, folder


def instrument_form(folder: Path, record: str, group: str) -> Path:
    local = record.split("/")[1]
    return folder / local / f"instrumenten-{local}-{group}.xlsx"


@pytest.mark.parametrize("record", [NNPS, LUSSE])
def test_parents_form_carries_the_home_languages_and_the_team_form_does_not(instruments, record):
    _, folder = instruments
    parents, _ = sheet_records(instrument_form(folder, record, "parents"), "survey")
    team, _ = sheet_records(instrument_form(folder, record, "team"), "survey")
    assert parents[2:12] == [label_column(tag) for tag in ("nl", "fr", "en", *HOME_LANGUAGES)]
    assert "label::العربية (ar)" in parents and "label::Українська (uk)" in parents
    assert not any(language_name(tag) in column for tag in HOME_LANGUAGES for column in team)


@pytest.mark.parametrize("record", [NNPS, LUSSE])
def test_the_parents_form_opens_with_the_machine_translation_note_in_each_language(instruments, record):
    library, folder = instruments
    assessment = library.get(record)
    path = instrument_form(folder, record, "parents")
    _, rows = sheet_records(path, "survey")
    kinds = [row["type"] for row in rows]
    assert kinds[:3] == ["start", "end", "note"]  # the first thing a respondent sees
    note = rows[2]
    assert note["name"] == "ob_machine_translation"
    source = assessment.provenance.language
    for tag in ("nl", "fr", "en", *HOME_LANGUAGES):
        text = note[label_column(tag)]
        assert "ouderbetrokkenheid" in text, tag
        if tag == source:  # the source language speaks of the other languages
            assert text.startswith(("The other languages", "De andere talen")), text
    arabic = note[label_column("ar")]
    assert "ترجمة آلية" in arabic  # "machine translation", in Arabic
    assert note[label_column("tr")] != note[label_column("pl")]
    # an item in Arabic is the pack's Arabic wording, not a fallback
    first = assessment.items()[0]
    item = next(row for row in rows if row["name"] == first.link_id)
    assert item[label_column("ar")] == first.text["parents"]["ar"]
    assert item[label_column("uk")] == first.text["parents"]["uk"]


@pytest.mark.parametrize("record", [NNPS, LUSSE])
@pytest.mark.parametrize("group", GROUPS)
def test_instrument_forms_convert_without_warnings(instruments, record, group):
    _, folder = instruments
    root, warnings = to_xform(instrument_form(folder, record, group))
    assert warnings == []
    langs = {t.get("lang") for t in root.iter(f"{XF}translation")}
    expected = {language_name(tag) for tag in ("nl", "fr", "en")}
    if group == "parents":
        expected |= {language_name(tag) for tag in HOME_LANGUAGES}
    assert langs == expected


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java, which is not installed")
def test_odk_validate_accepts_the_parents_form_in_ten_languages(instruments):
    _, folder = instruments
    _, warnings = to_xform(instrument_form(folder, NNPS, "parents"), validate=True)
    assert warnings == []


def test_a_form_without_machine_translations_has_no_note(exported):
    for group in GROUPS:
        _, rows = sheet_records(workbook_path(exported, group), "survey")
        assert "note" not in {row["type"] for row in rows}
