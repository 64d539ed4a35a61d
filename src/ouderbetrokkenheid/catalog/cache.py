"""A cache of things built from the installed packs (the search index), in the user's cache folder,
reused while the packs are unchanged.

An entry is stored under a *key* that identifies the packs it was built from — for each pack the
plugin's distribution and version and, for a pack folder, the path, size and modification time of
every file in it — plus this library's version, the cache format and the files of the library itself
(so an edited or reinstalled library never reads an index or packs of another shape). Installing, removing or
upgrading a pack, or changing any file of a pack folder, gives another key: the old entries are
never read again and are removed once more than :data:`KEEP` keys are stored.

Several things can be stored under one key (``name``): the search index stores its documents
(``docs``) and one entry per language (``index-nl`` …); :meth:`Library.open
<ouderbetrokkenheid.Library.open>` stores the loaded packs (``library``), so a command on unchanged
packs neither reads nor validates them again.

The folder is ``OUDERBETROKKENHEID_CACHE_DIR`` when set (an empty value turns the cache off), else
the platform's user cache folder (``~/.cache/ouderbetrokkenheid`` on Linux).
"""

import hashlib
import os
import pickle
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

#: The environment variable that moves the cache folder (empty: no cache).
CACHE_ENV = "OUDERBETROKKENHEID_CACHE_DIR"
#: Bump when the stored objects change shape.
FORMAT = "search-3"
#: How many keys (sets of installed packs) are kept.
KEEP = 4


def cache_folder() -> Path | None:
    """The cache folder, or ``None`` when the cache is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("ouderbetrokkenheid", appauthor=False))


def folder_identity(folder: Path) -> list[tuple[str, int, int]]:
    """``(relative path, size, modification time in ns)`` of every file in *folder*, sorted."""
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            out.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return out


def packs_key(sources: Iterable[tuple[str, str, Path | None]]) -> str:
    """The key of a set of packs: ``(plugin or '', version or '', folder or None)`` each."""
    import importlib.util

    from ouderbetrokkenheid import __version__

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{__version__}".encode())
    # the stemmer's files (without importing it): another version stems otherwise
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is not None and spec.origin:
        digest.update(repr(folder_identity(Path(spec.origin).parent)).encode())
    # the code that builds what is stored (the index, and the packs loaded by the model, the loaders
    # and the validation): an edited (or reinstalled) library is a new key
    digest.update(repr(folder_identity(Path(__file__).parent.parent)).encode())
    for plugin, version, folder in sources:
        digest.update(f"\n{plugin}|{version}|{folder}".encode())
        if folder is not None:
            digest.update(repr(folder_identity(folder)).encode())
    return digest.hexdigest()[:32]


def installed_key(given: Sequence[Path], *, plugins: bool, host: Any = None) -> str | None:
    """The key of the installed packs (unless *plugins* is false; those of *host*, a
    :class:`~ouderbetrokkenheid.PluginHost`, when given) plus the pack folders *given*; ``None`` when
    a plugin hands over a pack object (which has no files to watch) or a plugin fails (it is then
    loaded, and reported, every time)."""
    sources: list[tuple[str, str, Path | None]] = []
    if plugins:
        if host is None:
            from ouderbetrokkenheid.plugins import get_plugin_manager

            host = get_plugin_manager()
        for info, item in host.pack_sources():
            if not isinstance(item, str | PathLike):
                return None
            sources.append((f"{info.name}:{info.distribution}", str(info.version), Path(item).resolve()))
        if host.problems:
            return None
    sources.extend(("", "", Path(path).resolve()) for path in given)
    return packs_key(sources)


class Cache:
    """Pickled objects in a folder, by key and name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str, name: str) -> Path:
        return self.folder / f"{key}.{name}.pickle"

    def get(self, key: str, name: str) -> Any | None:
        """The object stored under *key* and *name*, or ``None``."""
        path = self._path(key, name)
        try:
            with path.open("rb") as handle:
                # our own files in the user's own cache folder, written by put() below
                return pickle.load(handle)  # noqa: S301
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):
            return None

    def put(self, key: str, name: str, value: object) -> None:
        """Store *value* (atomically: a reader never sees half a file); never raises for a folder
        that cannot be written or a value that cannot be pickled (the cache is then just not kept)."""
        import tempfile  # only when writing: a warm command only reads

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".tmp", delete=False) as handle:
                temporary = Path(handle.name)
                try:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                except (pickle.PicklingError, TypeError, AttributeError):
                    handle.close()
                    temporary.unlink(missing_ok=True)
                    return
            temporary.replace(self._path(key, name))
            self._prune(key)
        except OSError:
            return

    def _prune(self, key: str) -> None:
        by_key: dict[str, float] = {}
        for path in self.folder.glob("*.pickle"):
            stored = path.name.split(".", 1)[0]
            by_key[stored] = max(by_key.get(stored, 0.0), path.stat().st_mtime)
        old = sorted((k for k in by_key if k != key), key=lambda k: by_key[k], reverse=True)[KEEP - 1 :]
        for stale in old:
            for path in self.folder.glob(f"{stale}.*.pickle"):
                path.unlink(missing_ok=True)
