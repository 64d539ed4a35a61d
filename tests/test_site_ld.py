"""The schema.org node of a resource page: the localised nodes of vocabulary terms are remembered and
shared between pages, keyed on everything they depend on."""

from ouderbetrokkenheid.exporters.jsonld import _defined_term
from ouderbetrokkenheid.exporters.site.ld import _localize, _localize_all


def test_a_vocabulary_term_is_localised_per_language_and_default():
    node = _defined_term("theme", "research")
    for langs in (("nl",), ("en",), ("fr", "nl"), ("ary",)):
        for default in (None, "nl", "fr", "en"):
            remembered = _localize_all(node, langs, default, "keywords")
            assert remembered == [_localize(node, lang, default) for lang in langs]
    assert (
        _localize_all(node, ("nl",), None, "keywords")[0]["name"]
        != _localize_all(node, ("en",), None, "keywords")[0]["name"]
    )


def test_a_vocabulary_term_under_another_key_is_walked_for_that_key():
    node = _defined_term("theme", "research")
    under_keywords = _localize_all(node, ("nl",), None, "keywords")
    assert _localize_all(node, ("nl",), None, "about") == under_keywords  # the same node, the same walk
    assert _localize_all(node, ("nl",), None, "about") is not under_keywords  # remembered apart
