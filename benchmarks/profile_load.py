"""Where ``load_pack`` spends its time: phases, then cProfile.

    python benchmarks/profile_load.py                          # 100,000 resources, JSON
    python benchmarks/profile_load.py --size 10000 --format yaml --top 40
    python benchmarks/profile_load.py --packs /tmp/obpacks     # reuse packs written by bench_load.py --packs

1. Phases: the steps of ``check_pack`` re-run one by one with the library's own functions, with the
   cyclic gc paused as ``check_pack`` pauses it (read + parse, schema validation with jsonschema-rs,
   structuring with cattrs, wrapping in ``Located``, cross-record checks, building the ContentPack),
   next to one plain ``load_pack`` for the total. Internal names are used, so this script may need
   updating when they change; the cProfile part only uses ``load_pack``.
2. cProfile of one ``load_pack`` (after a warm-up on a small pack): the top functions by cumulative
   and by own time. cProfile adds overhead to every Python call, so compare the shares, not the
   absolute seconds, with bench_load.py.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def phases(folder: Path) -> list[tuple[str, float]]:
    from ouderbetrokkenheid.converter import structure
    from ouderbetrokkenheid.loading.documents import read_document
    from ouderbetrokkenheid.model import ContentPack, Framework, PackManifest, Resource
    from ouderbetrokkenheid.schema import fast_validator
    from ouderbetrokkenheid.validation.pack import pack_files
    from ouderbetrokkenheid.validation.semantic import Located, semantic_problems

    out: list[tuple[str, float]] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        t = time.perf_counter()
        manifest_path, data_paths = pack_files(folder)
        manifest = structure(read_document(manifest_path).data, PackManifest)
        out.append(("find files + manifest", time.perf_counter() - t))
        t = time.perf_counter()
        documents = [read_document(path) for path in data_paths]
        out.append(("read + parse (read_document)", time.perf_counter() - t))
        t = time.perf_counter()
        validator = fast_validator("records")
        if not all(validator.is_valid(document.data) for document in documents):
            raise SystemExit("the generated pack is not valid")
        out.append(("schema validation (jsonschema-rs is_valid)", time.perf_counter() - t))
        t = time.perf_counter()
        structured = [
            (document, key, index, structure(raw, cls))
            for document in documents
            for key, cls in (("resources", Resource), ("frameworks", Framework))
            for index, raw in enumerate(document.data.get(key, ()))
        ]
        out.append(("structure (cattrs, per record)", time.perf_counter() - t))
        t = time.perf_counter()
        located = [
            Located(record=record, document=document, pointer=f"/{key}/{index}")
            for document, key, index, record in structured
        ]
        out.append(("Located wrappers + pointers", time.perf_counter() - t))
        t = time.perf_counter()
        problems = semantic_problems(manifest, located)
        if problems:
            raise SystemExit(f"unexpected problems: {problems[:3]}")
        out.append(("cross-record checks (semantic_problems)", time.perf_counter() - t))
        t = time.perf_counter()
        ContentPack(
            manifest=manifest,
            resources=tuple(r for _, k, _, r in structured if k == "resources"),
            frameworks=tuple(r for _, k, _, r in structured if k == "frameworks"),
        )
        out.append(("ContentPack", time.perf_counter() - t))
    finally:
        if enabled:
            gc.enable()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--format", choices=("json", "yaml"), default="json")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--packs", metavar="DIR", help="keep the generated packs in DIR and reuse them")
    parser.add_argument("--out", metavar="FILE", help="also write the raw profile (for snakeviz, pstats)")
    args = parser.parse_args(argv)

    from packgen import ensure_pack

    import ouderbetrokkenheid

    with tempfile.TemporaryDirectory(prefix="ob-profile-") as tmp:
        base = Path(args.packs) if args.packs else Path(tmp)
        folder = ensure_pack(base, args.size, args.format)
        warm = ensure_pack(base, 20, args.format)
        ouderbetrokkenheid.load_pack(warm)

        gc.collect()
        t = time.perf_counter()
        pack = ouderbetrokkenheid.load_pack(folder)
        total = time.perf_counter() - t
        del pack
        gc.collect()
        steps = phases(folder)
        print(f"load_pack, {args.size:,} resources, {args.format}: {total:.3f} s (no profiler)")
        print(f"phases re-run one by one (gc paused), sum {sum(s for _, s in steps):.3f} s:")
        for name, seconds in steps:
            print(f"  {seconds:8.3f} s  {100 * seconds / total:5.1f} %  {name}")
        print()

        gc.collect()
        profile = cProfile.Profile()
        profile.enable()
        pack = ouderbetrokkenheid.load_pack(folder)
        profile.disable()
        del pack
    if args.out:
        profile.dump_stats(args.out)
    for key in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats: Any = pstats.Stats(profile, stream=stream)
        stats.strip_dirs().sort_stats(key).print_stats(args.top)
        text = stream.getvalue()
        print(f"=== cProfile, top {args.top} by {key} ===")
        print(text[text.index("   ncalls") :] if "   ncalls" in text else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
