"""``safe_url``: the one rule for links, rule by rule (each case fails when one rule is weakened)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouderbetrokkenheid.urls import SAFE_SCHEMES, safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org/a?b=c&d=e#f",
        "mailto:info@example.org",
        "HTTPS://EXAMPLE.ORG/A",  # a scheme is case-insensitive (RFC 3986, 3.1)
        "Http://example.org/",
        "MAILTO:info@example.org",
    ],
)
def test_links_that_may_be_written(url):
    assert safe_url(url) == url  # returned as given, never rewritten


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.org/it's",  # a single quote ends a single-quoted attribute
        "https://example.org/'onmouseover='alert(1)",
        'https://example.org/"',
        "https://example.org/<script>",
        "https://example.org/a>b",
        "https://example.org/a b",
        "https://example.org/a\tb",
        "https://example.org/a\nb",
        "https://example.org/\x7f",
        "https://example.org/\x85",
        "https://example.org/a\\b",
        "https://example.org/a^b",
        "https://example.org/a`b",
        "https://example.org/{a}",
        "https://example.org/a|b",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,hi",
        "vbscript:msgbox(1)",
        "ftp://example.org/a",
        "//example.org/a",  # relative to the page's scheme
        "/a/b",
        "example.org",
        "http:evil",
        "HTTP:evil",  # an upper-case scheme still needs its "//"
        "Https:/evil",
        "HTTPS:evil",
    ],
)
def test_links_that_are_refused(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("scheme", sorted(SAFE_SCHEMES - {"mailto"}))
def test_web_schemes_need_two_slashes_in_any_case(scheme):
    for variant in (scheme, scheme.upper(), scheme.capitalize(), scheme.swapcase().capitalize()):
        assert safe_url(f"{variant}://example.org/") == f"{variant}://example.org/"
        assert safe_url(f"{variant}:example.org/") is None
        assert safe_url(f"{variant}:/example.org/") is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_whatever_is_accepted_has_no_character_that_could_end_an_attribute(tail):
    url = safe_url(f"https://example.org/{tail}")
    if url is not None:
        assert not any(ch in url for ch in "\"'<>` \t\r\n\\")
