"""The site's related resources (``RelatedIndex``) for every resource of generated catalogs.

    python benchmarks/bench_related.py [--sizes 1000,10000,100000] [--seed 7] [--records synthetic|realistic]

``--records synthetic`` (default): each resource has 2 of the themes, 1 to 3 concepts of 40, sometimes a
link to another resource and sometimes a whole it is part of; 60 crosswalk mappings join the concepts.
``--records realistic``: the packs of ``packgen.realistic_pack`` (1-4 of 13 themes, 0-4 concepts of 29
of which a few are far more common, 24 crosswalks, related resources and parts), loaded with
``load_pack`` (not timed); they are written into ``--data`` (default: the system's temporary folder). For each size it prints the
time to build the index, the processor time to rank the ten related resources of every resource (what the html
exporter does, one page per resource), the per-resource mean, and the growth against the previous size
(linear growth: about the ratio of the sizes). Processor time, not wall time, so that a busy
machine changes the figures less.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.site.related import RelatedIndex


def generate(size: int, seed: int) -> ob.Library:
    rng = random.Random(seed)
    themes = ob.VOCABULARIES["theme"].codes
    concepts = [f"bench/f{f}#c{c}" for f in range(4) for c in range(10)]
    prov = ob.Provenance(source="bench", status="example-authored-here")
    ids = [f"bench/r-{i:06d}" for i in range(size)]
    resources = tuple(
        ob.Resource(
            id=identifier,
            kind="book",
            title=ob.LocalizedText({"nl": identifier}),
            provenance=prov,
            themes=tuple(rng.sample(themes, 2)),
            concepts=tuple(rng.sample(concepts, rng.randint(1, 3))),
            related=(rng.choice(ids),) if rng.random() < 0.3 else (),
            part_of=rng.choice(ids[:50]) if rng.random() < 0.1 else None,
        )
        for identifier in ids
    )
    mappings = tuple(
        ob.Mapping(
            id=f"bench/m{i}",
            subject=rng.choice(concepts),
            predicate=rng.choice(("exact", "close", "broad", "narrow", "related")),
            object=rng.choice(concepts),
            justification=ob.LocalizedText({"nl": "bench"}),
            confidence=rng.choice((0.5, 0.7, 0.9)),
            author=ob.Agent(name="bench"),
            provenance=prov,
        )
        for i in range(60)
    )
    manifest = ob.PackManifest(
        name="bench",
        version="1.0.0",
        title=ob.LocalizedText({"nl": "Bench"}),
        publisher=ob.Agent(name="bench"),
        licence="CC0-1.0",
        languages=("nl",),
    )
    return ob.Library([ob.ContentPack(manifest=manifest, resources=resources, mappings=mappings)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", choices=("synthetic", "realistic"), default="synthetic")
    parser.add_argument("--data", help="folder for the realistic packs")
    args = parser.parse_args()
    data = Path(args.data) if args.data else Path(tempfile.gettempdir()) / "ob-bench-packs"
    print(
        f"{'resources':>10} {'index s':>9} {'all pages cpu s':>16} {'µs/page':>9} {'growth':>7} {'signatures':>10}"
    )
    previous = None
    for size in (int(s) for s in args.sizes.split(",")):
        if args.records == "realistic":
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from packgen import realistic_pack

            library = ob.Library([ob.load_pack(realistic_pack(size, data / f"realistic-{size}"))])
        else:
            library = generate(size, args.seed)
        start = time.perf_counter()
        index = RelatedIndex(library)
        built = time.perf_counter() - start
        start = time.process_time()
        for resource in library.resources():
            index.related(resource)
        ranked = time.process_time() - start
        growth = f"{ranked / previous:.1f}x" if previous else "-"
        signatures = len({(frozenset(r.concepts), frozenset(r.themes)) for r in library.resources()})
        print(
            f"{size:>10,} {built:>9.2f} {ranked:>16.2f} {ranked / size * 1e6:>9.1f} {growth:>7} {signatures:>10,}",
            flush=True,
        )
        previous = ranked
    return 0


if __name__ == "__main__":
    sys.exit(main())
