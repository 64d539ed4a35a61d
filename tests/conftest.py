import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PACK = ROOT / "examples" / "voorbeeldpack"

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None)
# `dev.py mutate`: the same examples every run (a mutant's verdict must not depend on chance), fewer of
# them (each mutant reruns the tests), no shrinking (a failure is all a mutant's verdict needs) and no
# example database carried from one mutant to the next.
settings.register_profile(
    "mutation",
    max_examples=15,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def example_pack(tmp_path):
    """A writable copy of the example pack."""
    import shutil

    target = tmp_path / "voorbeeldpack"
    shutil.copytree(EXAMPLE_PACK, target)
    return target


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch):
    """Tests see only the plugins they register, never what happens to be installed."""
    monkeypatch.setenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture(autouse=True)
def _search_cache_in_tmp(monkeypatch, tmp_path_factory):
    """Tests never write the search index into the user's cache folder."""
    monkeypatch.setenv("OUDERBETROKKENHEID_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "search-cache"))


@pytest.fixture(autouse=True)
def _english_interface(monkeypatch):
    """Tests read the interface in English unless they ask for a language (``--lang``) or set the locale
    themselves: the CLI's words are in the catalogue, and without ``--lang`` or a locale they are Dutch."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
