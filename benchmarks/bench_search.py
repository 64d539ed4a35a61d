"""Search latency over a generated catalog: median and p95 for typical queries; index build time and
size.

    python benchmarks/bench_search.py [--size 100000] [--repeats 20] [--packs DIR] [--no-open]

The catalog is generated in memory (deterministic, seeded): resources with Dutch, French and English
titles and summaries built from a vocabulary of words that occur in the bundled packs, themes,
audiences, levels and links. The index is built once per language (its build time and its size as
stored in the cache, pickled, are printed); each query (:meth:`Catalog.find`, 20 results, no facets),
and the filtered ones (one to three filters, and a filter with no query), is then timed ``--repeats``
times. The "hits" column is the number of records that match (``total``), not the 20 returned. Medians
and p95s are over the timed runs; the last line pools every query's timings, the filtered ones included.

``Catalog`` construction is timed first, wall and processor time: ``Catalog(library)`` up to its first
answer (the documents table and the Dutch index built), then ``Catalog.open`` over a generated pack
folder of the same size (``benchmarks/packgen.py``; kept in ``--packs DIR`` when given) with the cache
in a temporary folder: cold (the pack read, validated and indexed, then stored) and from the cache (what
a command does while the packs are unchanged). ``--no-open`` leaves the pack folder out.
"""

import argparse
import math
import os
import pickle
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import ouderbetrokkenheid as ob

WORDS_NL = [
    "ouders",
    "school",
    "thuisbetrokkenheid",
    "communicatie",
    "partnerschap",
    "kinderen",
    "leerlingen",
    "oudercontact",
    "brochure",
    "gids",
    "inspiratie",
    "quickscan",
    "ouderraad",
    "ouderwerking",
    "vorming",
    "tips",
    "praktijkvoorbeeld",
    "kleuters",
    "secundair",
    "lager",
    "onderwijs",
    "meertaligheid",
    "diversiteit",
    "armoede",
    "voorlezen",
    "boekje",
    "thee",
    "samenwerking",
    "vertrouwen",
    "gelijkwaardig",
    "participatie",
    "schoolsucces",
    "onderzoek",
    "welbevinden",
    "gesprek",
    "leerkracht",
    "directie",
    "brugfiguur",
]
WORDS_FR = [
    "parents",
    "école",
    "implication",
    "communication",
    "partenariat",
    "enfants",
    "élèves",
    "guide",
    "conseils",
    "lecture",
]
WORDS_EN = [
    "parents",
    "school",
    "involvement",
    "communication",
    "partnership",
    "children",
    "pupils",
    "guide",
    "tips",
    "reading",
]
#: How many hits each timed search returns (as the command line and the site show them).
LIMIT = 20
QUERIES = (
    ("thuis", "nl"),
    ("ouders betrekken", "nl"),
    ("communicatie met ouders", "nl"),
    ("quickscan ouderraad", "nl"),
    ("kleuters voorlezen", "nl"),
    ("Gelijkwaardig partnerschap", "nl"),
    ("école parents", "fr"),
    ("home involvement", "en"),
    ("brochure", "nl"),
    ("meertaligheid diversiteit", "nl"),
    ("hoe betrek ik anderstalige ouders", "nl"),
    ("comunicatie", "nl"),
    ("gratis boek kleuters", "nl"),
    ("conseil des parents", "fr"),
)


def generate(size: int, seed: int = 7) -> ob.Library:
    rng = random.Random(seed)
    kinds = ob.VOCABULARIES["resource-kind"].codes
    themes = ob.VOCABULARIES["theme"].codes
    audiences = ob.VOCABULARIES["audience-role"].codes
    levels = ob.VOCABULARIES["education-level"].codes
    prov = ob.Provenance(source="bench", status="example-authored-here")

    def phrase(words: list[str], n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize()

    resources = tuple(
        ob.Resource(
            id=f"bench/r-{i:06d}",
            kind=rng.choice(kinds),
            title=ob.LocalizedText(
                {"nl": phrase(WORDS_NL, 5), "fr": phrase(WORDS_FR, 5), "en": phrase(WORDS_EN, 5)}
            ),
            summary=ob.LocalizedText(
                {"nl": phrase(WORDS_NL, 25), "fr": phrase(WORDS_FR, 20), "en": phrase(WORDS_EN, 20)}
            ),
            themes=tuple(rng.sample(themes, 2)),
            audiences=tuple(rng.sample(audiences, 2)),
            levels=tuple(rng.sample(levels, 1)),
            links=(ob.Link(access=rng.choice(("online", "download", "lend", "order")), provider="bench"),),
            provenance=prov,
        )
        for i in range(size)
    )
    manifest = ob.PackManifest(
        name="bench",
        version="1.0.0",
        title=ob.LocalizedText({"nl": "Bench"}),
        publisher=ob.Agent(name="bench"),
        licence="CC0-1.0",
        languages=("nl", "fr", "en"),
    )
    return ob.Library([ob.ContentPack(manifest=manifest, resources=resources)])


def timed(action):
    """*action*'s result, wall seconds and processor seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def time_open(size: int, packs: Path | None) -> None:
    """``Catalog.open`` over a generated pack folder: cold, then from the cache."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from packgen import ensure_pack

    with tempfile.TemporaryDirectory() as scratch:
        folder = ensure_pack(packs or Path(scratch) / "packs", size, "json")
        os.environ["OUDERBETROKKENHEID_CACHE_DIR"] = str(Path(scratch) / "cache")

        def first_answer() -> int:
            catalog = ob.Catalog.open([folder], plugins=False)
            return catalog.find("ouders", lang="nl", limit=LIMIT, facets=False).total

        for label in (
            "cold: read, validate, index, store",
            "from the cache (packs unchanged)",
            "from the cache, again",
        ):
            hits, wall, cpu = timed(first_answer)
            print(
                f"Catalog.open + first answer, {label}: {wall:.2f} s ({cpu:.2f} s processor time), {hits} hits"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--packs", type=Path, default=None, help="keep the generated pack folder here")
    parser.add_argument("--no-open", action="store_true", help="do not time Catalog.open over a pack folder")
    args = parser.parse_args()

    start = time.perf_counter()
    library = generate(args.size)
    print(f"generated {args.size} resources in {time.perf_counter() - start:.2f} s")
    catalog, wall, cpu = timed(lambda: ob.Catalog(library))
    print(
        f"Catalog(library): {wall * 1000:.1f} ms ({cpu * 1000:.1f} ms processor time); it builds on first use"
    )
    _, wall, cpu = timed(catalog._documents)
    print(f"documents table (facets, titles, works): {wall:.2f} s ({cpu:.2f} s processor time)")
    for lang in ("nl", "fr", "en"):
        index, elapsed, cpu = timed(lambda lang=lang: catalog.index(lang))
        size = len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
        print(
            f"index build ({lang}): {elapsed:.2f} s ({cpu:.2f} s processor time), {size:.1f} MiB pickled,"
            f" {len(index.postings)} terms"
        )
    docs = catalog._documents()
    print(
        f"documents table: {len(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20:.1f} MiB pickled"
    )
    start = time.perf_counter()
    catalog.filter(theme="reading")
    print(f"facet index build: {time.perf_counter() - start:.3f} s")

    print(
        f"\n{'query':<28} {'lang':<4} {'hits':>7} {'median ms':>10} {'p95 ms':>8}"
        f"    (hits: every match; each timed search returns the best {LIMIT})"
    )
    all_times = []
    per_case: list[list[float]] = []
    cases = [(query, lang, {}) for query, lang in (*QUERIES, ("ouders", "nl"))]
    cases += [
        ("ouders", "nl", {"theme": "communication", "access": "lend"}),
        ("ouders", "nl", {"kind": "boek"}),  # a label, resolved to its code
        ("communicatie", "nl", {"free": True}),
        ("thuis", "nl", {"level": "vl-lager", "audience": "parent", "theme": "reading"}),
        ("école parents", "fr", {"kind": "guide", "free": True}),
        ("", "nl", {"theme": "reading"}),  # a filter without words: the filtered list
    ]
    for query, lang, filters in cases:
        times = []
        hits = 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            hits = catalog.find(query, lang=lang, limit=LIMIT, facets=False, **filters).total
            times.append((time.perf_counter() - start) * 1000)
        all_times.extend(times)
        per_case.append(times)
        label = (query or "(no words)") + (f" + {len(filters)} filter(s)" if filters else "")
        print(f"{label:<28} {lang:<4} {hits:>7} {statistics.median(times):>10.1f} {p95(times):>8.1f}")
    print(
        f"\nall {len(cases)} queries ({len(all_times)} timings, the filtered ones included): "
        f"median {statistics.median(all_times):.1f} ms, p95 {p95(all_times):.1f} ms over {args.size} resources"
    )
    filtered = [t for (_, _, f), times in zip(cases, per_case, strict=True) if f for t in times]
    print(f"the {sum(1 for c in cases if c[2])} filtered ones: p95 {p95(filtered):.1f} ms")
    if not args.no_open:
        print()
        time_open(args.size, args.packs)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank: the smallest value at or above 95 % of the values)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


if __name__ == "__main__":
    main()
