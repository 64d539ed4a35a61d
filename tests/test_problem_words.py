"""Every mistake answered in the user's language: the messages and hints of problems (a pack, responses,
a result, a file), the schemas' titles and the exporters' descriptions come from the word catalogue and
are said in the interface language; the fields (paths, ids, values) are filled in as they are."""

import json
import pickle
import shutil
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main
from ouderbetrokkenheid.cli.commands import SCHEMA_TITLES
from ouderbetrokkenheid.errors import Phrase, in_words
from ouderbetrokkenheid.i18n import words
from ouderbetrokkenheid.validation.schema_check import PATTERN_DESCRIPTIONS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "voorbeeldpack"


@pytest.fixture
def broken(tmp_path):
    """The example pack with a field that does not exist and an id outside the pack's namespace."""
    pack = tmp_path / "kapot"
    shutil.copytree(EXAMPLE, pack)
    records = pack / "records.yaml"
    text = records.read_text("utf-8")
    text = text.replace("    kind: practice-example\n", "    kind: practice-example\n    kleur: rood\n", 1)
    text = text.replace("id: voorbeeld/ontmoeten-contact", "id: andere/ontmoeten-contact", 1)
    records.write_text(text, "utf-8")
    return pack


def _clean_locale(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "fout[schema-additional] onbekend veld 'kleur'",
                "    tip: Toegelaten velden hier: audiences,",
                "fout[foreign-namespace] id 'andere/ontmoeten-contact' valt niet onder de namespace 'voorbeeld' "
                "van dit pakket",
                "    tip: Laat de id beginnen met 'voorbeeld/'.",
            ],
        ),
        (
            "fr",
            [
                "erreur[schema-additional] champ inconnu « kleur »",
                "    conseil: Champs admis ici : audiences,",
                "erreur[foreign-namespace] l'id « andere/ontmoeten-contact » n'est pas dans l'espace de noms "
                "« voorbeeld » de ce paquet",
                "    conseil: Commencez l'id par « voorbeeld/ ».",
            ],
        ),
        (
            "en",
            [
                "error[schema-additional] unknown field 'kleur'",
                "    hint: Allowed fields here: audiences,",
                "error[foreign-namespace] id 'andere/ontmoeten-contact' is not in this pack's namespace 'voorbeeld'",
                "    hint: Start the id with 'voorbeeld/'.",
            ],
        ),
    ],
)
def test_validate_says_the_problems_in_the_users_language(monkeypatch, capsys, broken, lang, expected):
    _clean_locale(monkeypatch)
    assert main(["--lang", lang, "validate", "--no-plugins", str(broken)]) == 1
    err = capsys.readouterr().err
    for text in expected:
        assert text in err, (text, err)
    assert f"{broken / 'records.yaml'}:" in err  # the path as it is, never translated


def test_the_locale_chooses_the_language_of_the_problems_too(monkeypatch, capsys, broken):
    _clean_locale(monkeypatch)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert main(["validate", "--no-plugins", str(broken)]) == 1
    assert "champ inconnu « kleur »" in capsys.readouterr().err


def test_json_problems_keep_english_and_code_and_add_the_localized_words(monkeypatch, capsys, broken):
    _clean_locale(monkeypatch)
    assert main(["--lang", "nl", "--format", "json", "validate", "--no-plugins", str(broken)]) == 1
    out = json.loads(capsys.readouterr().out)
    first = next(p for p in out["problems"] if p["code"] == "schema-additional")
    assert first["message"] == "unknown field 'kleur'"  # stable: the English, as ob.Problem.message
    assert first["hint"].startswith("Allowed fields here: audiences,")
    assert first["localized"]["lang"] == "nl"
    assert first["localized"]["message"] == "onbekend veld 'kleur'"
    assert first["localized"]["hint"].startswith("Toegelaten velden hier: audiences,")
    assert set(first) == {
        "code",
        "severity",
        "message",
        "hint",
        "file",
        "line",
        "column",
        "pointer",
        "localized",
    }


def test_response_problems_in_dutch(monkeypatch, capsys, tmp_path):
    _clean_locale(monkeypatch)
    answers = tmp_path / "antwoorden.csv"
    answers.write_text("respondent,group,welkom,drempel\np1,parents,9,2\np2,ouders,1,1\n", "utf-8")
    code = main(["--lang", "nl", "score", "voorbeeld/mini-scan", str(answers), "--path", str(EXAMPLE)])
    assert code == 1
    err = capsys.readouterr().err
    assert "antwoord '9' op vraag 'welkom' staat niet op schaal 'agree' (kolom 'welkom')" in err
    assert "tip: Geef een van de antwoordcodes: 1, 2, 3, 4, na." in err
    assert "voorbeeld/mini-scan heeft geen doelgroep 'ouders' (kolom 'group')" in err


def test_a_file_problem_in_french(monkeypatch, capsys, tmp_path):
    _clean_locale(monkeypatch)
    missing = tmp_path / "absent.csv"
    assert main(["--lang", "fr", "score", "voorbeeld/mini-scan", str(missing), "--path", str(EXAMPLE)]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: erreur[path-not-found] le fichier de réponses n'existe pas" in err
    assert "conseil: Vérifiez le chemin." in err


def test_a_result_that_does_not_fit_in_french(monkeypatch, capsys, tmp_path):
    _clean_locale(monkeypatch)
    answers = tmp_path / "a.csv"
    rows = "".join(f"p{i},parents,{1 + i % 4},2\n" for i in range(6))
    answers.write_text("respondent,group,welkom,drempel\n" + rows, "utf-8")
    assert (
        main(["--format", "json", "score", "voorbeeld/mini-scan", str(answers), "--path", str(EXAMPLE)]) == 0
    )
    result = json.loads(capsys.readouterr().out)
    result["version"] = "0.1"
    (tmp_path / "r.json").write_text(json.dumps(result), "utf-8")
    argv = [
        "--lang",
        "fr",
        "report",
        "voorbeeld/mini-scan",
        str(tmp_path / "r.json"),
        "--out",
        str(tmp_path / "r.md"),
    ]
    assert main([*argv, "--path", str(EXAMPLE)]) == 1
    err = capsys.readouterr().err
    assert "le résultat concerne la version « 0.1 » de voorbeeld/mini-scan" in err
    assert not (tmp_path / "r.md").exists()


# -- the phrase: English, with its msgid and fields ------------------------------------------------


def test_a_phrase_is_its_english_text_and_keeps_msgid_and_fields():
    text = Phrase("the {what} does not exist", what=Phrase("responses file"))
    assert text == "the responses file does not exist"
    assert isinstance(text, str)
    assert in_words(text, words("fr")) == "le fichier de réponses n'existe pas"  # the field translated too
    assert in_words(text, words("nl")) == "antwoordenbestand bestaat niet"


def test_fields_that_are_not_phrases_are_never_translated():
    # "file" is a word of the catalogue, but as a plain field it is data (a name the user gave)
    text = Phrase("the {what} does not exist", what="file")
    assert in_words(text, words("fr")) == "le file n'existe pas"


def test_a_plain_msgid_is_translated_and_other_text_is_kept():
    assert in_words("Check the path.", words("nl")) == "Kijk het pad na."
    assert in_words("not a msgid of ours", words("nl")) == "not a msgid of ours"
    assert in_words("", words("nl")) == ""


def test_a_translation_with_broken_fields_falls_back_to_the_english():
    class Broken:
        def gettext(self, message):
            return "{nope} kapot"

    assert in_words(Phrase("{n} files", n=3), Broken()) == "3 files"


def test_a_phrase_survives_the_cache(tmp_path):
    """Problems are pickled with the loaded packs (catalog/cache.py): the msgid and fields come back."""
    problem = ob.Problem(
        code="syntax",
        severity=ob.Severity.ERROR,
        message=Phrase("malformed YAML: {detail}", detail="x"),
        hint="Check the path.",
        file=Phrase("folder {folder}", folder="/tmp/x"),
    )
    again = pickle.loads(pickle.dumps(problem, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == problem
    assert again.in_words(words("fr")) == ("YAML mal formé : x", "Vérifiez le chemin.")
    assert again.location(words("nl")) == "map /tmp/x"


def test_an_error_whose_message_is_a_phrase_is_said_in_the_users_language():
    error = ob.OuderbetrokkenheidError(Phrase("'{tag}' is not a language tag (nl, fr, en, ar ...)", tag="x"))
    assert str(error) == "'x' is not a language tag (nl, fr, en, ar ...)"
    assert error.in_words(words("fr")) == "« x » n'est pas une étiquette de langue (nl, fr, en, ar ...)"


# -- schemas' titles and exporters' descriptions ----------------------------------------------------


def test_the_schema_titles_marked_for_the_catalogue_are_the_schemas_titles():
    titles = {ob.schema.load_schema(kind).get("title", "") for kind in ob.schema.KINDS}
    assert titles == set(SCHEMA_TITLES)


def test_the_pattern_descriptions_marked_for_the_catalogue_are_the_schemas_descriptions():
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if "pattern" in node and "description" in node:
                found.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind in ob.schema.KINDS:
        walk(ob.schema.load_schema(kind))
    assert found == set(PATTERN_DESCRIPTIONS)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_schemas_and_exporters_are_listed_in_the_users_language(monkeypatch, capsys, lang):
    _clean_locale(monkeypatch)
    assert main(["--lang", lang, "schemas"]) == 0
    out = capsys.readouterr().out
    assert {"nl": "Manifest van een inhoudspakket", "fr": "Manifeste d'un paquet de contenu"}[lang] in out
    assert "Content pack manifest" not in out
    assert main(["--lang", lang, "export", "--list"]) == 0
    out = capsys.readouterr().out
    for name, (_, exporter) in ob.get_plugin_manager().exporters().items():
        said = words(lang).gettext(exporter.description)
        assert said != exporter.description, name  # every bundled exporter has words in nl and fr
        assert said in out


def test_json_of_schemas_keeps_the_titles_as_the_schemas_have_them(monkeypatch, capsys):
    _clean_locale(monkeypatch)
    assert main(["--lang", "nl", "--format", "json", "schemas"]) == 0
    rows = json.loads(capsys.readouterr().out)["schemas"]
    assert {row["title"] for row in rows} == set(SCHEMA_TITLES)


def test_an_error_of_new_pack_in_dutch(monkeypatch, capsys, tmp_path):
    _clean_locale(monkeypatch)
    assert main(["--lang", "nl", "new-pack", "Slechte Naam", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ouderbetrokkenheid: fout: 'Slechte Naam' is geen geldige pakketnaam")
    assert list(tmp_path.iterdir()) == []


def test_an_operating_system_error_is_said_in_the_users_words():
    """strerror is the C library's English: the common reasons have words in the catalogue."""
    import errno

    from ouderbetrokkenheid.loading.files import os_error_problem

    problem = os_error_problem(OSError(errno.ENOSPC, "No space left on device", "/x/out.json"), writing=True)
    assert problem.message == "cannot be written: no space left on the disk"
    assert problem.in_words(words("nl")) == (
        "kan niet geschreven worden: geen ruimte meer op de schijf",
        "De schijf is vol: maak plaats vrij, of schrijf ergens anders.",
    )
    odd = os_error_problem(OSError(errno.EBUSY, "Device or resource busy", "/x"))
    # a reason without words of ours is shown as the system gives it
    assert odd.in_words(words("fr"))[0] == "impossible de lire : Device or resource busy"


def test_writing_under_a_file_fails_in_french(monkeypatch, capsys, tmp_path):
    _clean_locale(monkeypatch)
    (tmp_path / "gewoon-bestand").write_text("x", "utf-8")
    out = tmp_path / "gewoon-bestand" / "schema"
    assert main(["--lang", "fr", "schemas", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "erreur[os-error] impossible d'écrire : pas un dossier" in err
    assert "conseil: Une partie du chemin est un fichier, pas un dossier." in err
