"""The weight of the e-toolkit site's JavaScript and CSS: what a visitor's browser downloads.

    python benchmarks/bench_site_weight.py [--keep DIR] [--json]

Exports the bundled packs (and the example pack) as the ``html`` site, then prints, per file under
``assets/`` that is script or style, its size in bytes as written and gzip-compressed (level 9, what a
static host would send), and per kind of page the total a first visit loads: the scripts and style
sheets the page links to (the search index of its language included on the catalog). Figures only;
nothing is asserted.
"""

import argparse
import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "nl/index.html",
    "catalog": "nl/catalog.html",
    "resource": "nl/resources/ocb__boekje-bij-de-thee.html",
    "framework": "nl/frameworks/ref__epstein.html",
    "quickscan": "nl/quickscan/instrumenten__partnerschapsmeting-parents.html",
}


def export(folder: Path) -> Path:
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.exporters.site import SiteExporter

    packs = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]
    library = ob.Library.discover(packs, plugins=False)
    site = folder / "site"
    SiteExporter().export(library, site, {"lang": "nl"})
    return site


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def linked(site: Path, page: str) -> list[Path]:
    """The scripts and style sheets *page* links to."""
    html = (site / page).read_text(encoding="utf-8")
    here = (site / page).parent
    found = re.findall(r'<(?:script[^>]*\bsrc|link[^>]*rel="stylesheet"[^>]*\bhref)="([^"]+)"', html)
    return [(here / ref).resolve() for ref in found]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", type=Path, help="export into this folder and keep it")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        site = export(folder)
        files = {
            p.relative_to(site).as_posix(): sizes(p)
            for p in sorted((site / "assets").iterdir())
            if p.suffix in {".js", ".css"}
        }
        pages = {}
        for kind, page in PAGES.items():
            if not (site / page).is_file():
                continue
            refs = linked(site, page)
            raw = sum(sizes(p)[0] for p in refs)
            packed = sum(sizes(p)[1] for p in refs)
            pages[kind] = {
                "files": [p.relative_to(site.resolve()).as_posix() for p in refs],
                "bytes": raw,
                "gzip": packed,
            }
    if args.json:
        print(
            json.dumps(
                {"files": {k: {"bytes": v[0], "gzip": v[1]} for k, v in files.items()}, "pages": pages},
                indent=2,
            )
        )
        return
    print(f"{'file':<28} {'bytes':>9} {'gzip':>8}")
    for name, (raw, packed) in files.items():
        print(f"{name:<28} {raw:>9,} {packed:>8,}")
    print()
    print(f"{'first visit of a page':<28} {'bytes':>9} {'gzip':>8}  files")
    for kind, entry in pages.items():
        names = ", ".join(Path(f).name for f in entry["files"])
        print(f"{kind:<28} {entry['bytes']:>9,} {entry['gzip']:>8,}  {names}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
