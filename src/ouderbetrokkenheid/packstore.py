"""Packs installed by the user from a folder or a single-file archive, without Python packaging.

Installed packs live in the user's data folder (platformdirs: ``~/.local/share/ouderbetrokkenheid/packs``
on Linux, ``%LOCALAPPDATA%\\ouderbetrokkenheid\\packs`` on Windows, ``~/Library/Application Support/...``
on macOS), one sub-folder per pack, or in ``$OUDERBETROKKENHEID_PACKS_DIR`` when it is set. The
built-in plugin ``ouderbetrokkenheid.builtin.userpacks`` offers them through the ``ob_packs`` hook, so
they are validated, listed, searched and exported like packs installed with pip.

:func:`build_pack` makes the archive (``NAME-VERSION.zip``) and a wheel for those who publish on PyPI.
Archives are unpacked with care: no absolute paths, no ``..``, no links, bounded size.
"""

import base64
import hashlib
import io
import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ouderbetrokkenheid.errors import Phrase, Problem, ProblemError, Report, Severity
from ouderbetrokkenheid.i18n import N_

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

PACKS_ENV = "OUDERBETROKKENHEID_PACKS_DIR"

#: Bounds on an archive.
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 5_000
#: The files a pack archive may hold (data, manifest, a README or licence text).
ALLOWED_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".md", ".txt", ""})


def packs_folder() -> Path:
    """The folder that holds the user's installed packs (``$OUDERBETROKKENHEID_PACKS_DIR`` or the
    platform's user data folder)."""
    override = os.environ.get(PACKS_ENV)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path("ouderbetrokkenheid", appauthor=False) / "packs"


def installed_packs() -> dict[str, Path]:
    """The user's installed packs: name -> folder."""
    folder = packs_folder()
    if not folder.is_dir():
        return {}
    return {
        child.name: child
        for child in sorted(folder.iterdir())
        if child.is_dir() and not child.name.startswith(".") and _has_manifest(child)
    }


def _problem(code: str, message: str, hint: str, file: str | None = None) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message, hint=hint, file=file)


def _refuse(code: str, message: str, hint: str, file: str | None = None) -> ProblemError:
    return ProblemError([_problem(code, message, hint, file)])


# -- archives ----------------------------------------------------------------------------------
def unpack_archive(archive: Path, destination: Path) -> None:
    """Unpack the pack archive *archive* into the empty folder *destination*, refusing anything unsafe
    (absolute paths, ``..``, links, other files than a pack's, too large or too many members)."""
    if archive.stat().st_size > MAX_ARCHIVE_BYTES:
        raise _refuse(
            "archive-unsafe",
            Phrase(N_("the archive is larger than {n} bytes"), n=MAX_ARCHIVE_BYTES),
            N_("Is this a pack?"),
            archive.name,
        )
    if not zipfile.is_zipfile(archive):
        raise _refuse(
            "archive-unsafe",
            N_("not a pack archive (a .zip made by `ouderbetrokkenheid pack build`)"),
            N_("Give a pack folder, or an archive made by `pack build`."),
            archive.name,
        )
    with zipfile.ZipFile(archive) as zipped:
        infos = zipped.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _refuse(
                "archive-unsafe",
                Phrase(N_("the archive holds {n} files"), n=len(infos)),
                N_("A pack has far fewer files."),
                archive.name,
            )
        total = 0
        for info in infos:
            name = info.filename
            path = PurePosixPath(name)
            mode = info.external_attr >> 16
            where = f"{archive.name}: {name}"
            if name.startswith(("/", "\\")) or path.is_absolute() or (len(name) > 1 and name[1] == ":"):
                raise _refuse(
                    "archive-unsafe",
                    N_("an absolute path in the archive"),
                    N_("Refused: a pack archive holds relative paths only."),
                    where,
                )
            if any(part == ".." for part in path.parts) or "\\" in name:
                raise _refuse(
                    "archive-unsafe",
                    N_("a path that leaves the pack folder (..)"),
                    N_("Refused: the archive may have been crafted."),
                    where,
                )
            if stat.S_ISLNK(mode):
                raise _refuse(
                    "archive-unsafe",
                    N_("a symbolic link in the archive"),
                    N_("Refused: a pack archive holds plain files only."),
                    where,
                )
            if not info.is_dir() and path.suffix.lower() not in ALLOWED_SUFFIXES:
                raise _refuse(
                    "archive-unsafe",
                    Phrase(N_("a file of a kind a pack does not hold ({suffix})"), suffix=path.suffix),
                    N_("A pack holds .yaml, .json, .md and .txt files only."),
                    where,
                )
            total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise _refuse(
                    "archive-unsafe",
                    Phrase(N_("the archive unpacks to more than {n} bytes"), n=MAX_UNPACKED_BYTES),
                    N_("Refused (a zip bomb?)."),
                    archive.name,
                )
        for info in infos:
            target = destination.joinpath(*PurePosixPath(info.filename).parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipped.open(info) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink, 1024 * 1024)
    # An archive made by `pack build` holds the pack at its top; one folder around it is accepted too.
    if not _has_manifest(destination):
        children = [child for child in destination.iterdir() if not child.name.startswith(".")]
        if len(children) == 1 and children[0].is_dir() and _has_manifest(children[0]):
            inner = children[0]
            for child in inner.iterdir():
                child.rename(destination / child.name)
            inner.rmdir()


def _has_manifest(folder: Path) -> bool:
    return any((folder / name).is_file() for name in ("pack.yaml", "pack.yml", "pack.json"))


# -- install and remove --------------------------------------------------------------------------
def install_pack(source: Path, *, replace: bool = False) -> tuple[str, Path, Report]:
    """Install the pack folder or archive *source* for the user. Return its name, where it went and the
    warnings. Raise :class:`~ouderbetrokkenheid.ProblemError`, leaving the installed packs as they were,
    when the pack has errors or its name or ids clash with an installed pack (a pack installed earlier
    from a file may be replaced with *replace*)."""
    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.exporters.base import atomic_folder
    from ouderbetrokkenheid.validation import check_pack

    store = packs_folder()
    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".incoming-", dir=store) as temporary:
        staged = Path(temporary) / "pack"
        staged.mkdir()
        if source.is_dir():
            if not _has_manifest(source):
                raise _refuse(
                    "manifest-missing",
                    N_("no pack.yaml in this folder"),
                    N_("Give the folder that holds pack.yaml."),
                    str(source),
                )
            _copy_pack(source, staged)
        elif source.is_file():
            unpack_archive(source, staged)
        else:
            raise _refuse(
                "path-not-found",
                N_("no such file or folder"),
                N_("Give a pack folder or an archive made by `pack build`."),
                str(source),
            )
        installed = Library.discover()
        pack, report = check_pack(staged, external=lambda identifier: _known(installed, identifier))
        if pack is None:
            raise ProblemError([_relabel(problem, staged, source) for problem in report.errors])
        mine = installed_packs()
        names = {installed_pack.name for installed_pack in installed.packs}
        if pack.name in names and not (replace and pack.name in mine):
            mine_too = pack.name in mine
            message = Phrase(
                N_("a pack named '{pack}' is already installed from a file")
                if mine_too
                else N_("a pack named '{pack}' is already installed by a plugin"),
                pack=pack.name,
            )
            hint = (
                Phrase(
                    N_("Remove it first (`ouderbetrokkenheid pack remove {pack}`) or give --replace."),
                    pack=pack.name,
                )
                if mine_too
                else N_(
                    "Rename your pack (its name is the namespace of its ids), or uninstall the other one."
                )
            )
            raise _refuse("pack-clash", message, hint, str(source))
        clashes = [
            record.id
            for record in pack.records()
            if record.id in installed and installed.pack_of(record.id).name != pack.name
        ]
        if clashes:
            raise _refuse(
                "pack-clash",
                Phrase(N_("ids already used by an installed pack: {ids}"), ids=", ".join(clashes[:5])),
                N_("Ids must be unique across installed packs: rename them."),
                str(source),
            )
        with atomic_folder(store / pack.name) as folder:
            _copy_pack(staged, folder)
    warnings = Report(problems=tuple(_relabel(p, staged, source) for p in report.warnings))
    return pack.name, store / pack.name, warnings


def _known(library: "Library", identifier: str) -> bool | None:
    """For references into installed packs: known (True), unknown (False), pack not installed (None)."""
    if identifier.split("/", 1)[0] not in {pack.name for pack in library.packs}:
        return None
    return identifier in library


def _relabel(problem: Problem, staged: Path, source: Path) -> Problem:
    import attrs

    if problem.file and problem.file.startswith(str(staged)):
        return attrs.evolve(problem, file=str(source / Path(problem.file).relative_to(staged)))
    return problem


def _copy_pack(source: Path, destination: Path) -> None:
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts) or path.is_symlink():
            continue
        if path.is_dir():
            (destination / relative).mkdir(parents=True, exist_ok=True)
        elif path.suffix.lower() in ALLOWED_SUFFIXES and path.is_file():
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination / relative)


def remove_pack(name: str) -> Path:
    """Remove the user-installed pack *name*; return the folder that was removed."""
    mine = installed_packs()
    if name not in mine:
        listed = ", ".join(mine) or Phrase(N_("none"))
        raise _refuse(
            "pack-not-installed",
            Phrase(
                N_("no pack named '{pack}' was installed from a file (installed from files: {listed})"),
                pack=name,
                listed=listed,
            ),
            N_("Packs installed with pip are removed with pip uninstall."),
        )
    folder = mine[name]
    trash = folder.with_name(f".{name}.removed-{os.getpid()}")
    folder.rename(trash)
    shutil.rmtree(trash)
    return folder


# -- build -----------------------------------------------------------------------------------------
def build_pack(folder: Path, destination: Path) -> tuple[Path, Path]:
    """Check the pack *folder* and write, into *destination*, the archive ``NAME-VERSION.zip`` (for
    ``pack install``) and a wheel (for pip and PyPI). Raise :class:`~ouderbetrokkenheid.ProblemError`
    when the pack has errors."""
    from ouderbetrokkenheid.validation import check_pack

    pack, report = check_pack(folder)
    if pack is None:
        raise ProblemError(report.errors)
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        hidden = any(p.startswith(".") for p in relative.parts)
        if (
            path.is_file()
            and not path.is_symlink()
            and not hidden
            and path.suffix.lower() in ALLOWED_SUFFIXES
        ):
            files.append((relative.as_posix(), path.read_bytes()))
    destination.mkdir(parents=True, exist_ok=True)
    name, version = pack.manifest.name, pack.manifest.version
    archive = destination / f"{name}-{version}.zip"
    _write_zip(archive, files)
    wheel = destination / _wheel_name(name, version)
    _write_zip(wheel, _wheel_files(name, version, pack.manifest.title.get_text("en"), files))
    return archive, wheel


def _write_zip(path: Path, files: list[tuple[str, bytes]]) -> None:
    from ouderbetrokkenheid.exporters.base import atomic_file

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # reproducible
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, data)
    with atomic_file(path) as handle:
        handle.write(buffer.getvalue())


def _distribution(name: str) -> str:
    return f"ouderbetrokkenheid-pack-{name}"


def _module(name: str) -> str:
    return "ouderbetrokkenheid_pack_" + name.replace("-", "_")


def _wheel_name(name: str, version: str) -> str:
    return f"{_distribution(name).replace('-', '_')}-{version}-py3-none-any.whl"


def _wheel_files(
    name: str, version: str, title: str, files: list[tuple[str, bytes]]
) -> list[tuple[str, bytes]]:
    """The files of a wheel (PEP 427) whose one module offers the pack through ``ob_packs``."""
    from ouderbetrokkenheid import __version__

    module = _module(name)
    dist_info = f"{_distribution(name).replace('-', '_')}-{version}.dist-info"
    plugin = (
        f'"""The content pack {name!r}, as an ouderbetrokkenheid plugin (made by `ouderbetrokkenheid pack build`)."""\n\n'
        "from importlib.resources import files\n\n"
        "import ouderbetrokkenheid as ob\n\n\n"
        "@ob.hookimpl\n"
        "def ob_packs():\n"
        '    """The pack folder inside this package."""\n'
        '    return [files(__name__) / "pack"]\n'
    )
    summary = title.replace("\n", " ")
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {_distribution(name)}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
        "Requires-Python: >=3.11\n"
        f"Requires-Dist: ouderbetrokkenheid>={__version__}\n"
    )
    wheel = "Wheel-Version: 1.0\nGenerator: ouderbetrokkenheid pack build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entry_points = f"[ouderbetrokkenheid]\n{name} = {module}\n"
    content: list[tuple[str, bytes]] = [(f"{module}/__init__.py", plugin.encode())]
    content += [(f"{module}/pack/{relative}", data) for relative, data in files]
    content += [
        (f"{dist_info}/METADATA", metadata.encode()),
        (f"{dist_info}/WHEEL", wheel.encode()),
        (f"{dist_info}/entry_points.txt", entry_points.encode()),
    ]
    record = "".join(f"{path},sha256={_digest(data)},{len(data)}\n" for path, data in content)
    record += f"{dist_info}/RECORD,,\n"
    return [*content, (f"{dist_info}/RECORD", record.encode())]


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
