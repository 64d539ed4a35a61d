"""Small value types shared by every record: agents, links, sources and provenance."""

import datetime

import attrs

from ouderbetrokkenheid.model.text import LocalizedText


@attrs.frozen(kw_only=True)
class Agent:
    """A person or an organisation (an author, a publisher, a provider)."""

    name: str
    #: ``person`` or ``organisation`` (vocabulary ``agent-kind``).
    kind: str = "organisation"
    url: str | None = None


@attrs.frozen(kw_only=True)
class Link:
    """Where a resource can be had: a URL, a provider (a library that lends it), or both; when the
    source names neither ("download the book"), at least a label that says what the source says."""

    #: ``online``, ``download``, ``lend``, ``order``, ``members`` or ``on-request`` (vocabulary ``access``).
    access: str
    #: Only ``http``, ``https`` or ``mailto``. Absent when the source gives no address: never guessed.
    url: str | None = None
    #: Who provides it (``Obib van OCB``), when that is not the publisher.
    provider: str | None = None
    label: LocalizedText | None = None
    #: Languages the linked document is in (BCP 47).
    languages: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Source:
    """A source document that records are taken from, declared once in the pack manifest."""

    #: Local id within the pack (``seed-ocb``), referenced by :attr:`Provenance.source`.
    id: str
    title: str
    publisher: str | None = None
    year: int | None = None
    edition: str | None = None
    url: str | None = None
    #: The date the source was read.
    retrieved: datetime.date | None = None
    #: A file name or other identifier of the copy that was read.
    document: str | None = None


@attrs.frozen(kw_only=True)
class Translation:
    """A language of a record's labels that is not the source language, and how it was made."""

    language: str
    #: ``human`` or ``machine`` (vocabulary ``translation-method``).
    method: str = "human"
    #: Who translated (an organisation or this project).
    by: str | None = None


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a record comes from and how far it has been checked."""

    #: The id of a :class:`Source` declared in the pack manifest.
    source: str
    #: ``verified``, ``from-source-document``, ``secondary-source``, ``unverified`` or
    #: ``example-authored-here`` or ``authored-here`` (vocabulary ``verification``).
    status: str
    #: Where in the source (a section, a page).
    locator: str | None = None
    #: The source language of the labels (BCP 47).
    language: str = "nl"
    #: Labels that are translations of the source language.
    translations: tuple[Translation, ...] = ()
    note: LocalizedText | None = None
