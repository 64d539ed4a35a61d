"""Search latency over a generated catalog: median and p95 for typical queries; index build time and
size.

    python benchmarks/bench_search.py [--size 100000] [--repeats 20]

The catalog is generated in memory (deterministic, seeded): resources with Dutch, French and English
titles and summaries built from a vocabulary of words that occur in the bundled packs, themes,
audiences, levels and links. The index is built once per language (its build time and its size as
stored in the cache, pickled, are printed); each query (:meth:`Catalog.find`, 20 results, no facets),
and one with two filters, is then timed ``--repeats`` times. The "hits" column is the number of records
that match (``total``), not the 20 returned. Medians and p95s are over the timed runs; the last line
pools every query's timings, the filtered one's included.
"""

import argparse
import math
import pickle
import random
import statistics
import time

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    library = generate(args.size)
    print(f"generated {args.size} resources in {time.perf_counter() - start:.2f} s")
    catalog = ob.Catalog(library)
    for lang in ("nl", "fr", "en"):
        start = time.perf_counter()
        index = catalog.index(lang)
        elapsed = time.perf_counter() - start
        size = len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
        print(f"index build ({lang}): {elapsed:.2f} s, {size:.1f} MiB pickled, {len(index.postings)} terms")
    docs = catalog._documents()
    print(f"documents table: {len(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20:.1f} MiB pickled")
    start = time.perf_counter()
    catalog.filter(theme="reading")
    print(f"facet index build: {time.perf_counter() - start:.3f} s")

    print(
        f"\n{'query':<28} {'lang':<4} {'hits':>7} {'median ms':>10} {'p95 ms':>8}"
        f"    (hits: every match; each timed search returns the best {LIMIT})"
    )
    all_times = []
    cases = [(query, lang, {}) for query, lang in (*QUERIES, ("ouders", "nl"))]
    cases.append(("ouders", "nl", {"theme": "communication", "access": "lend"}))
    for query, lang, filters in cases:
        times = []
        hits = 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            hits = catalog.find(query, lang=lang, limit=LIMIT, facets=False, **filters).total
            times.append((time.perf_counter() - start) * 1000)
        all_times.extend(times)
        label = query + (f" + {len(filters)} filters" if filters else "")
        print(f"{label:<28} {lang:<4} {hits:>7} {statistics.median(times):>10.1f} {p95(times):>8.1f}")
    print(
        f"\nall {len(cases)} queries ({len(all_times)} timings, the filtered one included): "
        f"median {statistics.median(all_times):.1f} ms, p95 {p95(all_times):.1f} ms over {args.size} resources"
    )


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank: the smallest value at or above 95 % of the values)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

if __name__ == "__main__":
    main()
