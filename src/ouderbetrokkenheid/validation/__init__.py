"""Validation: JSON Schema (the contract) plus the checks across records, reported as Problems."""

from ouderbetrokkenheid.validation.pack import check_pack, load_pack, validate_pack

__all__ = ["check_pack", "load_pack", "validate_pack"]
