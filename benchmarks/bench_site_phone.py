"""The e-toolkit site on a phone, measured in headless Chromium: how many pages scroll sideways at the
common phone widths, and the catalog's cumulative layout shift and where its first result stands.

    python benchmarks/bench_site_phone.py [--widths 360,375,390] [--keep DIR]

Exports the bundled packs (and the example pack) as the ``html`` site, then opens every page (the root
``index.html``, which only redirects, left out) at each width and counts those whose
``document.scrollingElement.scrollWidth`` exceeds ``innerWidth``, naming the first few. Then the
catalog (``nl/catalog.html``) at each width and at 1280 px: the layout shift (the sum of the
``layout-shift`` entries of a ``PerformanceObserver``, without recent input) 1.2 s after loading, and
the distance of the first result from the top of the page. Needs Debian's ``chromium`` and Playwright;
says so and stops when either is missing. Figures only; nothing is asserted.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site_weight import export

CHROMIUM = Path(os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium"))
SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 300);
})"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--widths", default="360,375,390", help="viewport widths in CSS pixels")
    parser.add_argument("--keep", type=Path, help="export into this folder and keep it")
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("Playwright is not installed (pip install playwright); nothing measured")
    if not CHROMIUM.exists():
        sys.exit(f"no Chromium at {CHROMIUM} (apt-get install chromium); nothing measured")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        site = export(folder)
        pages = [p for p in sorted(site.rglob("*.html")) if p.parent != site]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            print(f"{'width':>6} {'pages':>6} {'scroll sideways':>16}  first ones")
            for width in widths:
                tab = browser.new_page(viewport={"width": width, "height": 800})
                wide = []
                for path in pages:
                    tab.goto(path.as_uri())
                    scroll, inner = tab.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
                    if scroll > inner:
                        wide.append(f"{path.relative_to(site)} ({scroll} px)")
                tab.close()
                print(f"{width:>6} {len(pages):>6} {len(wide):>16}  {', '.join(wide[:3])}")
            print()
            print(f"{'width':>6} {'catalog CLS':>12} {'first result at':>16}")
            for width in (*widths, 1280):
                tab = browser.new_page(viewport={"width": width, "height": 800})
                tab.goto((site / "nl" / "catalog.html").as_uri())
                tab.wait_for_timeout(1200)
                shift = tab.evaluate(SHIFT)
                top = tab.evaluate("document.querySelector('#ob-results li').getBoundingClientRect().top")
                tab.close()
                print(f"{width:>6} {shift:>12.3f} {round(top):>13} px")
            browser.close()


if __name__ == "__main__":
    main()
