"""The workbook in LibreOffice (headless): the template opens and converts without errors, and a pack
saved by LibreOffice as .ods (and as .csv) imports back to equal records."""

import os
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.sheets import check_workbook, write_template, write_workbook

from .conftest import EXAMPLE_PACK

pytestmark = pytest.mark.libreoffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def soffice():
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run these tests"
        )
    return SOFFICE


def _convert(soffice, source, to, out_dir, tmp_path):
    """Convert *source* with LibreOffice headless; return the result and what LibreOffice printed."""
    profile = tmp_path / "lo-profile"
    environment = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=environment,
    )


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_template_opens_in_libreoffice(soffice, tmp_path, lang):
    template = tmp_path / f"sjabloon-{lang}.xlsx"
    write_template(template, lang)
    out = tmp_path / "out"
    completed = _convert(soffice, template, "ods", out, tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "error" not in completed.stderr.lower(), completed.stderr
    converted = out / f"sjabloon-{lang}.ods"
    assert converted.is_file() and converted.stat().st_size > 0
    # and back to xlsx: the sheets, headers and drop-down lists survive LibreOffice
    again = _convert(soffice, converted, "xlsx", tmp_path / "again", tmp_path)
    assert again.returncode == 0, again.stderr
    original, round_tripped = load_workbook(template), load_workbook(tmp_path / "again" / template.name)
    assert round_tripped.sheetnames == original.sheetnames
    for name in original.sheetnames:
        assert [c.value for c in round_tripped[name][1]] == [c.value for c in original[name][1]], name
    first = original.sheetnames[2]
    assert len(round_tripped[first].data_validations.dataValidation) >= 1


def test_csv_of_the_first_sheet(soffice, tmp_path):
    template = tmp_path / "sjabloon.xlsx"
    write_template(template, "nl")
    completed = _convert(soffice, template, "csv", tmp_path / "csv", tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "csv" / "sjabloon.csv").read_text(encoding="utf-8").startswith("veld,waarde")


def test_a_pack_saved_by_libreoffice_as_ods_imports_back(soffice, tmp_path):
    pack = ob.load_pack(EXAMPLE_PACK)
    workbook = tmp_path / "pakket.xlsx"
    write_workbook(workbook, pack, "nl")
    completed = _convert(soffice, workbook, "ods", tmp_path / "ods", tmp_path)
    assert completed.returncode == 0, completed.stderr
    result = check_workbook(tmp_path / "ods" / "pakket.ods")
    assert not [p for p in result.report.problems if p.is_error], result.report.problems[:3]
    assert result.pack == pack
