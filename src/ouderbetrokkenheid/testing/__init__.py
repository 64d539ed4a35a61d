"""Helpers for people who test packs, plugins and exporters: assertions, a pytest plugin (loaded
automatically when this package is installed) and hypothesis strategies for every model type
(:mod:`ouderbetrokkenheid.testing.strategies`, which needs ``hypothesis``)."""

from ouderbetrokkenheid.testing.assertions import assert_valid_pack

__all__ = ["assert_valid_pack"]
