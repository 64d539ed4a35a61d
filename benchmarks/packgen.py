"""Deterministic generator of large, valid content packs for the benchmarks.

A pack holds ``pack.yaml``, one framework (``frameworks.<ext>``, 8 concepts and a collection) and N
resources split over ``records/resources-NNN.<ext>`` files of at most 10,000 resources each (the
loader refuses files over 32 MiB). The JSON and the YAML twin of a pack hold exactly the same data;
:func:`write_pack` checks that by parsing every YAML file back with yaml-rs.

Every resource is valid against the schema and passes the cross-record checks without a warning:
ids are in the pack's namespace, concept references point at the framework's concepts, ``related``
points at earlier resources, every title and summary has all the pack's languages (nl, fr, en).

:func:`realistic_pack` writes packs shaped like the bundled ones (several frameworks, crosswalks,
findings, parts, common and rare concepts ...; see its section below and benchmarks/README.md).
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

KINDS = (
    "book",
    "brochure",
    "guide",
    "research-article",
    "research-report",
    "article",
    "website",
    "dossier",
    "toolkit",
    "lesson-package",
    "instrument",
    "training",
    "practice-example",
    "tip-list",
)
AUDIENCES = (
    "school-team",
    "teacher",
    "school-leader",
    "care-staff",
    "parent",
    "parent-council",
    "pupil",
    "partner-organisation",
    "researcher",
)
LEVELS = (
    "vl-kleuter",
    "vl-lager",
    "vl-secundair",
    "vl-okan",
    "vl-buitengewoon",
    "fwb-maternel",
    "fwb-primaire",
    "fwb-secondaire",
    "fwb-daspa",
)
THEMES = (
    "partnership",
    "home-involvement",
    "communication",
    "participation",
    "parent-organisation",
    "diversity",
    "multilingualism",
    "poverty",
    "reading",
    "school-career",
    "wellbeing",
    "early-childhood",
    "research",
)
STATUSES = ("verified", "from-source-document", "secondary-source", "unverified")
LANGUAGES = ("nl", "fr", "en", "ar", "tr", "ary", "nl-BE")

FIRST = (
    "An",
    "Bram",
    "Chaima",
    "Dirk",
    "Els",
    "Fatima",
    "Geert",
    "Hanne",
    "Ilias",
    "Julie",
    "Karim",
    "Lotte",
    "Mehmet",
    "Nathalie",
    "Omar",
    "Pieter",
    "Rania",
    "Sofie",
    "Tom",
    "Yasmina",
    "Zeynep",
    "Marie",
    "Luc",
)
LAST = (
    "Peeters",
    "Janssens",
    "El Amrani",
    "Maes",
    "Yilmaz",
    "Dubois",
    "Claes",
    "Benali",
    "Wouters",
    "Lambert",
    "De Smet",
    "Öztürk",
    "Van den Broeck",
    "Lefèvre",
    "Mertens",
    "Haddad",
    "Goossens",
)
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
    (
        "oudercontact in de OKAN-klas",
        "le contact avec les parents en DASPA",
        "parent contact in reception classes",
    ),
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
    (
        "Deze bron beschrijft hoe scholen {t} kunnen aanpakken, met voorbeelden uit de praktijk.",
        "Cette ressource décrit comment les écoles peuvent aborder {t}, avec des exemples concrets.",
        "This resource describes how schools can approach {t}, with examples from practice.",
    ),
    (
        "Ze is bedoeld voor leraren, directies en ouders die samen willen werken.",
        "Elle s'adresse aux enseignants, aux directions et aux parents qui veulent collaborer.",
        "It is meant for teachers, school leaders and parents who want to work together.",
    ),
    (
        "Het materiaal bevat gesprekskaarten, een checklist en een korte handleiding.",
        "Le matériel comprend des cartes de discussion, une liste de contrôle et un court mode d'emploi.",
        "The material includes conversation cards, a checklist and a short manual.",
    ),
    (
        "De auteurs vertrekken van de vraag wat ouders zelf belangrijk vinden.",
        "Les auteurs partent de ce que les parents eux-mêmes jugent important.",
        "The authors start from what parents themselves find important.",
    ),
    (
        "Er is aandacht voor gezinnen die de schooltaal nog niet goed spreken.",
        "Une attention particulière est portée aux familles qui maîtrisent peu la langue de l'école.",
        "There is attention for families who do not yet speak the school language well.",
    ),
)


def manifest() -> dict[str, Any]:
    return {
        "name": NAMESPACE,
        "version": "1.0.0",
        "title": {"nl": "Benchmarkpakket", "fr": "Paquet de test de performance", "en": "Benchmark pack"},
        "summary": {
            "nl": "Gegenereerde records om het laden te meten.",
            "fr": "Des enregistrements générés pour mesurer le chargement.",
            "en": "Generated records to measure loading.",
        },
        "publisher": {"name": "ouderbetrokkenheid benchmarks", "kind": "organisation"},
        "licence": "CC0-1.0",
        "languages": ["nl", "fr", "en"],
        "sources": [
            {
                "id": SOURCE_ID,
                "title": "Generated benchmark data",
                "publisher": "ouderbetrokkenheid",
                "year": 2026,
                "retrieved": "2026-06-01",
            }
        ],
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
        "summary": {
            "nl": "Acht vormen van samenwerking.",
            "fr": "Huit formes de collaboration.",
            "en": "Eight forms of collaboration.",
        },
        "year": 2026,
        "concepts": concepts,
        "collections": [
            {
                "id": f"{FRAMEWORK_ID}#ladder",
                "label": {"nl": "Ladder", "fr": "Échelle", "en": "Ladder"},
                "ordered": True,
                "members": [c["id"] for c in concepts[:4]],
            }
        ],
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
    title = {
        lang: f"{topic[i][0].upper()}{topic[i][1:]}: {angle[i]}" for i, lang in enumerate(("nl", "fr", "en"))
    }
    summary = {
        lang: " ".join(s[i].format(t=topic[i]) for s in sentences)
        for i, lang in enumerate(("nl", "fr", "en"))
    }
    publisher_name, publisher_url = rng.choice(PUBLISHERS)
    slug = f"r-{index:06d}"
    links: list[dict[str, Any]] = [
        {
            "access": rng.choice(("online", "download")),
            "url": f"{publisher_url}/publicaties/{slug}{rng.choice(('', '.pdf', '/index.html'))}",
            "languages": ["nl"],
        }
    ]
    if rng.random() < 0.4:
        links.append(
            {
                "access": "lend",
                "url": f"https://bib.example.be/catalogus/{slug}",
                "provider": rng.choice(PROVIDERS),
            }
        )
    record: dict[str, Any] = {
        "id": resource_id(index),
        "kind": rng.choice(KINDS),
        "title": title,
        "summary": summary,
        "authors": [
            {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "kind": "person"}
            for _ in range(rng.randint(1, 3))
        ],
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
        record["licence"] = rng.choice(
            ("CC-BY-4.0", "CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by/4.0/")
        )
    if index > 0 and rng.random() < 0.3:
        record["related"] = [resource_id(rng.randrange(index))]
    if not record["concepts"]:
        del record["concepts"]
    record["provenance"] = {
        "source": SOURCE_ID,
        "status": rng.choice(STATUSES),
        "locator": f"p. {rng.randint(1, 300)}",
        "translations": [
            {
                "language": "fr",
                "method": rng.choice(("human", "machine")),
                "by": "ouderbetrokkenheid project",
            },
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
        _write(
            folder / "records" / f"resources-{number:03d}.{ext}",
            {"resources": records[start : start + CHUNK]},
            fmt,
        )
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


# -- realistic packs: shaped like the bundled ones ----------------------------------------------------
#
# The thin pack above has one framework and a few fields per resource. A realistic pack is shaped like
# the bundled packs (plugins/*/src/*/pack): several frameworks with nested concepts and an ordered
# collection, crosswalk mappings between their concepts, resources with people and organisations as
# authors, one or two publishers, a subtitle or an edition now and then, concepts of several
# frameworks (some far more common than others), themes, related resources, chapters that are part of
# a whole, links, provenance with a source language, machine and human translations and a note, and
# findings that cite resources and report effects of an edition. The words are generated (the phrase
# tables above); the shape, not the content, is copied from the bundled packs.

#: (framework code, (nl, fr, en) title, concept codes) of the realistic pack's frameworks.
REALISTIC_FRAMEWORKS = (
    ("kader", ("Benchmarkkader", "Cadre de test", "Benchmark framework"), tuple(c[0] for c in CONCEPTS)),
    (
        "ladder",
        ("Participatieladder", "Échelle de participation", "Participation ladder"),
        ("informatie", "consultatie", "advies", "coproductie", "zeggenschap"),
    ),
    (
        "uitkomsten",
        ("Uitkomsten voor leerlingen", "Résultats pour les élèves", "Outcomes for pupils"),
        ("welbevinden", "werkhouding", "sociaal", "cognitief", "prestaties", "schoolloopbaan"),
    ),
    (
        "factoren",
        ("Succesfactoren", "Facteurs de réussite", "Success factors"),
        (
            "cluster-a",
            "welkom",
            "kennismaken",
            "contact",
            "cluster-b",
            "gesprek",
            "afspraken",
            "cluster-c",
            "verwachtingen",
            "toekomst",
        ),
    ),
)
#: Crosswalk predicates as the bundled crosswalks use them.
PREDICATES = ("exact", "close", "broad", "narrow", "related")
REALISTIC_LANGUAGES = ("nl", "fr", "en", "ar", "tr", "ary", "nl-BE", "pl", "ro", "bg", "es", "de")
ORGANISATIONS = tuple(name for name, _ in PUBLISHERS)
EDITIONS = ("2e druk", "herziene uitgave", "version 1.4", "3e editie")
METRICS = ("cohens-d", "hedges-g", "correlation-r")
TRANSLATOR = "ouderbetrokkenheid project"


def _concept_ids() -> list[str]:
    return [
        f"{NAMESPACE}/{code}#{concept}" for code, _, concepts in REALISTIC_FRAMEWORKS for concept in concepts
    ]


def realistic_frameworks(n: int) -> list[dict[str, Any]]:
    """The realistic pack's frameworks: nested concepts (a cluster is broader than what follows it),
    each described in one of the first resources of a pack of *n*."""
    out = []
    for number, (code, (nl, fr, en), codes) in enumerate(REALISTIC_FRAMEWORKS):
        framework_id = f"{NAMESPACE}/{code}"
        concepts: list[dict[str, Any]] = []
        cluster = None
        for index, concept in enumerate(codes):
            topic = TOPICS[(index + number) % len(TOPICS)]
            item: dict[str, Any] = {
                "id": f"{framework_id}#{concept}",
                "notation": str(index + 1),
                "label": {
                    "nl": f"{concept.capitalize()}: {topic[0]}",
                    "fr": f"{concept.capitalize()} : {topic[1]}",
                    "en": f"{concept.capitalize()}: {topic[2]}",
                },
            }
            if concept.startswith("cluster-"):
                cluster = item["id"]
            elif cluster is not None:
                item["broader"] = cluster
            concepts.append(item)
        framework: dict[str, Any] = {
            "id": framework_id,
            "title": {"nl": nl, "fr": fr, "en": en},
            "summary": {
                lang: " ".join(s[i].format(t=TOPICS[number][i]) for s in SENTENCES[:2])
                for i, lang in enumerate(("nl", "fr", "en"))
            },
            "authors": [{"name": f"{FIRST[number]} {LAST[number]}", "kind": "person"}],
            "publisher": [{"name": PUBLISHERS[number][0], "kind": "organisation"}],
            "year": 2005 + 4 * number,
            "themes": list(THEMES[number : number + 2]),
            "concepts": concepts,
            "provenance": {
                "source": SOURCE_ID,
                "status": "from-source-document",
                "language": "nl",
                "translations": [
                    {"language": "fr", "method": "machine", "by": TRANSLATOR},
                    {"language": "en", "method": "machine", "by": TRANSLATOR},
                ],
            },
        }
        if n > number:
            framework["described_in"] = [resource_id(number)]
        if number == 1:
            framework["collections"] = [
                {
                    "id": f"{framework_id}#trap",
                    "label": {"nl": "Trap", "fr": "Escalier", "en": "Stairs"},
                    "ordered": True,
                    "members": [c["id"] for c in concepts],
                }
            ]
        out.append(framework)
    return out


def realistic_mappings(seed: int = SEED) -> list[dict[str, Any]]:
    """Crosswalks between concepts of different frameworks (``subject PREDICATE object``)."""
    rng = random.Random(seed + 1)
    concepts = _concept_ids()
    out = []
    for index in range(24):
        subject, target = rng.sample(concepts, 2)
        while subject.split("#")[0] == target.split("#")[0]:
            subject, target = rng.sample(concepts, 2)
        predicate = rng.choice(PREDICATES)
        out.append(
            {
                "id": f"{NAMESPACE}/map-{index:03d}",
                "subject": subject,
                "predicate": predicate,
                "object": target,
                "justification": {
                    "nl": f"Beide gaan over {TOPICS[index % len(TOPICS)][0]}.",
                    "fr": f"Les deux portent sur {TOPICS[index % len(TOPICS)][1]}.",
                    "en": f"Both are about {TOPICS[index % len(TOPICS)][2]}.",
                },
                "confidence": rng.choice((0.4, 0.55, 0.7, 0.85)),
                "author": {"name": TRANSLATOR, "kind": "organisation"},
                "provenance": {
                    "source": SOURCE_ID,
                    "status": "example-authored-here",
                    "language": "nl",
                    "translations": [
                        {"language": "fr", "method": "machine", "by": TRANSLATOR},
                        {"language": "en", "method": "machine", "by": TRANSLATOR},
                    ],
                },
            }
        )
    return out


def _texts(rng: random.Random, topic: tuple[str, ...], count: int) -> dict[str, str]:
    sentences = rng.sample(SENTENCES, count)
    return {
        lang: " ".join(s[i].format(t=topic[i]) for s in sentences)
        for i, lang in enumerate(("nl", "fr", "en"))
    }


def realistic_resource(
    rng: random.Random, index: int, concepts: list[str], wholes: list[int]
) -> dict[str, Any]:
    """One resource shaped like the bundled ones (~2 KB as JSON); *wholes*: earlier resources that have parts."""
    topic = rng.choice(TOPICS)
    angle = rng.choice(ANGLES)
    kind = rng.choice(KINDS)
    record: dict[str, Any] = {
        "id": resource_id(index),
        "kind": kind,
        "title": {
            lang: f"{topic[i][0].upper()}{topic[i][1:]}: {angle[i]}"
            for i, lang in enumerate(("nl", "fr", "en"))
        },
    }
    if rng.random() < 0.15:
        other = rng.choice(ANGLES)
        record["subtitle"] = {lang: other[i] for i, lang in enumerate(("nl", "fr", "en"))}
    record["summary"] = _texts(rng, topic, rng.randint(2, 4))
    authors: list[dict[str, Any]] = [
        {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "kind": "person"}
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4)))
    ]
    if rng.random() < 0.2:
        authors.append({"name": rng.choice(ORGANISATIONS), "kind": "organisation"})
    if authors:
        record["authors"] = authors
    publishers = rng.sample(PUBLISHERS, rng.choice((1, 1, 1, 2)))
    record["publisher"] = [{"name": name, "kind": "organisation", "url": url} for name, url in publishers]
    record["year"] = rng.randint(1990, 2026)
    if rng.random() < 0.1:
        record["edition"] = rng.choice(EDITIONS)
    if kind == "book" and rng.random() < 0.6:
        record["isbn"] = f"978{rng.randint(0, 999_999_999):09d}{rng.randint(0, 9)}"
    record["languages"] = rng.sample(REALISTIC_LANGUAGES, rng.choice((1, 1, 1, 2, 3, 5)))
    record["audiences"] = rng.sample(AUDIENCES, rng.randint(1, 4))
    record["levels"] = rng.sample(LEVELS, rng.randint(1, 4))
    record["themes"] = rng.sample(THEMES, rng.randint(1, 4))
    # a few concepts are far more common than the rest, as in the bundled packs
    chosen = {
        concepts[min(int(rng.paretovariate(1.2)) - 1, len(concepts) - 1)] for _ in range(rng.randint(0, 4))
    }
    if chosen:
        record["concepts"] = sorted(chosen)
    links: list[dict[str, Any]] = []
    base = rng.choice(PUBLISHERS)[1]
    for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
        links.append(
            {
                "access": rng.choice(("online", "download")),
                "url": f"{base}/publicaties/r-{index:06d}-{len(links)}{rng.choice(('', '.pdf'))}",
                "languages": rng.sample(("nl", "fr", "en"), rng.randint(1, 2)),
            }
        )
    if rng.random() < 0.3:
        links.append(
            {
                "access": "lend",
                "url": f"https://bib.example.be/catalogus/r-{index:06d}",
                "provider": rng.choice(PROVIDERS),
            }
        )
    if links:
        record["links"] = links
    if rng.random() < 0.5:
        record["free"] = rng.random() < 0.7
    if rng.random() < 0.25:
        record["licence"] = rng.choice(
            ("CC-BY-4.0", "CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by/4.0/")
        )
    if wholes and rng.random() < 0.15:
        record["part_of"] = resource_id(rng.choice(wholes))
    if index > 0 and rng.random() < 0.4:
        record["related"] = sorted({resource_id(rng.randrange(index)) for _ in range(rng.randint(1, 3))})
    if rng.random() < 0.1:
        record["known_gaps"] = {
            "nl": "De bron noemt geen auteur.",
            "fr": "La source ne nomme pas d'auteur.",
            "en": "The source names no author.",
        }
    source_language = rng.choice(("nl", "nl", "nl", "fr", "en"))
    provenance: dict[str, Any] = {
        "source": SOURCE_ID,
        "status": rng.choice(STATUSES),
        "locator": f"p. {rng.randint(1, 300)}",
        "language": source_language,
        "translations": [
            {"language": lang, "method": rng.choice(("human", "machine", "machine")), "by": TRANSLATOR}
            for lang in ("nl", "fr", "en")
            if lang != source_language
        ],
    }
    if rng.random() < 0.2:
        provenance["note"] = _texts(rng, topic, 1)
    record["provenance"] = provenance
    return record


def realistic_finding(rng: random.Random, index: int, n: int, concepts: list[str]) -> dict[str, Any]:
    """A finding that cites one to three resources and reports zero to two effects of an edition."""
    topic = rng.choice(TOPICS)
    sources = sorted({resource_id(rng.randrange(n)) for _ in range(rng.randint(1, 3))})
    finding: dict[str, Any] = {
        "id": f"{NAMESPACE}/bevinding-{index:05d}",
        "claim": _texts(rng, topic, rng.randint(1, 2)),
        "sources": sources,
        "themes": rng.sample(THEMES, rng.randint(1, 2)),
        "concepts": sorted(set(rng.sample(concepts, rng.randint(0, 3)))),
    }
    effects = []
    for _ in range(rng.choice((0, 1, 1, 2))):
        year = rng.randint(2000, 2025)
        effects.append(
            {
                "metric": rng.choice(METRICS),
                "value": round(rng.uniform(-0.2, 0.9), 2),
                "edition": f"Editie {year}",
                "year": year,
                "source": rng.choice(sources),
            }
        )
    if effects:
        finding["effects"] = effects
    if not finding["concepts"]:
        del finding["concepts"]
    if rng.random() < 0.5:
        finding["caveats"] = [
            {
                "nl": "De bron geeft geen effectgrootte.",
                "fr": "La source ne donne pas de taille d'effet.",
                "en": "The source gives no effect size.",
            }
        ]
    finding["provenance"] = {
        "source": SOURCE_ID,
        "status": rng.choice(STATUSES),
        "language": "nl",
        "translations": [
            {"language": "fr", "method": "machine", "by": TRANSLATOR},
            {"language": "en", "method": "machine", "by": TRANSLATOR},
        ],
    }
    return finding


def realistic_records(n: int, seed: int = SEED) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(resources, findings)`` of a realistic pack of *n* resources (one finding per 20 resources)."""
    rng = random.Random(seed)
    concepts = _concept_ids()
    wholes: list[int] = []
    records = []
    for index in range(n):
        record = realistic_resource(rng, index, concepts, wholes)
        if record["kind"] in ("book", "dossier", "website", "toolkit") and "part_of" not in record:
            wholes.append(index)
        records.append(record)
    findings = [realistic_finding(rng, index, n, concepts) for index in range(max(1, n // 20))] if n else []
    return records, findings


def realistic_pack(n: int, path: Path, fmt: str = "json", seed: int = SEED) -> Path:
    """Write a realistic pack of *n* resources in *fmt* (``json`` or ``yaml``) into the folder *path*
    and return it: ``pack.yaml``, ``frameworks.<ext>`` (4 frameworks and 24 crosswalk mappings),
    ``findings.<ext>`` (n/20 findings) and ``records/resources-NNN.<ext>`` (at most 10,000 each).
    Valid without a warning (``ob validate --strict``); written again only when *path* does not
    already hold the complete pack of the same size, format and seed."""
    path = Path(path)
    ext = "json" if fmt == "json" else "yaml"
    marker = path / ".complete"
    stamp = f"realistic {n} {fmt} {seed}"
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == stamp:
        return path
    records, findings = realistic_records(n, seed)
    (path / "records").mkdir(parents=True, exist_ok=True)
    (path / "pack.yaml").write_text(to_yaml(manifest()), encoding="utf-8")
    _write(
        path / f"frameworks.{ext}",
        {"frameworks": realistic_frameworks(n), "mappings": realistic_mappings(seed)},
        fmt,
    )
    _write(path / f"findings.{ext}", {"findings": findings}, fmt)
    for number, start in enumerate(range(0, n, CHUNK)):
        _write(
            path / "records" / f"resources-{number:03d}.{ext}",
            {"resources": records[start : start + CHUNK]},
            fmt,
        )
    marker.write_text(stamp + "\n", encoding="utf-8")
    return path
