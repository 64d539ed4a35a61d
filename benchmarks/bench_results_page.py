"""The results page of the site in headless Chromium: from dropping a responses file to the report shown.

    python benchmarks/bench_results_page.py [--respondents 1000] [--items 50] [--repeats 7] [--quick]

A pack with one instrument of *--items* items (five dimensions, a four-point scale with "not
applicable", two respondent groups, some items reversed) is written to a temporary folder, together
with the example pack (so that dimensions that need work get recommendations), and exported as a site.
A CSV file of *--respondents* respondents (half team, half parents; as Excel saves it in Belgium:
semicolons, Windows-1252, CRLF) is dropped on ``nl/results.html`` (a ``drop`` event with the file, as
a file manager gives it). The time is measured in the page with ``performance.now()``: from the drop
until the report is in the page and two animation frames have passed (it has been laid out and
painted). Each run reloads the page. Median and best of ``--repeats`` runs are printed, then what the
page's own parts take (reading, scoring, drawing: the ``data-ms`` the page records).

Then the weight of the site's JavaScript and CSS, file by file, as written and gzip-compressed (what a
web server would send; from ``file://`` nothing is compressed): the scoring and report scripts, the
scoring bundles of the real library's instruments, and everything else in ``assets/``.

Skipped with a message when Chromium (``/usr/bin/chromium``) or Playwright is missing.
"""

import argparse
import base64
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHROMIUM = Path(os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
INSTRUMENT = "bench/scan"


def write_pack(folder: Path, items: int) -> None:
    """A pack ``bench`` holding one instrument of *items* items."""
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "name: bench\nversion: 1.0.0\ntitle: {nl: Benchmark, en: Benchmark}\n"
        "publisher: {name: ouderbetrokkenheid project, kind: organisation}\nlicence: CC0-1.0\n"
        "languages: [nl]\ndepends: [voorbeeld]\nsources:\n  - {id: bench, title: Generated for a benchmark, publisher: us, year: 2026}\n",
        encoding="utf-8",
    )
    text = {"nl": "Uitspraak", "en": "Statement"}
    dimensions = [
        {"id": f"d{n}", "label": {"nl": f"Dimensie {n}"}, "concepts": ["voorbeeld/kader#ontmoeten"]}
        for n in range(5)
    ]
    assessment = {
        "id": INSTRUMENT,
        "title": {"nl": f"Benchmark-scan ({items} uitspraken)"},
        "version": "1.0",
        "groups": [
            {"id": "team", "label": {"nl": "Schoolteam"}, "role": "school-team"},
            {"id": "parents", "label": {"nl": "Ouders"}, "role": "parent"},
        ],
        "scales": [
            {
                "id": "agree",
                "options": [
                    *({"code": str(n), "label": {"nl": str(n)}, "score": n} for n in range(1, 5)),
                    {"code": "na", "label": {"nl": "Weet niet"}, "not_applicable": True},
                ],
            }
        ],
        "dimensions": dimensions,
        "sections": [
            {
                "id": "s",
                "title": {"nl": "Alles"},
                "items": [
                    {
                        "link_id": f"q{n:02d}",
                        "dimension": f"d{n % 5}",
                        "scale": "agree",
                        "reverse": n % 7 == 0,
                        "text": {
                            "team": {**text, "nl": f"Uitspraak {n} (team)"},
                            "parents": {**text, "nl": f"Uitspraak {n}"},
                        },
                    }
                    for n in range(items)
                ],
            }
        ],
        "bands": [
            {"id": "werkpunt", "min": 0, "max": 50, "label": {"nl": "Werkpunt"}, "needs_work": True},
            {"id": "op_weg", "min": 50, "max": 75, "label": {"nl": "Op weg"}},
            {"id": "sterk", "min": 75, "max": 100, "label": {"nl": "Sterk"}},
        ],
        "provenance": {"source": "bench", "status": "example-authored-here"},
    }
    (folder / "records.yaml").write_text(json.dumps({"assessments": [assessment]}), encoding="utf-8")


def write_csv(path: Path, respondents: int, items: int) -> None:
    """*respondents* rows, as Excel saves a CSV file in Belgium."""
    rng = random.Random(1)
    links = [f"q{n:02d}" for n in range(items)]
    lines = [";".join(["respondent", "group", *links])]
    for row in range(respondents):
        group = "team" if row % 2 else "parents"
        answers = [rng.choice(["1", "2", "3", "4", "4", "na"]) for _ in links]
        lines.append(";".join([f"rëspondent-{row}", group, *answers]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


DROP = """async ({name, b64}) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name));
    const report = document.getElementById("ob-report");
    const shown = new Promise((resolve) => {
        new MutationObserver((_, observer) => {
            if (!report.hidden) { observer.disconnect(); resolve(); }
        }).observe(report, {attributes: true, attributeFilter: ["hidden"]});
    });
    const start = performance.now();
    document.getElementById("ob-drop").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    await shown;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [performance.now() - start, Number(report.getAttribute("data-ms"))];
}"""


def choose(page, instrument: str) -> None:
    """Pick *instrument* in the page's list (its options carry the id in ``data-instrument``)."""
    index = page.eval_on_selector(
        "#ob-instrument",
        "(select, id) => Array.from(select.options).findIndex((o) => o.dataset.instrument === id)",
        instrument,
    )
    assert index >= 0, f"{instrument} is not offered"
    page.select_option("#ob-instrument", index=index)


def weights(site: Path) -> list[tuple[str, int, int]]:
    """(file, bytes, gzip bytes) of every script and style sheet of *site*."""
    out = []
    for path in sorted((site / "assets").iterdir()):
        if path.suffix in {".js", ".css"}:
            raw = path.read_bytes()
            out.append((path.name, len(raw), len(gzip.compress(raw, 9))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--respondents", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="100 respondents, 3 runs")
    args = parser.parse_args()
    if args.quick:
        args.respondents, args.repeats = 100, 3

    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.exporters.site import SiteExporter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_pack(folder / "bench", args.items)
        library = ob.Library.discover([folder / "bench", ROOT / "examples" / "voorbeeldpack"], plugins=False)
        assert library.report.ok, library.report.problems
        site = folder / "site"
        SiteExporter().export(library, site, {"lang": "nl"})
        answers = folder / "answers.csv"
        write_csv(answers, args.respondents, args.items)
        print(
            f"results page: one CSV of {args.respondents} respondents x {args.items} items "
            f"({answers.stat().st_size / 1024:.0f} KiB, Windows-1252, semicolons), dropped on nl/results.html"
        )
        if not CHROMIUM.exists():
            print(f"  SKIPPED: no Chromium at {CHROMIUM}")
        else:
            try:
                from playwright.sync_api import sync_playwright
            except ImportError:
                print("  SKIPPED: playwright is not installed")
            else:
                payload = {"name": answers.name, "b64": base64.b64encode(answers.read_bytes()).decode()}
                totals, own = [], []
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    for run in range(args.repeats + 1):
                        page.goto((site / "nl" / "results.html").as_uri())
                        choose(page, INSTRUMENT)
                        total, inside = page.evaluate(DROP, payload)
                        if run:  # the first run warms the browser's caches and compilers
                            totals.append(total)
                            own.append(inside)
                        print(
                            f"  run {run}: {total:.0f} ms{'  (warm-up, not counted)' if not run else ''}",
                            file=sys.stderr,
                        )
                    assert page.is_hidden("#ob-problems"), "the benchmark's file had problems"
                    browser.close()
                print(
                    f"  drop -> report shown (painted): median {statistics.median(totals):.0f} ms, "
                    f"best {min(totals):.0f} ms ({len(totals)} runs)"
                )
                print(
                    f"  of which reading + scoring + drawing the report (the page's own work): "
                    f"median {statistics.median(own):.0f} ms"
                )

        # the weight of the real site's scripts and styles (the library of the bundled packs)
        real = folder / "real"
        packs = [*sorted(ROOT.glob("plugins/*/src/*/pack")), ROOT / "examples" / "voorbeeldpack"]
        SiteExporter().export(ob.Library.discover(packs, plugins=False), real, {"lang": "nl"})
        rows = weights(real)
        print(
            "\nweight of the site's JavaScript and CSS (bundled packs + example pack), bytes: as written / gzip -9"
        )
        for name, size, packed in rows:
            print(f"  {name:<24} {size:>9,} {packed:>9,}")
        results = {"ob-score.js", "ob-report.js", "ob-results.js", "results.css", "score-bundles.js"}
        own_rows = [r for r in rows if r[0] in results]
        print(
            f"  {'results page, its own':<24} {sum(r[1] for r in own_rows):>9,} {sum(r[2] for r in own_rows):>9,}"
        )
        print(f"  {'all':<24} {sum(r[1] for r in rows):>9,} {sum(r[2] for r in rows):>9,}")


if __name__ == "__main__":
    main()
