"""The 'ref' content pack: reference frameworks, research findings and crosswalks on parental involvement."""

from importlib.resources import files
from importlib.resources.abc import Traversable

from ouderbetrokkenheid import hookimpl


@hookimpl
def ob_packs() -> list[Traversable]:
    """Ship the ref content pack."""
    return [files(__name__) / "pack"]
