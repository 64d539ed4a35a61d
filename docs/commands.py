"""A Sphinx extension that runs the commands the documentation shows, so that their output cannot drift.

Every document gets its own session: an empty temporary folder (with ``examples`` and ``plugins`` of
the checkout linked into it, an empty home folder, Dutch-neutral locale ``C.UTF-8``) in which its
commands run one after the other, as a reader would type them. Three directives:

``cli``
    Each line of the content is one command, run in the session and shown as ``$ command`` followed
    by what it printed (standard output and standard error, in order). ``ouderbetrokkenheid ...`` runs
    the installed command line, ``python ...`` this interpreter; ``cd DIR``, ``NAME=value`` before a
    command and ``> FILE`` after it work as in a shell. Options:

    ``:returncode: N``
        the exit code every command of the block must end with (default 0). Any other exit code fails
        the build, with the output in the message.
    ``:input: LINE | LINE ...``
        the lines typed at the command's prompts, shown where they are typed (``assess``).
    ``:head: N``
        show only the first N lines of each output, then ``...``.
    ``:match: REGEX``
        show only the lines that match, ``...`` where lines were left out.
    ``:hidden:``
        run, check the exit code, show nothing (a step the text describes in words).
    ``:env: NAME=VALUE``
        set a variable for this command and every later one of the document (``$SESSION`` is the
        session's folder); not shown.

``cli-file PATH``
    Writes its content to PATH in the session (an input file the reader makes) and shows it as a code
    block (``:language:``, default from the suffix; ``:hidden:`` writes it without showing it).

``cli-edit PATH``
    Changes PATH before the next command: each ``- old`` line of the content is replaced by the ``+
    new`` lines that follow it (``- old`` alone deletes the line). Shown as a diff.

``cli-synopsis``
    Shows the synopsis of a command (``ouderbetrokkenheid search [QUERY] [--kind K] ...``), checked
    against the command's ``--help``: an option it lacks, or one the command does not have, fails the
    build. ``[filters]`` stands for the filter options of ``search``.

Results are kept in ``docs/_build/.commands``, keyed by the command, the files of the session, the
environment and a hash of the installed source (the library, the bundled packs, the examples), so a
build without changes runs nothing and any change in them runs the commands again. Documents with
commands are read again on every build, so their output always belongs to the code as it is.
"""

import base64
import hashlib
import json
import os
import re
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
CACHE = DOCS / "_build" / ".commands"
#: Raise to drop every cached result (the way commands are run changed).
FORMAT = "2"
#: What every command runs with, whatever the environment of the build.
ENVIRONMENT = {
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "LANGUAGE": "en",  # the docs are in English; the guides ask for their language with --lang
    "COLUMNS": "100",
    "PYTHONUNBUFFERED": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
}
#: Variables of the build's environment that would change what a command prints: not passed on.
DROPPED = ("LANGUAGE", "LC_MESSAGES", "OUDERBETROKKENHEID_", "XDG_", "PYTHONPATH", "VIRTUAL_ENV")
#: Where the source hash looks: the library, the bundled packs and the examples the docs use.
SOURCES = ("src", "plugins", "examples", "pyproject.toml")

_source_hash: str | None = None
_sessions: dict[str, "Session"] = {}


def source_hash() -> str:
    """A hash of the installed source and this extension: any change runs the commands again."""
    global _source_hash  # noqa: PLW0603 - computed once per build
    if _source_hash is None:
        digest = hashlib.sha256(FORMAT.encode() + sys.version.encode())
        digest.update(Path(__file__).read_bytes())
        for top in SOURCES:
            path = ROOT / top
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                if "__pycache__" in file.parts or ".pytest_cache" in file.parts:
                    continue
                digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0" + file.read_bytes())
        _source_hash = digest.hexdigest()
    return _source_hash


class Session:
    """The temporary folder of one document, and where its commands stand (``cd``)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ob-docs-"))
        for name in ("examples", "plugins"):
            (self.folder / name).symlink_to(ROOT / name, target_is_directory=True)
        (self.folder / "home").mkdir()
        self.cwd = self.folder
        self.env: dict[str, str] = {}

    def snapshot(self) -> dict[str, str]:
        """``{relative path: sha256}`` of every file in the session (the linked folders left out)."""
        out = {}
        for dirpath, dirnames, filenames in os.walk(self.folder):
            dirnames[:] = [d for d in dirnames if not (Path(dirpath) / d).is_symlink() and d != "__pycache__"]
            for name in filenames:
                path = Path(dirpath) / name
                out[path.relative_to(self.folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
        return out

    def environment(self, extra: dict[str, str]) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(DROPPED)}
        env.update(ENVIRONMENT)
        env["HOME"] = str(self.folder / "home")
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        for name, value in {**self.env, **extra}.items():
            env[name] = value.replace("$SESSION", str(self.folder))
        return env

    def clean(self, text: str) -> str:
        """Output as a reader would see it: the session's home is ``~``, other places ``...``."""
        text = text.replace(str(self.folder / "home"), "~")
        text = text.replace(str(self.folder), "...")
        text = text.replace(str(ROOT), "...")
        return text.replace(sys.prefix, ".../.venv")

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def session_for(env: BuildEnvironment) -> Session:
    docname = env.docname
    if docname not in _sessions:
        _sessions[docname] = Session()
    env.ob_command_docs = getattr(env, "ob_command_docs", set()) | {docname}  # type: ignore[attr-defined]
    return _sessions[docname]


def parse(line: str) -> tuple[dict[str, str], list[str], str | None]:
    """``NAME=value ... command args > file`` as (environment, argv, file to write standard output to)."""
    words = shlex.split(line, comments=True)
    extra = {}
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        extra[name] = value
    target = None
    if len(words) >= 2 and words[-2] == ">":
        target = words[-1]
        words = words[:-2]
    return extra, words, target


def executable(argv: list[str]) -> list[str]:
    if argv[0] == "ouderbetrokkenheid":
        return [sys.executable, "-m", "ouderbetrokkenheid", *argv[1:]]
    if argv[0] == "python":
        return [sys.executable, *argv[1:]]
    return argv


def execute(
    command: list[str], cwd: Path, env: dict[str, str], answers: list[str] | None, *, separate: bool = False
) -> tuple[int, str, str]:
    """Run *command*; ``(exit code, what it showed, standard output kept apart)``.

    Standard output and standard error are one stream, in the order they were written, unless
    *separate* (the command's standard output goes to a file): then only standard error is shown.

    With *answers*, each line is typed when the command waits at a prompt (a last line without a
    newline, and silence), and shown after the prompt, as a terminal would echo it.
    """
    if answers is None and not separate:
        result = subprocess.run(  # noqa: S603 - the commands of the documentation
            command,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
            timeout=600,
        )
        return result.returncode, result.stdout.decode(), ""
    if answers is None:
        result = subprocess.run(  # noqa: S603
            command, cwd=cwd, env=env, capture_output=True, check=False, timeout=600
        )
        return result.returncode, result.stderr.decode(), result.stdout.decode()
    process = subprocess.Popen(  # noqa: S603
        command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdin is not None and process.stdout is not None
    shown = b""
    pending = list(answers)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.3)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            shown += chunk
            continue
        if shown and not shown.endswith(b"\n") and pending:
            answer = pending.pop(0)
            shown += answer.encode() + b"\n"
            process.stdin.write(answer.encode() + b"\n")
            process.stdin.flush()
        elif process.poll() is not None:
            break
    process.stdin.close()
    code = process.wait(timeout=60)
    return code, shown.decode(), ""


def run_command(session: Session, line: str, answers: list[str] | None) -> tuple[int, str]:
    """Run one command line of a ``cli`` block in *session*, from the cache when it ran before."""
    extra, argv, target = parse(line)
    if argv[0] == "cd":
        session.cwd = (session.cwd / argv[1]).resolve()
        return 0, ""
    key_data = {
        "argv": argv,
        "env": {**session.env, **extra},
        "target": target,
        "cwd": session.cwd.relative_to(session.folder).as_posix(),
        "answers": answers,
        "files": session.snapshot(),
        "source": source_hash(),
    }
    key = hashlib.sha256(json.dumps(key_data, sort_keys=True).encode()).hexdigest()
    cached = CACHE / f"{key}.json"
    if cached.is_file():
        stored = json.loads(cached.read_text("utf-8"))
        os.utime(cached)  # used by this build: kept when the build prunes the cache
        for relative, content in stored["changes"].items():
            path = session.folder / relative
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(content))
        return stored["code"], stored["shown"]
    before = key_data["files"]
    code, shown, stdout = execute(
        executable(argv), session.cwd, session.environment(extra), answers, separate=target is not None
    )
    if target is not None:
        (session.cwd / target).write_text(stdout, "utf-8")
    shown = session.clean(shown)
    after = session.snapshot()
    changes: dict[str, str | None] = {
        relative: base64.b64encode((session.folder / relative).read_bytes()).decode()
        for relative, digest in after.items()
        if before.get(relative) != digest
    }
    changes.update({relative: None for relative in before if relative not in after})
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({"code": code, "shown": shown, "changes": changes}), "utf-8")
    return code, shown


def trim(text: str, head: int | None, match: str | None) -> str:
    lines = text.splitlines()
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "..."]
    if match is not None:
        pattern = re.compile(match)
        kept: list[str] = []
        for line in lines:
            if pattern.search(line):
                kept.append(line)
            elif not kept or kept[-1] != "...":
                kept.append("...")
        lines = kept
    return "\n".join(lines)


class CliDirective(Directive):
    """Run the commands of the content in the document's session and show them with their output."""

    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = {
        "returncode": directives.nonnegative_int,
        "input": directives.unchanged,
        "head": directives.nonnegative_int,
        "match": directives.unchanged,
        "hidden": directives.flag,
        "env": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        session = session_for(env)
        if "env" in self.options:
            name, _, value = self.options["env"].partition("=")
            session.env[name.strip()] = value.strip()
        expected = self.options.get("returncode", 0)
        answers = [a.strip() for a in self.options["input"].split("|")] if "input" in self.options else None
        shown = []
        for line in self.content:
            if not line.strip():
                continue
            code, output = run_command(session, line.strip(), answers)
            if code != expected:
                raise self.error(
                    f"`{line.strip()}` ended with exit code {code}, not {expected}, in {session.folder}:\n{output}"
                )
            text = trim(output.rstrip("\n"), self.options.get("head"), self.options.get("match"))
            shown.append(f"$ {line.strip()}" + (f"\n{text}" if text else ""))
        if "hidden" in self.options:
            return []
        block = nodes.literal_block("\n".join(shown), "\n".join(shown), language="console")
        return [block]


class CliFileDirective(Directive):
    """Write the content to a file of the session and show it."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = {
        "language": directives.unchanged,
        "hidden": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        session = session_for(self.state.document.settings.env)
        path = session.cwd / self.arguments[0]
        text = "\n".join(self.content) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        if "hidden" in self.options:
            return []
        suffix = path.suffix.lstrip(".")
        language = self.options.get(
            "language", {"yml": "yaml", "py": "python", "csv": "text"}.get(suffix, suffix or "text")
        )
        return [nodes.literal_block(text, text, language=language)]


class CliEditDirective(Directive):
    """Change lines of a file of the session; shown as a diff."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        session = session_for(self.state.document.settings.env)
        path = session.cwd / self.arguments[0]
        if not path.is_file():
            raise self.error(f"cli-edit: {self.arguments[0]} does not exist in the session")
        lines = path.read_text("utf-8").splitlines()
        edits: list[tuple[str, list[str]]] = []
        for line in self.content:
            if line.startswith("- "):
                edits.append((line[2:], []))
            elif line.startswith("+ ") and edits:
                edits[-1][1].append(line[2:])
            elif line.strip():
                raise self.error(f"cli-edit: a line starts with '- ' or '+ ': {line!r}")
        for old, new in edits:
            if old not in lines:
                raise self.error(f"cli-edit: {self.arguments[0]} has no line {old!r}")
            at = lines.index(old)
            lines[at : at + 1] = new
        path.write_text("\n".join(lines) + "\n", "utf-8")
        text = "\n".join(self.content)
        return [nodes.literal_block(text, text, language="diff")]


#: Options every command has (documented once, under "Options for every command").
GLOBAL_OPTIONS = frozenset({"-h", "--help", "--lang", "--format", "--version"})


def _options(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))


class CliSynopsisDirective(Directive):
    """Show a command's synopsis, checked against its ``--help``: no option missing, none made up.

    ``[filters]`` in a synopsis stands for the filter options of ``search``.
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        session = session_for(self.state.document.settings.env)
        lines = [line for line in self.content if line.strip()]
        synopses_of: list[str] = []
        for line in lines:  # an indented line goes on with the one before
            if line[:1].isspace() and synopses_of:
                synopses_of[-1] += " " + line.strip()
            else:
                synopses_of.append(line)
        by_command: dict[str, list[str]] = {}
        for line in synopses_of:
            words = line.split()
            if words[0] != "ouderbetrokkenheid" or len(words) < 2:
                raise self.error(f"cli-synopsis: a line starts with 'ouderbetrokkenheid COMMAND': {line!r}")
            command = " ".join(words[1:3] if words[1] in {"sheet", "pack"} else words[1:2])
            by_command.setdefault(command, []).append(line)
        for command, synopses in by_command.items():
            code, helped = run_command(session, f"ouderbetrokkenheid {command} --help", None)
            if code != 0:
                raise self.error(
                    f"`ouderbetrokkenheid {command} --help` ended with exit code {code}:\n{helped}"
                )
            written = _options(" ".join(synopses)) - GLOBAL_OPTIONS
            real = _options(helped) - GLOBAL_OPTIONS
            if any("[filters]" in synopsis for synopsis in synopses):
                _, search = run_command(session, "ouderbetrokkenheid search --help", None)
                real -= _options(search) - written
            if written - real or real - written:
                raise self.error(
                    f"the synopsis of `{command}` is not its --help: "
                    f"not an option: {sorted(written - real)}; missing: {sorted(real - written)}"
                )
        text = "\n".join(lines)
        return [nodes.literal_block(text, text, language="text")]


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Read the documents with commands again on every build: the cache makes it cheap."""
    return sorted(getattr(env, "ob_command_docs", set()) - removed - added - changed)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "ob_command_docs", set()).discard(docname)
    session = _sessions.pop(docname, None)
    if session is not None:
        session.close()


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    env.ob_command_docs = getattr(env, "ob_command_docs", set()) | getattr(other, "ob_command_docs", set())  # type: ignore[attr-defined]


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    session = _sessions.pop(app.env.docname, None)
    if session is not None:
        session.close()


def _builder_inited(app: Sphinx) -> None:
    """Note when this build started, by the clock of the cache's file system (a stamp file)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    stamp = CACHE / "build-started"
    stamp.touch()
    app.ob_build_started = stamp.stat().st_mtime  # type: ignore[attr-defined]


def prune(started: float) -> list[Path]:
    """Remove the cached results no command of this build used (every document with commands is read
    on every build, so a result not used since *started* belongs to a command that changed or went).
    A file system with coarse times keeps a result it cannot tell apart: never one too many removed."""
    removed = []
    for cached in CACHE.glob("*.json") if CACHE.is_dir() else ():
        if cached.stat().st_mtime < started:
            cached.unlink(missing_ok=True)
            removed.append(cached)
    return removed


def _finished(app: Sphinx, exception: Exception | None) -> None:
    for session in _sessions.values():
        session.close()
    _sessions.clear()
    started = getattr(app, "ob_build_started", None)
    if exception is None and started is not None and not app.env.config.ob_keep_command_cache:
        prune(started)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("cli", CliDirective)
    app.add_directive("cli-file", CliFileDirective)
    app.add_directive("cli-edit", CliEditDirective)
    app.add_directive("cli-synopsis", CliSynopsisDirective)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-read", _doctree_read)
    app.connect("builder-inited", _builder_inited)
    app.connect("build-finished", _finished)
    app.add_config_value("ob_keep_command_cache", False, "", bool)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
