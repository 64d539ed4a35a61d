"""A :class:`Library` gathers content packs (installed plugins and folders) into one searchable whole."""

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ouderbetrokkenheid.errors import LibraryError, Phrase, Problem, Report, Severity, UnknownIdError
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import (
    KINDS,
    Assessment,
    Concept,
    ContentPack,
    Finding,
    Framework,
    Mapping,
    Record,
    Resource,
)

if TYPE_CHECKING:
    from ouderbetrokkenheid.plugins import PluginHost

R = TypeVar("R")


class Library:
    """Content packs combined, with every id unique across them.

    >>> library = Library.discover()          # every installed pack   # doctest: +SKIP
    >>> library.get("ocb/boekje-bij-de-thee").title.get_text("fr")  # doctest: +SKIP
    """

    def __init__(self, packs: Iterable[ContentPack] = (), *, problems: Iterable[Problem] = ()) -> None:
        """Combine *packs*; raise :class:`~ouderbetrokkenheid.LibraryError` when two packs have the same
        name or share an id (the error names both)."""
        self._packs: dict[str, ContentPack] = {}
        self._records: dict[str, Record] = {}
        self._owner: dict[str, str] = {}
        self._concepts: dict[str, tuple[Framework, Concept]] = {}
        self._problems: list[Problem] = list(problems)
        #: Where each pack came from (a distribution, a folder), for messages about clashes.
        self._origins: dict[str, str] = {}
        clashes = [problem for pack in packs for problem in self._add(pack)]
        if clashes:
            raise LibraryError(clashes)

    def _add(self, pack: ContentPack, origin: str | None = None) -> list[Problem]:
        """Add *pack* (from *origin*: a distribution or a folder) if it clashes with nothing;
        otherwise return the clashes, naming where both packs come from, and add nothing."""
        here = origin or _DIRECT
        if pack.name in self._packs:
            first = self._origins.get(pack.name, _DIRECT)
            return [
                _clash(
                    "duplicate-pack",
                    Phrase(
                        N_("two packs are named '{pack}': one from {first}, one from {second}"),
                        pack=pack.name,
                        first=first,
                        second=here,
                    ),
                    origin or pack.name,
                )
            ]
        clashes = []
        ids = [record.id for record in pack.records()]
        ids += [c.id for f in pack.frameworks for c in f.concepts]
        seen: set[str] = set()
        for identifier in ids:
            if identifier in seen:
                clashes.append(
                    _clash(
                        "duplicate-id",
                        Phrase(N_("id '{id}' is used twice in pack '{pack}'"), id=identifier, pack=pack.name),
                        pack.name,
                    )
                )
            seen.add(identifier)
            owner = self._owner.get(identifier)
            if owner is not None:
                clashes.append(
                    _clash(
                        "duplicate-id",
                        Phrase(
                            N_(
                                "id '{id}' is in pack '{first}' (from {first_origin}) and in pack '{second}' (from {second_origin})"
                            ),
                            id=identifier,
                            first=owner,
                            first_origin=self._origins.get(owner, _DIRECT),
                            second=pack.name,
                            second_origin=here,
                        ),
                        origin or pack.name,
                    )
                )
        if clashes:
            return clashes
        self._packs[pack.name] = pack
        self._origins[pack.name] = here
        for record in pack.records():
            self._records[record.id] = record
            self._owner[record.id] = pack.name
        for framework in pack.frameworks:
            for concept in framework.concepts:
                self._concepts[concept.id] = (framework, concept)
                self._owner[concept.id] = pack.name
        return []

    # -- building --------------------------------------------------------------------------------
    @classmethod
    def discover(
        cls,
        paths: Iterable[str | PathLike[str]] = (),
        *,
        plugins: bool = True,
        host: "PluginHost | None" = None,
    ) -> "Library":
        """Load every pack installed as a plugin (unless *plugins* is false) plus the pack folders in
        *paths*. Never raises for bad packs or plugins: a pack with errors is left out and its
        problems, like those of failing plugins, are in :attr:`report`."""
        from ouderbetrokkenheid.loading.manifest import peek_manifest
        from ouderbetrokkenheid.plugins import get_plugin_manager

        problems: list[Problem] = []
        ready: list[tuple[ContentPack, str]] = []
        folders: list[tuple[str | None, Path]] = []
        given = [Path(path) for path in paths]
        # A folder given by path replaces an installed pack of the same name (a pack being edited).
        replaced = {peek_manifest(path)[0] for path in given} - {None}
        if plugins:
            host = host or get_plugin_manager()
            for info, item in host.pack_sources():
                if isinstance(item, ContentPack):
                    if item.name not in replaced:
                        ready.append((item, info.label))
                elif peek_manifest(Path(str(item)))[0] not in replaced:
                    folders.append((info.label, Path(str(item))))
            problems.extend(host.problems)
        folders.extend((None, path) for path in given)
        library = cls(problems=problems)
        for pack, origin in ready:
            library._problems.extend(library._add(pack, origin))
        for origin, folder in _by_dependencies(folders):
            library._load_folder(folder, origin)
        return library

    @classmethod
    def open(
        cls,
        paths: Iterable[str | PathLike[str]] = (),
        *,
        plugins: bool = True,
        host: "PluginHost | None" = None,
        cache: bool = True,
    ) -> "Library":
        """Like :meth:`discover`, but kept in the user's cache folder (the one of the search index,
        :mod:`ouderbetrokkenheid.catalog.cache`) while the installed packs and the folders in *paths*
        are unchanged (*cache*): a command on unchanged packs neither reads nor validates them again.
        Installing, removing or upgrading a pack, or changing any file of a pack folder, loads them
        anew; so does a failing plugin (it is reported every time)."""
        from ouderbetrokkenheid.catalog.cache import Cache, cache_folder, installed_key

        given = [Path(path) for path in paths]
        folder = cache_folder() if cache else None
        key = installed_key(given, plugins=plugins, host=host) if folder is not None else None
        return cls._cached(given, plugins, Cache(folder) if folder is not None else None, key, host)

    @classmethod
    def _cached(
        cls,
        given: Sequence[Path],
        plugins: bool,
        store: Any,
        key: str | None,
        host: "PluginHost | None" = None,
    ) -> "Library":
        """The library stored under *key* in *store* (a :class:`~ouderbetrokkenheid.catalog.cache.Cache`),
        else discovered and stored."""
        if store is not None and key is not None:
            found = store.get(key, "library")
            if isinstance(found, Library):
                return found
        library = cls.discover(given, plugins=plugins, host=host)
        if store is not None and key is not None:
            store.put(key, "library", library)
        return library

    def _load_folder(self, folder: Path, origin: str | None) -> None:
        from ouderbetrokkenheid.validation import check_pack

        pack, report = check_pack(folder, external=self._lookup)
        self._problems.extend(report.problems)
        if pack is None:
            self._problems.append(
                _clash(
                    "plugin-result" if origin else "path-not-found",
                    Phrase(
                        N_("the pack at {folder} has errors and was left out (from {origin})"),
                        folder=folder,
                        origin=origin,
                    )
                    if origin
                    else Phrase(N_("the pack at {folder} has errors and was left out"), folder=folder),
                    origin or str(folder),
                    severity=Severity.ERROR,
                )
            )
            return
        self._problems.extend(self._add(pack, origin or Phrase(N_("folder {folder}"), folder=str(folder))))

    def _lookup(self, identifier: str) -> bool | None:
        namespace = identifier.split("/", 1)[0]
        if namespace not in self._packs:
            return None
        return identifier in self._records or identifier in self._concepts

    # -- reading ---------------------------------------------------------------------------------
    @property
    def report(self) -> Report:
        """Problems met while building the library (bad packs, failing plugins, clashes)."""
        return Report(problems=tuple(self._problems))

    @property
    def packs(self) -> tuple[ContentPack, ...]:
        """The packs, in the order they were added."""
        return tuple(self._packs.values())

    def pack(self, name: str) -> ContentPack:
        """The pack named *name*."""
        try:
            return self._packs[name]
        except KeyError:
            raise UnknownIdError("pack", name, difflib.get_close_matches(name, self._packs, n=3)) from None

    def pack_of(self, identifier: str) -> ContentPack:
        """The pack that holds the record or concept *identifier*."""
        owner = self._owner.get(identifier)
        if owner is None:
            raise self._unknown("record", identifier)
        return self._packs[owner]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records.values())

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._records or identifier in self._concepts

    def get(self, identifier: str) -> Record:
        """The record with *identifier*; raise :class:`~ouderbetrokkenheid.UnknownIdError` (with
        suggestions) when there is none."""
        try:
            return self._records[identifier]
        except KeyError:
            raise self._unknown("record", identifier) from None

    def concept(self, identifier: str) -> tuple[Framework, Concept]:
        """The framework and concept for a concept id ``pack/framework#concept``."""
        try:
            return self._concepts[identifier]
        except KeyError:
            raise self._unknown("concept", identifier, self._concepts) from None

    def _unknown(self, kind: str, identifier: str, pool: Iterable[str] | None = None) -> UnknownIdError:
        candidates = list(self._records if pool is None else pool)
        return UnknownIdError(
            kind, identifier, difflib.get_close_matches(identifier, candidates, n=3, cutoff=0.6)
        )

    def _of(self, cls: type[R]) -> tuple[R, ...]:
        return tuple(record for record in self._records.values() if isinstance(record, cls))

    def resources(self) -> tuple[Resource, ...]:
        """Every resource of every pack."""
        return self._of(Resource)

    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every pack."""
        return self._of(Finding)

    def frameworks(self) -> tuple[Framework, ...]:
        """Every framework of every pack."""
        return self._of(Framework)

    def mappings(self) -> tuple[Mapping, ...]:
        """Every crosswalk mapping of every pack."""
        return self._of(Mapping)

    def assessments(self) -> tuple[Assessment, ...]:
        """Every assessment of every pack."""
        return self._of(Assessment)

    def filtered(self, keep: "Callable[[Record], bool]") -> "Library":
        """A new library with only the records for which *keep* is true (packs and manifests kept)."""
        import attrs

        packs = [
            attrs.evolve(pack, **{kind: tuple(r for r in getattr(pack, kind) if keep(r)) for kind in KINDS})
            for pack in self._packs.values()
        ]
        library = Library(packs, problems=self._problems)
        library._origins = dict(self._origins)
        return library

    def counts(self) -> dict[str, dict[str, int]]:
        """Records per pack and kind: ``{"ocb": {"resources": 9, ...}}``."""
        return {
            pack.name: {kind: len(getattr(pack, kind)) for kind in KINDS} for pack in self._packs.values()
        }


#: Where a pack given as an object (not from a plugin or a folder) comes from, in the messages.
_DIRECT = Phrase(N_("given directly"))


def _clash(code: str, message: str, where: str, severity: Severity = Severity.ERROR) -> Problem:
    hints = {
        "duplicate-id": N_(
            "Ids must be unique across all loaded packs: rename one, or do not load both packs."
        ),
        "duplicate-pack": N_("Two packs with one name cannot be loaded together: uninstall or disable one."),
    }
    return Problem(
        code=code,
        severity=severity,
        message=message,
        file=where,
        hint=hints.get(code, N_("See the problems listed before this one.")),
    )


def _by_dependencies(folders: Sequence[tuple[Any, Path]]) -> list[tuple[Any, Path]]:
    """Order pack folders so that a pack comes after the packs it depends on (when it can)."""
    from ouderbetrokkenheid.loading.manifest import peek_manifest

    info = [peek_manifest(folder) for _, folder in folders]
    ordered: list[int] = []
    placed: set[str] = set()
    remaining = list(range(len(folders)))
    names = {name for name, _ in info if name}
    while remaining:
        ready = [i for i in remaining if all(d in placed or d not in names for d in info[i][1])]
        if not ready:  # a cycle: keep the given order for the rest
            ready = remaining[:]
        for i in ready:
            ordered.append(i)
            if info[i][0]:
                placed.add(info[i][0])  # type: ignore[arg-type]
        remaining = [i for i in remaining if i not in ready]
    return [folders[i] for i in ordered]
