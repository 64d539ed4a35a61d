#!/usr/bin/env python3
"""The two commands of the quick start, for a fresh machine with only Python 3.11+.

    python3 dev.py run    install the library and the bundled packs, validate them, build the e-toolkit site
    python3 dev.py test   install everything the tests need, then run the whole test suite

Both work in a virtual environment ``.venv`` next to this file, made on first use; installs are
skipped when nothing they depend on changed. Set ``OB_VENV`` to use another folder.
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
EXTRAS = {"run": "", "test": "[test,docs,lint,bench]"}


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


def ajv() -> None:
    """Install the locked ajv packages for the second-implementation check, when npm exists."""
    folder = ROOT / "tools" / "ajv"
    if shutil.which("npm") is None or shutil.which("node") is None:
        say("npm/node not found: the ajv cross-check will be SKIPPED (install Node.js to run it)")
        return
    if (folder / "node_modules" / "ajv").is_dir() and (folder / "node_modules" / "ajv-formats").is_dir():
        return
    say("installing ajv (npm ci) for the cross-check of the schemas")
    if sh("npm", "ci", "--prefix", str(folder), "--no-audit", "--no-fund", check=False) != 0:
        say("npm ci failed: the ajv cross-check will be SKIPPED")


def axe() -> None:
    """Install the locked axe-core for the accessibility checks of the browser tests, when npm exists."""
    folder = ROOT / "tools" / "axe"
    if shutil.which("npm") is None:
        say("npm not found: the axe-core checks of the browser tests will be SKIPPED (install Node.js)")
        return
    if (folder / "node_modules" / "axe-core" / "axe.min.js").is_file():
        return
    say("installing axe-core (npm ci) for the accessibility checks of the site")
    if sh("npm", "ci", "--prefix", str(folder), "--no-audit", "--no-fund", check=False) != 0:
        say("npm ci failed: the axe-core checks will be SKIPPED")


def browser() -> None:
    """Say whether the browser tests will run (they need Debian's chromium and playwright)."""
    chromium = os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        say(f"no Chromium at {chromium}: the browser tests will be SKIPPED (apt-get install chromium to run them)")
    else:
        say(f"Chromium found at {chromium}: the browser tests will run")


def test() -> None:
    """The whole test suite: lint, docs (warnings are errors), then every test (core, packs, examples)."""
    ensure_venv(EXTRAS["test"])
    ajv()
    axe()
    browser()
    say("ruff")
    sh(PYTHON, "-m", "ruff", "check", "src", "tests", "plugins", "examples", "benchmarks", "docs", "dev.py")
    say("docs (html and doctest, warnings are errors)")
    build = ROOT / "docs" / "_build"
    sh(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", build / "html")
    sh(PYTHON, "-m", "sphinx", "-W", "-q", "-b", "doctest", "docs", build / "doctest")
    say("benchmarks, smallest size (they print figures; speed is not asserted)")
    sh(PYTHON, "benchmarks/bench_load.py", "--quick")
    say("pytest: core, bundled packs, examples")
    sh(PYTHON, "-m", "pytest", "tests", *[p / "tests" for p in PLUGINS], *sys.argv[2:])


def main() -> None:
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    os.chdir(ROOT)
    commands[sys.argv[1]]()


if __name__ == "__main__":
    main()
