"""The pytest plugin (entry point ``pytest11``): fixtures for pack and plugin authors.

It imports nothing heavy, so it costs nothing in test runs that do not use it.
"""

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ouderbetrokkenheid.plugins import PluginHost


@pytest.fixture
def ob_plugin_host() -> Callable[..., "PluginHost"]:
    """A factory for fresh plugin managers that load no installed plugin unless asked:
    ``ob_plugin_host(plugins=[my_plugin])``."""
    from ouderbetrokkenheid.plugins import get_plugin_manager

    def make(*, plugins: Any = (), load_entry_points: bool = False, disabled: Any = ()) -> "PluginHost":
        return get_plugin_manager(plugins=plugins, load_entry_points=load_entry_points, disabled=disabled)

    return make


@pytest.fixture
def ob_isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Switch off the loading of installed plugins for the duration of a test."""
    from ouderbetrokkenheid.plugins import NO_AUTOLOAD_ENV

    monkeypatch.setenv(NO_AUTOLOAD_ENV, "1")
    yield
