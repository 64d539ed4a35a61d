"""The plugin manager and a typed, fault-tolerant facade over its hooks.

Order of registration (the last registered is called first):

1. plugins installed under the entry-point group ``ouderbetrokkenheid``, unless disabled;
2. plugins passed explicitly (tests, embedding applications);
3. the built-in plugins (``ouderbetrokkenheid.builtin.*``).

A plugin that cannot be imported, or raises inside a hook (any exception, :class:`SystemExit`
included: a plugin that calls ``sys.exit`` does not end the program), is reported as a
:class:`~ouderbetrokkenheid.Problem` naming its distribution, and the others keep working. What a
hook returns is checked too: anything that is not a pack, a pack folder or an exporter is a
``plugin-result`` problem, in every command. Only :class:`KeyboardInterrupt` goes through (Ctrl-C
stops the program).

Environment variables:

``OUDERBETROKKENHEID_DISABLE_PLUGINS``
    Comma-separated names (entry-point names or distribution names) of plugins not to load.
``OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD``
    When set to ``1``, no installed plugin is loaded; only built-ins and explicit plugins.
"""

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from ouderbetrokkenheid import hookspecs
from ouderbetrokkenheid.errors import Phrase, Problem, Severity
from ouderbetrokkenheid.hookspecs import PROJECT
from ouderbetrokkenheid.i18n import N_

if TYPE_CHECKING:
    from ouderbetrokkenheid.exporters.base import Exporter

DISABLE_ENV = "OUDERBETROKKENHEID_DISABLE_PLUGINS"
NO_AUTOLOAD_ENV = "OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD"

#: What a plugin may raise without taking the program down: every exception, and ``sys.exit``.
PLUGIN_FAULTS: tuple[type[BaseException], ...] = (Exception, SystemExit)

#: The built-in plugins, registered last (so called first).
BUILTIN_PLUGINS: tuple[str, ...] = (
    "ouderbetrokkenheid.builtin.exporters",
    "ouderbetrokkenheid.builtin.userpacks",
)


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What is known about one registered plugin."""

    name: str
    #: The distribution that installed it (``None`` for built-ins and explicit plugins).
    distribution: str | None = None
    version: str | None = None
    #: The hooks it implements.
    hooks: tuple[str, ...] = ()
    builtin: bool = False

    @property
    def label(self) -> str:
        """``distribution version`` when known, else the plugin name."""
        if self.distribution:
            return f"{self.distribution} {self.version or ''}".strip()
        return self.name


def disabled_plugins(environ: "os._Environ[str] | dict[str, str] | None" = None) -> frozenset[str]:
    """The plugin names listed in ``OUDERBETROKKENHEID_DISABLE_PLUGINS``."""
    env = os.environ if environ is None else environ
    return frozenset(name.strip() for name in env.get(DISABLE_ENV, "").split(",") if name.strip())


class PluginHost:
    """A plugin manager plus what happened while loading it, with one typed method per hook.

    Build one with :func:`get_plugin_manager`.
    """

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.problems: list[Problem] = []
        self._infos: dict[str, PluginInfo] = {}

    # -- registration ------------------------------------------------------------------------
    def register(
        self,
        plugin: object,
        name: str,
        *,
        distribution: str | None = None,
        version: str | None = None,
        builtin: bool = False,
    ) -> None:
        """Register *plugin* under *name* and remember where it came from."""
        self.manager.register(plugin, name=name)
        hooks = tuple(sorted(impl.name for impl in self.manager.get_hookcallers(plugin) or ()))
        self._infos[name] = PluginInfo(
            name=name, distribution=distribution, version=version, hooks=hooks, builtin=builtin
        )

    def load_entry_points(self, disabled: Iterable[str] = ()) -> None:
        """Import and register every installed plugin of the ``ouderbetrokkenheid`` group, one by one."""
        from importlib.metadata import entry_points

        blocked = frozenset(disabled)
        seen: set[str] = set()
        for entry_point in entry_points(group=PROJECT):
            dist = entry_point.dist
            dist_name = dist.name if dist is not None else None
            version = dist.version if dist is not None else None
            if entry_point.name in seen:  # the same dist-info found twice (lib64 -> lib symlinks)
                continue
            seen.add(entry_point.name)
            if entry_point.name in blocked or (dist_name is not None and dist_name in blocked):
                self.manager.set_blocked(entry_point.name)
                continue
            try:
                plugin = entry_point.load()
                self.register(plugin, entry_point.name, distribution=dist_name, version=version)
            except PLUGIN_FAULTS as exc:
                self.problems.append(
                    _plugin_problem(
                        "plugin-import",
                        dist_name or entry_point.name,
                        Phrase(
                            N_("could not load plugin '{plugin}' ({where}): {error}"),
                            plugin=entry_point.name,
                            where=entry_point.value,
                            error=f"{type(exc).__name__}: {exc}",
                        ),
                        Phrase(
                            N_("Reinstall or upgrade it, or disable it with {setting}."),
                            setting=f"{DISABLE_ENV}={entry_point.name}",
                        ),
                    )
                )

    def check_unknown_hooks(self) -> None:
        """Report implementations of hooks that have no specification (a typo, or a newer plugin API),
        like pluggy's ``check_pending`` but as warnings that name the plugin instead of one exception."""
        for hook_name in sorted(vars(self.manager.hook)):
            caller = getattr(self.manager.hook, hook_name)
            if caller.has_spec() or not hook_name.startswith("ob_"):
                continue
            for impl in caller.get_hookimpls():
                if getattr(impl, "optionalhook", False):
                    continue
                info = self._infos.get(impl.plugin_name) or PluginInfo(name=impl.plugin_name)
                self.problems.append(
                    Problem(
                        code="plugin-hook",
                        severity=Severity.WARNING,
                        file=info.label,
                        message=Phrase(
                            N_("plugin '{plugin}' implements '{hook}', which is not a hook of this version"),
                            plugin=info.name,
                            hook=hook_name,
                        ),
                        hint=N_(
                            "Check the hook's name against `ouderbetrokkenheid.hookspecs`; it is never called."
                        ),
                    )
                )

    # -- information ---------------------------------------------------------------------------
    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every registered plugin, external ones first, in registration order."""
        return tuple(self._infos.values())

    def info(self, name: str) -> PluginInfo:
        """The :class:`PluginInfo` of the plugin registered as *name*."""
        return self._infos[name]

    # -- hooks ----------------------------------------------------------------------------------
    def _call(self, hook_name: str, **kwargs: Any) -> list[tuple[PluginInfo, Any]]:
        """Call every implementation of *hook_name* in pluggy's order; isolate failures per plugin."""
        caller = getattr(self.manager.hook, hook_name)
        results: list[tuple[PluginInfo, Any]] = []
        for impl in reversed(caller.get_hookimpls()):  # pluggy calls the last registered first
            info = self._infos.get(impl.plugin_name) or PluginInfo(name=impl.plugin_name)
            arguments = {name: kwargs[name] for name in impl.argnames if name in kwargs}
            try:
                result = impl.function(**arguments)
            except PLUGIN_FAULTS as exc:
                self.problems.append(
                    _plugin_problem(
                        "plugin-hook",
                        info.label,
                        Phrase(
                            N_("plugin '{plugin}' raised {error} in {hook}: {detail}"),
                            plugin=info.name,
                            error=type(exc).__name__,
                            hook=hook_name,
                            detail=str(exc),
                        ),
                        Phrase(
                            N_("Report this to the plugin's authors, or disable it with {setting}."),
                            setting=f"{DISABLE_ENV}={info.name}",
                        ),
                    )
                )
                continue
            if result is not None:
                results.append((info, result))
        return results

    def pack_sources(self) -> list[tuple[PluginInfo, Any]]:
        """``(plugin, pack-or-folder)`` for every pack that plugins contribute through ``ob_packs``:
        :class:`~ouderbetrokkenheid.ContentPack` objects and folders (``str`` or path-like). Anything
        else a hook returns is left out with a ``plugin-result`` problem naming the plugin."""
        from ouderbetrokkenheid.model import ContentPack

        sources: list[tuple[PluginInfo, Any]] = []
        for info, items in self._call("ob_packs"):
            for item in _as_sequence(items):
                if isinstance(item, ContentPack) or (isinstance(item, str | os.PathLike) and _fspath(item)):
                    sources.append((info, item))
                    continue
                self.problems.append(
                    _plugin_problem(
                        "plugin-result",
                        info.label,
                        Phrase(
                            N_(
                                "plugin '{plugin}' returned {value} from ob_packs, not a pack or a pack folder"
                            ),
                            plugin=info.name,
                            value=_shown(item),
                        ),
                        Phrase(
                            N_(
                                "ob_packs returns ContentPack objects or paths of pack folders; report this to the "
                                "plugin's authors, or disable it with {setting}."
                            ),
                            setting=f"{DISABLE_ENV}={info.name}",
                        ),
                    )
                )
        return sources

    def exporters(self) -> "dict[str, tuple[PluginInfo, Exporter]]":
        """Every exporter by name. Two with the same name: the first (by call order) wins and a
        ``duplicate-exporter`` problem names both plugins."""
        found: dict[str, tuple[PluginInfo, Exporter]] = {}
        for info, items in self._call("ob_exporters"):
            for exporter in _as_sequence(items):
                name = _exporter_name(exporter)
                if name is None:
                    self.problems.append(
                        _plugin_problem(
                            "plugin-result",
                            info.label,
                            Phrase(
                                N_("plugin '{plugin}' returned {value}, not an exporter"),
                                plugin=info.name,
                                value=_shown(exporter),
                            ),
                            N_(
                                "An exporter needs a name and an export() method; see ouderbetrokkenheid.Exporter."
                            ),
                        )
                    )
                    continue
                if name in found:
                    self.problems.append(
                        _plugin_problem(
                            "duplicate-exporter",
                            info.label,
                            Phrase(
                                N_(
                                    "exporter '{exporter}' of plugin '{plugin}' clashes with the one of '{other}'"
                                ),
                                exporter=name,
                                plugin=info.name,
                                other=found[name][0].name,
                            ),
                            Phrase(N_("Disable one of the two with {setting}."), setting=DISABLE_ENV),
                        )
                    )
                    continue
                found[name] = (info, exporter)
        return found


def _fspath(item: Any) -> str:
    try:
        return os.fspath(item)
    except PLUGIN_FAULTS:
        return ""


def _exporter_name(exporter: Any) -> str | None:
    """The exporter's name when *exporter* has what :class:`~ouderbetrokkenheid.Exporter` needs
    (str ``name``, ``media_type``, ``extension``, ``description``; ``kinds``; ``export()``), else ``None``."""
    try:
        texts = [getattr(exporter, key, None) for key in ("name", "media_type", "extension", "description")]
        kinds = getattr(exporter, "kinds", None)
        ok = (
            all(isinstance(text, str) for text in texts)
            and isinstance(kinds, frozenset | set | tuple | list)
            and all(isinstance(kind, str) for kind in kinds)
            and callable(getattr(exporter, "export", None))
        )
    except PLUGIN_FAULTS:
        return None
    return texts[0] if ok and texts[0] else None


def _shown(value: Any) -> str:
    """A short description of what a plugin returned (its repr could be anything, of any length)."""
    try:
        text = repr(value)
    except PLUGIN_FAULTS:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."


def _as_sequence(items: Any) -> Sequence[Any]:
    if isinstance(items, (list, tuple)):
        return items
    return [items]


def _plugin_problem(code: str, who: str, message: str, hint: str) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message, hint=hint, file=who)


def get_plugin_manager(
    *,
    plugins: Iterable[object] = (),
    load_entry_points: bool | None = None,
    disabled: Iterable[str] | None = None,
) -> PluginHost:
    """Build a fresh plugin manager (no global state) and return its :class:`PluginHost`.

    :param plugins: extra plugin objects (modules, classes or instances with hook implementations).
    :param load_entry_points: load installed plugins; by default yes, unless
        ``OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD=1``.
    :param disabled: plugin or distribution names not to load; by default those in
        ``OUDERBETROKKENHEID_DISABLE_PLUGINS``.
    """
    import importlib

    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs.PackSpecs)
    manager.add_hookspecs(hookspecs.ExporterSpecs)
    host = PluginHost(manager)
    if load_entry_points is None:
        load_entry_points = os.environ.get(NO_AUTOLOAD_ENV, "") not in ("1", "true", "yes")
    if load_entry_points:
        host.load_entry_points(disabled_plugins() if disabled is None else disabled)
    for index, plugin in enumerate(plugins):
        name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{index}"
        try:
            host.register(plugin, name)
        except PLUGIN_FAULTS as exc:  # pluggy refuses a hook implementation with a wrong signature
            host.problems.append(
                _plugin_problem(
                    "plugin-import",
                    str(name),
                    Phrase(
                        N_("could not register plugin '{plugin}': {error}"),
                        plugin=name,
                        error=f"{type(exc).__name__}: {exc}",
                    ),
                    N_("Check its hook implementations against ouderbetrokkenheid.hookspecs."),
                )
            )
    for module_name in BUILTIN_PLUGINS:
        host.register(importlib.import_module(module_name), module_name, builtin=True)
    host.check_unknown_hooks()
    return host
