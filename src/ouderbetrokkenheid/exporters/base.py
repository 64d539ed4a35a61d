"""What an exporter is, and atomic writing for exporters to share."""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ouderbetrokkenheid.errors import ProblemError

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library


@runtime_checkable
class Exporter(Protocol):
    """An exporter turns a :class:`~ouderbetrokkenheid.Library` into files.

    Plugins return exporters from the ``ob_exporters`` hook. Any object with these attributes is one.
    """

    #: Used with ``export --to NAME``.
    name: str
    #: The media type of what it writes (``application/json``; ``text/html`` for a site).
    media_type: str
    #: The file extension (``.json``), or ``""`` for exporters that write a folder.
    extension: str
    #: The record kinds it exports (``resources``, ``frameworks`` ...).
    kinds: frozenset[str]
    #: One line for ``export --list``.
    description: str

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write *library* to *destination* (a file, or a folder when ``extension`` is empty).

        Write through :func:`atomic_file` or :func:`atomic_folder`, so that a failure leaves no partial
        output and does not touch an earlier export.
        """


class OutputError(ProblemError, OSError):
    """An output could not be written: the operating system refused (a read-only place, a full disk,
    a file-size limit, permissions). Carries one ``os-error`` problem naming the path and what to do;
    the earlier output is untouched and no temporary file is left. It is an :class:`OSError` too, so
    code that caught the operating system's error still catches it."""


def _output_error(exc: OSError, destination: Path) -> OutputError:
    from ouderbetrokkenheid.loading.files import os_error_problem

    # a write that fails names no file (exc.filename is None): the destination is the one to name
    return OutputError([os_error_problem(exc, str(destination), writing=True)])


#: Temporary files and folders older than this whose process cannot be told are removed as leftovers.
STALE_AFTER_SECONDS = 24 * 3600


def _prefix(destination: Path) -> str:
    return f".{destination.name}.{os.getpid()}."


def remove_leftovers(destination: Path) -> list[Path]:
    """Remove what an export to *destination* that was killed left beside it: its temporary file or
    folder (``.NAME.PID.*.tmp``) and the earlier export it was replacing (``.NAME.old-PID``), when
    process PID is gone. Return what was removed. Called by :func:`atomic_file` and
    :func:`atomic_folder` before they write."""
    import time

    removed: list[Path] = []
    start = f".{destination.name}."
    try:
        entries = list(destination.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(start):
            continue
        rest = name[len(start) :]
        if rest.startswith("old-"):
            owner = rest[4:]
        elif rest.endswith(".tmp"):
            owner = rest.split(".", 1)[0]
        else:
            continue
        if owner.isdigit():
            if _alive(int(owner)):
                continue
        else:  # written before temporary names held their process id: go by age
            try:
                if time.time() - entry.lstat().st_mtime < STALE_AFTER_SECONDS:
                    continue
            except OSError:
                continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            continue  # not ours to remove after all (permissions): leave it
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave its files alone
    return True


@contextmanager
def atomic_file(destination: Path, mode: str = "wb") -> Iterator[Any]:
    """Open a temporary file beside *destination*; on success it replaces *destination* in one step,
    on failure it is removed and *destination* is untouched. An operating-system error becomes an
    :class:`OutputError` naming *destination*."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(destination)
        fd, temporary = tempfile.mkstemp(prefix=_prefix(destination), suffix=".tmp", dir=destination.parent)
    except OSError as exc:
        raise _output_error(exc, destination) from None
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes 0600; exports are for others to read
        Path(temporary).replace(destination)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(exc, destination) from None
        raise


@contextmanager
def atomic_folder(destination: Path) -> Iterator[Path]:
    """Yield a temporary folder beside *destination*; on success it takes *destination*'s place (an
    earlier export is removed only then), on failure it is removed and *destination* is untouched.
    An operating-system error becomes an :class:`OutputError` naming *destination*."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(destination)
        temporary = Path(tempfile.mkdtemp(prefix=_prefix(destination), suffix=".tmp", dir=destination.parent))
    except OSError as exc:
        raise _output_error(exc, destination) from None
    try:
        yield temporary
        temporary.chmod(0o777 & ~_umask())  # mkdtemp makes 0700
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _output_error(exc, destination) from None
        raise
    old = None
    try:
        if destination.exists() or destination.is_symlink():
            old = destination.with_name(f".{destination.name}.old-{os.getpid()}")
            destination.rename(old)
        temporary.rename(destination)
    except OSError as exc:
        if old is not None and not destination.exists():
            old.rename(destination)  # put the earlier export back
        shutil.rmtree(temporary, ignore_errors=True)
        raise _output_error(exc, destination) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() and not old.is_symlink() else old.unlink()


ProgressCallback = Callable[[int, int], None]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
