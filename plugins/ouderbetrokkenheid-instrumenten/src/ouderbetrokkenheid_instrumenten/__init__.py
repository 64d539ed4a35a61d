"""The 'instrumenten' content pack: two example self-assessment instruments written by this project."""

from importlib.resources import files
from importlib.resources.abc import Traversable

from ouderbetrokkenheid import hookimpl


@hookimpl
def ob_packs() -> list[Traversable]:
    """Ship the instrumenten content pack."""
    return [files(__name__) / "pack"]
