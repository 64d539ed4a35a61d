"""The 'vcov' content pack: everything VCOV's E-toolkit ouderbetrokkenheid lists, as data."""

from importlib.resources import files
from importlib.resources.abc import Traversable

from ouderbetrokkenheid import hookimpl


@hookimpl
def ob_packs() -> list[Traversable]:
    """Ship the vcov content pack."""
    return [files(__name__) / "pack"]
