"""What an exporter is, and atomic writing for exporters to share."""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

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


@contextmanager
def atomic_file(destination: Path, mode: str = "wb") -> Iterator[Any]:
    """Open a temporary file beside *destination*; on success it replaces *destination* in one step,
    on failure it is removed and *destination* is untouched."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent)
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes 0600; exports are for others to read
        Path(temporary).replace(destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(destination: Path) -> Iterator[Path]:
    """Yield a temporary folder beside *destination*; on success it takes *destination*'s place (an
    earlier export is removed only then), on failure it is removed and *destination* is untouched."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent))
    try:
        yield temporary
        temporary.chmod(0o777 & ~_umask())  # mkdtemp makes 0700
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    old = None
    if destination.exists():
        old = destination.with_name(f".{destination.name}.old-{os.getpid()}")
        destination.rename(old)
    temporary.rename(destination)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()


ProgressCallback = Callable[[int, int], None]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
