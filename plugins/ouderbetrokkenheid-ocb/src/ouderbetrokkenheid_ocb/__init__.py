"""The 'ocb' content pack: OCB's rubric page "Ouderbetrokkenheid" as structured, multilingual data."""

from importlib.resources import files
from importlib.resources.abc import Traversable

from ouderbetrokkenheid import hookimpl


@hookimpl
def ob_packs() -> list[Traversable]:
    """Ship the ocb content pack."""
    return [files(__name__) / "pack"]
