"""Deterministic generator of large, valid content packs for the benchmarks.

A pack holds ``pack.yaml``, one framework (``frameworks.<ext>``, 8 concepts and a collection) and N
resources split over ``records/resources-NNN.<ext>`` files of at most 10,000 resources each (the
loader refuses files over 32 MiB). The JSON and the YAML twin of a pack hold exactly the same data;
:func:`write_pack` checks that by parsing every YAML file back with yaml-rs.

Every resource is valid against the schema and passes the cross-record checks without a warning:
ids are in the pack's namespace, concept references point at the framework's concepts, ``related``
points at earlier resources, every title and summary has all the pack's languages (nl, fr, en).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

NAMESPACE = "bench"
FRAMEWORK_ID = f"{NAMESPACE}/kader"
SOURCE_ID = "bench-src"
CHUNK = 10_000
SEED = 20260601

CONCEPTS = (
    ("ontmoeten", "Ontmoeten", "Se rencontrer", "Meeting"),
    ("informeren", "Informeren", "Informer", "Informing"),
    ("meedenken", "Meedenken", "Réfléchir ensemble", "Thinking along"),
    ("meebeslissen", "Meebeslissen", "Décider ensemble", "Deciding together"),
    ("thuis-leren", "Leren thuis", "Apprendre à la maison", "Learning at home"),
    ("vrijwilligers", "Vrijwilligerswerk", "Bénévolat", "Volunteering"),
    ("gemeenschap", "Samenwerken met de buurt", "Collaborer avec le quartier", "Community collaboration"),
    ("opvoeding", "Opvoedingsondersteuning", "Soutien à la parentalité", "Parenting support"),
)

KINDS = ("book", "brochure", "guide", "research-article", "research-report", "article", "website", "dossier",
         "toolkit", "lesson-package", "instrument", "training", "practice-example", "tip-list")
AUDIENCES = ("school-team", "teacher", "school-leader", "care-staff", "parent", "parent-council", "pupil",
             "partner-organisation", "researcher")
LEVELS = ("vl-kleuter", "vl-lager", "vl-secundair", "vl-okan", "vl-buitengewoon", "fwb-maternel", "fwb-primaire",
          "fwb-secondaire", "fwb-daspa")
THEMES = ("partnership", "home-involvement", "communication", "participation", "parent-organisation", "diversity",
          "multilingualism", "poverty", "reading", "school-career", "wellbeing", "early-childhood", "research")
STATUSES = ("verified", "from-source-document", "secondary-source", "unverified")
LANGUAGES = ("nl", "fr", "en", "ar", "tr", "ary", "nl-BE")

FIRST = ("An", "Bram", "Chaima", "Dirk", "Els", "Fatima", "Geert", "Hanne", "Ilias", "Julie", "Karim", "Lotte",
         "Mehmet", "Nathalie", "Omar", "Pieter", "Rania", "Sofie", "Tom", "Yasmina", "Zeynep", "Marie", "Luc")
LAST = ("Peeters", "Janssens", "El Amrani", "Maes", "Yilmaz", "Dubois", "Claes", "Benali", "Wouters",
        "Lambert", "De Smet", "Öztürk", "Van den Broeck", "Lefèvre", "Mertens", "Haddad", "Goossens")
PUBLISHERS = (
    ("Onderwijscentrum Brussel", "https://www.onderwijscentrumbrussel.be"),
    ("Vlaamse Scholierenkoepel", "https://www.scholierenkoepel.be"),
    ("Koepel van Vlaamse Ouderverenigingen", "https://www.kovo.be"),
    ("Fédération des Associations de Parents", "https://www.fapeo.be"),
    ("Steunpunt Diversiteit en Leren", "https://www.diversiteitenleren.be"),
    ("Uitgeverij Garant", "https://www.garant-uitgevers.be"),
    ("Centrum voor Ouderbetrokkenheid", "https://www.ouderbetrokkenheid.example"),
    ("Ligue des familles", "https://www.laligue.be"),
)
PROVIDERS = ("Obib van OCB", "Bibliotheek Brussel", "Pedagogische begeleidingsdienst")

# (nl, fr, en) phrase triples used to build titles and summaries.
TOPICS = (
    ("het oudergesprek", "l'entretien avec les parents", "the parent conversation"),
    ("huiswerk en thuisbegeleiding", "les devoirs et l'aide à la maison", "homework and support at home"),
    ("meertalige gezinnen", "les familles plurilingues", "multilingual families"),
    ("het oudercafé", "le café des parents", "the parents' café"),
    ("de ouderraad", "l'association de parents", "the parent council"),
    ("voorlezen met kleuters", "la lecture aux tout-petits", "reading aloud to toddlers"),
    ("de eerste schooldag", "le premier jour d'école", "the first school day"),
    ("kansarmoede en school", "la précarité et l'école", "poverty and school"),
    ("de overgang naar het secundair", "le passage au secondaire", "the move to secondary school"),
    ("brugfiguren", "les médiateurs scolaires", "bridge workers"),
    ("oudercontact in de OKAN-klas", "le contact avec les parents en DASPA", "parent contact in reception classes"),
    ("digitale communicatie", "la communication numérique", "digital communication"),
)
ANGLES = (
    ("een praktische gids", "un guide pratique", "a practical guide"),
    ("tips voor het schoolteam", "des conseils pour l'équipe", "tips for the school team"),
    ("wat onderzoek zegt", "ce que dit la recherche", "what research says"),
    ("ervaringen uit Brussel", "des expériences bruxelloises", "experiences from Brussels"),
    ("een stappenplan", "un plan par étapes", "a step-by-step plan"),
    ("vormingsaanbod", "une offre de formation", "a training offer"),
)
SENTENCES = (
    ("Deze bron beschrijft hoe scholen {t} kunnen aanpakken, met voorbeelden uit de praktijk.",
     "Cette ressource décrit comment les écoles peuvent aborder {t}, avec des exemples concrets.",
     "This resource describes how schools can approach {t}, with examples from practice."),
    ("Ze is bedoeld voor leraren, directies en ouders die samen willen werken.",
     "Elle s'adresse aux enseignants, aux directions et aux parents qui veulent collaborer.",
     "It is meant for teachers, school leaders and parents who want to work together."),
    ("Het materiaal bevat gesprekskaarten, een checklist en een korte handleiding.",
     "Le matériel comprend des cartes de discussion, une liste de contrôle et un court mode d'emploi.",
     "The material includes conversation cards, a checklist and a short manual."),
    ("De auteurs vertrekken van de vraag wat ouders zelf belangrijk vinden.",
     "Les auteurs partent de ce que les parents eux-mêmes jugent important.",
     "The authors start from what parents themselves find important."),
    ("Er is aandacht voor gezinnen die de schooltaal nog niet goed spreken.",
     "Une attention particulière est portée aux familles qui maîtrisent peu la langue de l'école.",
     "There is attention for families who do not yet speak the school language well."),
)


def manifest() -> dict[str, Any]:
    return {
        "name": NAMESPACE,
        "version": "1.0.0",
        "title": {"nl": "Benchmarkpakket", "fr": "Paquet de test de performance", "en": "Benchmark pack"},
        "summary": {"nl": "Gegenereerde records om het laden te meten.",
                    "fr": "Des enregistrements générés pour mesurer le chargement.",
                    "en": "Generated records to measure loading."},
        "publisher": {"name": "ouderbetrokkenheid benchmarks", "kind": "organisation"},
        "licence": "CC0-1.0",
        "languages": ["nl", "fr", "en"],
        "sources": [{"id": SOURCE_ID, "title": "Generated benchmark data", "publisher": "ouderbetrokkenheid",
                     "year": 2026, "retrieved": "2026-06-01"}],
    }


def framework() -> dict[str, Any]:
    concepts = [
        {"id": f"{FRAMEWORK_ID}#{code}", "label": {"nl": nl, "fr": fr, "en": en}, "notation": str(index + 1)}
        for index, (code, nl, fr, en) in enumerate(CONCEPTS)
    ]
    concepts[2]["broader"] = f"{FRAMEWORK_ID}#informeren"
    concepts[3]["broader"] = f"{FRAMEWORK_ID}#meedenken"
    return {
        "id": FRAMEWORK_ID,
        "title": {"nl": "Benchmarkkader", "fr": "Cadre de test", "en": "Benchmark framework"},
        "summary": {"nl": "Acht vormen van samenwerking.", "fr": "Huit formes de collaboration.",
                    "en": "Eight forms of collaboration."},
        "year": 2026,
        "concepts": concepts,
        "collections": [{
            "id": f"{FRAMEWORK_ID}#ladder", "label": {"nl": "Ladder", "fr": "Échelle", "en": "Ladder"},
            "ordered": True, "members": [c["id"] for c in concepts[:4]],
        }],
        "themes": ["partnership", "participation"],
        "provenance": {"source": SOURCE_ID, "status": "example-authored-here"},
    }


def resource_id(index: int) -> str:
    return f"{NAMESPACE}/r-{index:06d}"


def resource(rng: random.Random, index: int) -> dict[str, Any]:
    """One realistic resource (~1.3 KB as JSON, 15-18 fields)."""
    topic = rng.choice(TOPICS)
    angle = rng.choice(ANGLES)
    sentences = rng.sample(SENTENCES, rng.randint(2, 3))
    title = {lang: f"{topic[i][0].upper()}{topic[i][1:]}: {angle[i]}" for i, lang in enumerate(("nl", "fr", "en"))}
    summary = {lang: " ".join(s[i].format(t=topic[i]) for s in sentences) for i, lang in enumerate(("nl", "fr", "en"))}
    publisher_name, publisher_url = rng.choice(PUBLISHERS)
    slug = f"r-{index:06d}"
    links: list[dict[str, Any]] = [{
        "access": rng.choice(("online", "download")),
        "url": f"{publisher_url}/publicaties/{slug}{rng.choice(('', '.pdf', '/index.html'))}",
        "languages": ["nl"],
    }]
    if rng.random() < 0.4:
        links.append({"access": "lend", "url": f"https://bib.example.be/catalogus/{slug}",
                      "provider": rng.choice(PROVIDERS)})
    record: dict[str, Any] = {
        "id": resource_id(index),
        "kind": rng.choice(KINDS),
        "title": title,
        "summary": summary,
        "authors": [{"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "kind": "person"}
                    for _ in range(rng.randint(1, 3))],
        "publisher": [{"name": publisher_name, "url": publisher_url}],
        "year": rng.randint(1995, 2025),
        "languages": rng.sample(LANGUAGES, rng.randint(1, 3)),
        "audiences": rng.sample(AUDIENCES, rng.randint(1, 3)),
        "levels": rng.sample(LEVELS, rng.randint(1, 3)),
        "themes": rng.sample(THEMES, rng.randint(1, 3)),
        "concepts": [f"{FRAMEWORK_ID}#{c[0]}" for c in rng.sample(CONCEPTS, rng.randint(0, 2))],
        "links": links,
        "free": rng.random() < 0.7,
    }
    if rng.random() < 0.2:
        record["isbn"] = f"978{rng.randint(0, 999_999_999):09d}{rng.randint(0, 9)}"
    if rng.random() < 0.3:
        record["licence"] = rng.choice(("CC-BY-4.0", "CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by/4.0/"))
    if index > 0 and rng.random() < 0.3:
        record["related"] = [resource_id(rng.randrange(index))]
    if not record["concepts"]:
        del record["concepts"]
    record["provenance"] = {
        "source": SOURCE_ID,
        "status": rng.choice(STATUSES),
        "locator": f"p. {rng.randint(1, 300)}",
        "translations": [
            {"language": "fr", "method": rng.choice(("human", "machine")), "by": "ouderbetrokkenheid project"},
            {"language": "en", "method": "machine"},
        ],
    }
    return record


def resources(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [resource(rng, index) for index in range(n)]


# -- a small block-style YAML writer (PyYAML's dumper takes minutes for 100k records) ------------
_PLAIN_BLOCK = re.compile(r"^[A-Za-zÀ-ÿ][^:#,\[\]{}\"`\n]*$")
_PLAIN_FLOW = re.compile(r"^[A-Za-z][A-Za-z0-9._/#-]*$")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})


def _scalar(value: Any, flow: bool = False) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    plain = (_PLAIN_FLOW if flow else _PLAIN_BLOCK).match(value)
    if plain and value.lower() not in _RESERVED and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def _mapping(data: dict[str, Any], indent: int, out: list[str], first: str | None = None) -> None:
    pad = " " * indent
    for position, (key, value) in enumerate(data.items()):
        prefix = first if position == 0 and first is not None else pad
        if isinstance(value, dict):
            out.append(f"{prefix}{key}:")
            _mapping(value, indent + 2, out)
        elif isinstance(value, list):
            if all(not isinstance(item, dict | list) for item in value):
                out.append(f"{prefix}{key}: [{', '.join(_scalar(item, flow=True) for item in value)}]")
            else:
                out.append(f"{prefix}{key}:")
                for item in value:
                    _mapping(item, indent + 4, out, first=" " * (indent + 2) + "- ")
        else:
            out.append(f"{prefix}{key}: {_scalar(value)}")


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML, as people write it (flow lists for short code lists)."""
    out: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{key}:")
            for item in value:
                _mapping(item, 4, out, first="  - ")
        else:
            _mapping({key: value}, 0, out)
    return "\n".join(out) + "\n"


def _write(path: Path, data: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        import orjson

        path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    else:
        text = to_yaml(data)
        import yaml_rs

        if yaml_rs.loads(text, parse_datetime=False) != data:  # the YAML twin must hold the same data
            raise AssertionError(f"the YAML writer changed the data of {path}")
        path.write_text(text, encoding="utf-8")


def write_pack(folder: Path, n: int, fmt: str, records: list[dict[str, Any]] | None = None) -> Path:
    """Write a pack of *n* resources in *fmt* (``json`` or ``yaml``) into *folder*; return *folder*."""
    ext = "json" if fmt == "json" else "yaml"
    records = resources(n) if records is None else records
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records").mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text(to_yaml(manifest()), encoding="utf-8")
    _write(folder / f"frameworks.{ext}", {"frameworks": [framework()]}, fmt)
    for number, start in enumerate(range(0, n, CHUNK)):
        _write(folder / "records" / f"resources-{number:03d}.{ext}", {"resources": records[start:start + CHUNK]}, fmt)
    (folder / ".complete").write_text(f"{n} {fmt}\n", encoding="utf-8")
    return folder


def is_complete(base: Path, n: int, fmt: str) -> bool:
    """Whether *base* already holds the complete pack of *n* resources in *fmt*."""
    marker = base / f"pack-{n}-{fmt}" / ".complete"
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == f"{n} {fmt}"


def ensure_pack(base: Path, n: int, fmt: str, records: list[dict[str, Any]] | None = None) -> Path:
    """The pack of *n* resources in *fmt* under *base*, written unless a complete one is there."""
    folder = base / f"pack-{n}-{fmt}"
    if is_complete(base, n, fmt):
        return folder
    return write_pack(folder, n, fmt, records)


def data_files(folder: Path) -> tuple[Path, list[Path]]:
    """The manifest and the data files of a generated pack, in the loader's order."""
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".yaml") and p.name != "pack.yaml")
    return folder / "pack.yaml", files
