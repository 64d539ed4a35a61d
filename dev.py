#!/usr/bin/env python3
"""The two commands of the quick start, for a fresh machine with only Python 3.11+.

    python3 dev.py run     install the library and the bundled packs, validate them, build the e-toolkit site
    python3 dev.py test    install everything the tests need, then run the whole test suite
    python3 dev.py words   extract the interface words into the catalogue, update the .po files, compile them
    python3 dev.py mutate  mutation testing of the pure core with mutmut (slow; not part of `test`)

All work in a virtual environment ``.venv`` next to this file, made on first use; installs are
skipped when nothing they depend on changed. Set ``OB_VENV`` to use another folder.

Some tests need real clients (Chromium, Node.js with ajv, Java, ``unshare``). Locally, `test` says
which are missing and those tests are skipped, with the reason in pytest's summary. Under ``CI=true``
nothing may be skipped: a missing client stops the run before the tests, and a skipped test fails it
(see conftest.py).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("OB_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PLUGINS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").is_file())
EXTRAS = {"run": "", "test": "[test,docs,lint,bench]", "mutate": "[test,mutation]"}
#: Under CI every real client is required (``CI=true``, as CI systems and .ci/run set it).
CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def sh(*args: object, check: bool = True, **kwargs: object) -> int:
    command = [str(a) for a in args]
    result = subprocess.run(command, cwd=ROOT, check=False, **kwargs)  # noqa: S603
    if check and result.returncode != 0:
        say(f"failed ({result.returncode}): {' '.join(command)}")
        sys.exit(result.returncode)
    return result.returncode


def ensure_venv(extras: str) -> None:
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    inputs = [ROOT / "pyproject.toml", *(p / "pyproject.toml" for p in PLUGINS)]
    digest = hashlib.sha256(extras.encode() + b"".join(p.read_bytes() for p in inputs)).hexdigest()
    stamp = VENV / f".installed{extras.replace(',', '-')}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing the library and the bundled packs" + (f" with {extras}" if extras else ""))
    sh(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    editable = ["-e", f".{extras}"]
    for plugin in PLUGINS:
        editable += ["-e", str(plugin.relative_to(ROOT))]
    sh(PYTHON, "-m", "pip", "install", "--quiet", *editable)
    stamp.write_text(digest)


def cli(*args: str, check: bool = True) -> int:
    return sh(PYTHON, "-m", "ouderbetrokkenheid", *args, check=check)


def run() -> None:
    """The main job: install, validate the bundled packs, build the e-toolkit site."""
    ensure_venv(EXTRAS["run"])
    say("installed plugins")
    cli("plugins")
    say("validating the installed packs")
    packs = [str(pack.relative_to(ROOT)) for plugin in PLUGINS for pack in sorted(plugin.glob("src/*/pack"))]
    cli("validate", "--strict", *packs)
    say("records per pack")
    cli("validate")
    site = ROOT / "_site"
    say(f"building the e-toolkit site in {site.relative_to(ROOT)}/")
    cli("export", "--to", "html", "--out", str(site))
    say(f"done: open {site / 'index.html'} in a browser (it works from file://, no server needed)")


def ajv() -> str | None:
    """Install the locked ajv packages for the second-implementation check; what is missing, if anything."""
    folder = ROOT / "tools" / "ajv"
    if shutil.which("npm") is None or shutil.which("node") is None:
        return "Node.js (node and npm) for the ajv cross-check of the schemas (tests/test_ajv.py): install Node.js >= 18"
    if (folder / "node_modules" / "ajv").is_dir() and (folder / "node_modules" / "ajv-formats").is_dir():
        return None
    say("installing ajv (npm ci) for the cross-check of the schemas")
    if sh("npm", "ci", "--prefix", str(folder), "--no-audit", "--no-fund", check=False) != 0:
        return "the ajv packages for the cross-check of the schemas: `npm ci --prefix tools/ajv` failed (see above)"
    return None


def axe() -> str | None:
    """Install the locked axe-core for the accessibility checks of the browser tests; what is missing."""
    folder = ROOT / "tools" / "axe"
    if shutil.which("npm") is None:
        return "npm (Node.js) for the axe-core accessibility checks of the browser tests: install Node.js"
    if (folder / "node_modules" / "axe-core" / "axe.min.js").is_file():
        return None
    say("installing axe-core (npm ci) for the accessibility checks of the site")
    if sh("npm", "ci", "--prefix", str(folder), "--no-audit", "--no-fund", check=False) != 0:
        return "axe-core for the accessibility checks: `npm ci --prefix tools/axe` failed (see above)"
    return None


def browser() -> str | None:
    """Whether the browser tests can run (they need Debian's chromium and playwright); what is missing."""
    chromium = os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return f"Chromium at {chromium} for the browser tests (tests/test_site_browser.py): apt-get install chromium"
    if sh(PYTHON, "-c", "import playwright.sync_api", check=False, capture_output=True) != 0:
        return "Playwright for the browser tests: it comes with the [test] extra (pip install -e '.[test]')"
    return None


def java() -> str | None:
    """ODK Validate (run by pyxform in the xlsform plugin's tests) needs Java."""
    if shutil.which("java") is None:
        return "Java for ODK Validate (plugins/ouderbetrokkenheid-xlsform tests): apt-get install default-jre-headless"
    return None


def offline() -> str | None:
    """The offline check of the validators runs them in an empty network namespace (``unshare -rn``)."""
    unshare = shutil.which("unshare")
    if unshare is None or sh(unshare, "-rn", "true", check=False, capture_output=True) != 0:
        return "`unshare -rn` (util-linux, user namespaces) for the offline validator test (tests/test_schema_corpus.py)"
    return None


def libreoffice() -> str | None:
    """The spreadsheet template is opened and converted by LibreOffice headless (tests/test_sheets_libreoffice.py)."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        return "LibreOffice (soffice) for the spreadsheet checks (tests/test_sheets_libreoffice.py): apt-get install libreoffice-calc-nogui"
    return None


#: The real clients the tests use: a check that installs or finds one, and says what is missing.
CLIENTS = {
    "ajv": ajv,
    "axe": axe,
    "browser": browser,
    "java": java,
    "offline": offline,
    "libreoffice": libreoffice,
}


def clients() -> None:
    """Check every real client; locally say what will be skipped, under CI stop when one is missing."""
    missing = [reason for check in CLIENTS.values() if (reason := check()) is not None]
    if not missing:
        say(
            "every real client is here (Chromium, Node.js + ajv and axe-core, Java, unshare, LibreOffice): nothing will be skipped"
        )
        return
    for reason in missing:
        say(("MISSING (required under CI=true): " if CI else "SKIPPED (missing): ") + reason)
    if CI:
        say(f"CI=true: {len(missing)} required client(s) missing; .ci/run installs them. Stopping.")
        sys.exit(1)
    say("the tests that need them are skipped; pytest's summary lists each with its reason")


def test() -> None:
    """The whole test suite: lint, docs (warnings are errors), then every test (core, packs, examples)."""
    ensure_venv(EXTRAS["test"])
    clients()
    say("ruff (lint and format)")
    linted = ("src", "tests", "plugins", "examples", "benchmarks", "docs", "tools", "dev.py", "conftest.py")
    sh(PYTHON, "-m", "ruff", "check", *linted)
    sh(PYTHON, "-m", "ruff", "format", "--check", *linted)
    say("word catalogue (in step with the code; nl, fr, en complete: tools/words.py check)")
    sh(PYTHON, "tools/words.py", "check")
    say("docs (html and doctest, warnings are errors)")
    build = ROOT / "docs" / "_build"
    sh(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", build / "html")
    sh(PYTHON, "-m", "sphinx", "-W", "-q", "-b", "doctest", "docs", build / "doctest")
    say("benchmarks, smallest size (they print figures; speed is not asserted)")
    sh(PYTHON, "benchmarks/bench_load.py", "--quick")
    say("pytest: core, bundled packs, examples")
    sh(PYTHON, "-m", "pytest", "tests", *[p / "tests" for p in PLUGINS], *sys.argv[2:])


def words() -> None:
    """Extract the words (babel.cfg), update every .po, compile the .mo files (docs/translating.md)."""
    ensure_venv(EXTRAS["test"])
    sh(PYTHON, "tools/words.py", "update")


def mutate() -> None:
    """Mutation testing of the pure core ([tool.mutmut] in pyproject.toml), then the score per module.

    ``python3 dev.py mutate [--jobs N] [--fresh] [MUTANT-PATTERN...]``, e.g.
    ``python3 dev.py mutate 'ouderbetrokkenheid.urls.*'`` for one module. One test process at a time
    unless ``--jobs``. Results accumulate in ``mutants/`` (mutmut retests what changed); ``--fresh``
    starts from an empty ``mutants/``.
    """
    import fnmatch
    import tomllib

    ensure_venv(EXTRAS["mutate"])
    args = sys.argv[2:]
    jobs = "1"
    if "--jobs" in args:
        at = args.index("--jobs")
        jobs = args[at + 1]
        del args[at : at + 2]
    fresh = "--fresh" in args
    args = [a for a in args if a != "--fresh"]
    mutants = ROOT / "mutants"
    if fresh and mutants.exists():
        shutil.rmtree(mutants)
    if mutants.exists():
        # mutmut copies src/ once and then refreshes only the files it mutates: drop the copies of the
        # others (the testing strategies, for one), so that this run uses them as they are now.
        only = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]["only_mutate"]
        for copy in (mutants / "src").rglob("*.py"):
            if not any(fnmatch.fnmatch(copy.relative_to(mutants).as_posix(), pattern) for pattern in only):
                copy.unlink()
    mutmut = BIN / "mutmut"
    say(f"mutmut run --max-children {jobs} {' '.join(args)} (slow: see docs/testing.md)")
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}  # derandomised, fewer examples: tests/conftest.py
    code = sh(mutmut, "run", "--max-children", jobs, *args, check=False, env=env)
    results = subprocess.run(  # noqa: S603
        [str(mutmut), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    mutation_report(results.stdout)
    if code != 0:
        sys.exit(code)


def mutation_report(results: str) -> None:
    """Print killed/total per module from ``mutmut results --all true`` (``name: status`` lines)."""
    by_module: dict[str, dict[str, int]] = {}
    survivors = []
    for line in results.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        if status == "not checked":
            continue  # not run yet (a run limited to other modules, or interrupted)
        counts = by_module.setdefault(name.rsplit(".", 1)[0], {})
        counts[status] = counts.get(status, 0) + 1
        if status not in {"killed", "timeout"}:
            survivors.append(f"{status:>10}  {name}")
    print(f"\n{'module':<42} {'mutants':>7} {'killed':>7} {'survived':>8} {'no tests':>8} {'score':>7}")
    totals = {"all": 0, "killed": 0}
    for module, counts in sorted(by_module.items()):
        total = sum(counts.values())
        killed = counts.get("killed", 0) + counts.get("timeout", 0)
        totals["all"] += total
        totals["killed"] += killed
        print(
            f"{module:<42} {total:>7} {killed:>7} {counts.get('survived', 0):>8} {counts.get('no tests', 0):>8} "
            f"{killed / total:>7.1%}"
        )
    if totals["all"]:
        print(
            f"{'all':<42} {totals['all']:>7} {totals['killed']:>7} {'':>8} {'':>8} {totals['killed'] / totals['all']:>7.1%}"
        )
    print("\nnot killed (`.venv/bin/mutmut show NAME` shows the change):")
    print("\n".join(survivors) or "none")


def main() -> None:
    commands = {"run": run, "test": test, "words": words, "mutate": mutate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    os.chdir(ROOT)
    commands[sys.argv[1]]()


if __name__ == "__main__":
    main()
