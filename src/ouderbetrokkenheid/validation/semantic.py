"""Checks that JSON Schema cannot make: across records and files, and inside an assessment.

Every check yields :class:`~ouderbetrokkenheid.errors.Problem` records located at the record (file and
JSON pointer) that is wrong. The checks read the structured model objects.
"""

import functools
import itertools
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

import attrs

from ouderbetrokkenheid.errors import Phrase, Problem, Severity
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.loading.documents import Document
from ouderbetrokkenheid.model import (
    Assessment,
    Finding,
    Framework,
    LocalizedText,
    Mapping,
    PackManifest,
    Record,
    Resource,
)

WARNING = Severity.WARNING
#: The deepest chain of ``broader`` concepts a framework may have (top level: 1). Real frameworks nest
#: a few levels; the limit keeps every exporter's walk of the tree far from Python's recursion limit.
MAX_CONCEPT_DEPTH = 32


@attrs.frozen(kw_only=True)
class Located:
    """A record and where it was read."""

    record: Record
    document: Document
    pointer: str

    def problem(
        self, code: str, message: str, *, at: str = "", hint: str = "", severity: Severity = Severity.ERROR
    ) -> Problem:
        """A problem at ``pointer + at`` of this record."""
        return self.document.problem(code, message, pointer=self.pointer + at, hint=hint, severity=severity)


#: Answers whether an id (record or concept) exists in *another* loaded pack; ``None`` when that
#: pack is not loaded, so the reference cannot be checked.
ExternalLookup = Callable[[str], bool | None]


def _namespace(identifier: str) -> str:
    return identifier.split("/", 1)[0]


class _Checker:
    def __init__(
        self, manifest: PackManifest, located: Sequence[Located], external: ExternalLookup | None
    ) -> None:
        self.manifest = manifest
        self.located = located
        self.external = external
        self.ns = manifest.name
        #: The ids of the records (a set, or a dict naming where each was first read).
        self.records: Collection[str] = ()
        self.concepts: set[str] = set()
        self.sources = {source.id for source in manifest.sources}
        self.required = frozenset(manifest.languages)

    # -- references -------------------------------------------------------------------------
    def ref(self, where: Located, at: str, target: str, what: str) -> Iterator[Problem]:
        """Check that *target* (a record or concept id) exists."""
        local = target in self.concepts if "#" in target else target in self.records
        if local:
            return
        namespace = _namespace(target)
        if namespace == self.ns:
            yield where.problem(
                "unknown-reference",
                Phrase(N_("{what} '{id}' does not exist in this pack"), what=what, id=target),
                at=at,
                hint=N_("Check the spelling of the id, or add the record it points at."),
            )
            return
        if namespace not in self.manifest.depends:
            yield where.problem(
                "undeclared-dependency",
                Phrase(
                    N_("{what} '{id}' points into pack '{pack}', which the manifest does not list"),
                    what=what,
                    id=target,
                    pack=namespace,
                ),
                at=at,
                hint=Phrase(N_("Add '{pack}' to 'depends' in pack.yaml, or fix the id."), pack=namespace),
            )
            return
        found = self.external(target) if self.external is not None else None
        if found is None:
            yield where.problem(
                "unresolved-external-reference",
                Phrase(
                    N_("{what} '{id}' is in pack '{pack}', which is not loaded"),
                    what=what,
                    id=target,
                    pack=namespace,
                ),
                at=at,
                severity=WARNING,
                hint=Phrase(
                    N_("Install or pass the '{pack}' pack too to check this reference."), pack=namespace
                ),
            )
        elif not found:
            yield where.problem(
                "unknown-reference",
                Phrase(
                    N_("{what} '{id}' does not exist in pack '{pack}'"), what=what, id=target, pack=namespace
                ),
                at=at,
                hint=N_("Check the spelling of the id."),
            )

    def refs(self, where: Located, field: str, targets: Sequence[str], what: str) -> Iterator[Problem]:
        for index, target in enumerate(targets):
            if target in self.concepts or target in self.records:
                continue  # the common case, without a generator per reference
            yield from self.ref(where, f"/{field}/{index}", target, what)

    # -- translations ------------------------------------------------------------------------
    def texts(self, where: Located, obj: object, at: str) -> Iterator[Problem]:
        """Check every multilingual text in *obj*, however deeply nested, for the pack's languages."""
        missing: list[tuple[str, LocalizedText]] = []
        _uncovered(obj, self.required, at, missing)
        for pointer, text in missing:
            absent = [lang for lang in self.manifest.languages if lang not in text]
            yield where.problem(
                "missing-translation",
                Phrase(
                    N_("no {missing} text (the pack declares {languages})"),
                    missing=", ".join(absent),
                    languages=", ".join(self.manifest.languages),
                ),
                at=pointer,
                severity=WARNING,
                hint=N_(
                    "Add the missing language(s), marked in provenance.translations, or remove them from the "
                    "manifest's languages."
                ),
            )

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> Iterator[Problem]:
        # Most records are resources in which the full check finds nothing. In a large pack the records
        # lie spread over the memory, and reaching them costs more than what is done with them: one
        # pass takes their ids (for the index) and clears most of them with a quick test; only the
        # others are checked in full, in their order, after the index and every problem of the ids.
        located = self.located
        ids, to_check, targets, parents = self.quick()
        yield from self.index(ids, [located[number] for number in to_check])
        unknown = self.unknown(targets, parents)
        if unknown:  # some cleared resources point outside the pack after all: they are checked too
            to_check = self.pointing_at(unknown, to_check)
        yield from self.check([located[number] for number in to_check])

    def check(self, located: Iterable[Located]) -> Iterator[Problem]:
        """Every check of one record at a time, for each of *located* in order (the index complete)."""
        sources, required = self.sources, self.required
        coverage: dict[type, Callable[[object, frozenset[str]], bool]] = {}
        for where in located:
            record = where.record
            cls = type(record)
            if record.provenance.source not in sources:
                yield where.problem(
                    "unknown-source",
                    Phrase(
                        N_("provenance source '{source}' is not declared in pack.yaml"),
                        source=record.provenance.source,
                    ),
                    at="/provenance/source",
                    hint=N_(
                        "Declare it under 'sources' in pack.yaml (id, title, publisher, year, retrieved)."
                    ),
                )
            covered = coverage.get(cls)
            if covered is None:
                covered = coverage[cls] = _coverage_test(cls)
            if not covered(record, required):  # most records miss nothing
                yield from self.texts(where, record, "")
            if isinstance(record, Resource):
                if not self.resolves(record):  # most resources point only at what the pack holds
                    yield from self.resource(where, record)
            elif isinstance(record, Finding):
                yield from self.finding(where, record)
            elif isinstance(record, Framework):
                yield from self.framework(where, record)
            elif isinstance(record, Mapping):
                yield from self.mapping(where, record)
            elif isinstance(record, Assessment):
                yield from self.assessment(where, record)

    def quick(self) -> tuple[list[str], list[int], set[str], set[str]]:
        """The ids of the records, the numbers of the records that the quick test does not clear (in
        order; every framework among them), the ids that the cleared ones point at in ``concepts`` and
        ``related``, and their ``part_of`` ids.

        A resource is cleared when :meth:`check` finds nothing in it provided that each of those ids is
        a record or concept of the pack (a ``part_of`` a record), which :meth:`unknown` then tells of them
        all at once: its source is declared, its texts have every language, its ``part_of`` (if any) is
        not a concept's id, and it has no ``same_as``.
        """
        sources, required, covered = self.sources, self.required, _coverage_test(Resource)
        ids: list[str] = []
        to_check: list[int] = []
        targets: set[str] = set()
        parents: set[str] = set()
        for number, where in enumerate(self.located):
            record = where.record
            ids.append(record.id)
            if (
                type(record) is Resource
                and record.provenance.source in sources
                and covered(record, required)
                and not record.same_as
            ):
                part_of = record.part_of
                if part_of is not None:
                    if "#" in part_of:  # a concept (rare): checked in full
                        to_check.append(number)
                        continue
                    parents.add(part_of)
                if record.concepts:
                    targets.update(record.concepts)
                if record.related:
                    targets.update(record.related)
            else:
                to_check.append(number)
        return ids, to_check, targets, parents

    def unknown(self, targets: set[str], parents: set[str]) -> set[str]:
        """The ids of *targets* that are neither a concept nor a record of the pack, and of *parents*
        that are not a record (the index complete)."""
        records = self.records
        unknown = {target for target in targets - self.concepts if target not in records}
        unknown.update(parent for parent in parents if parent not in records)
        return unknown

    def pointing_at(self, unknown: set[str], to_check: list[int]) -> list[int]:
        """*to_check* with the resources whose ``concepts``, ``related`` or ``part_of`` hold an *unknown*
        id, in order (a few more than need it, if an id is unknown only as a ``part_of``: harmless)."""
        more = {
            number
            for number, where in enumerate(self.located)
            if type(where.record) is Resource
            and (
                where.record.part_of in unknown
                or not (
                    unknown.isdisjoint(where.record.concepts) and unknown.isdisjoint(where.record.related)
                )
            )
        }
        return sorted(more.union(to_check))

    def index(self, ids: list[str], frameworks: Iterable[Located]) -> Iterator[Problem]:
        """Index the records (their *ids* in order) and the concepts of their frameworks (all among
        *frameworks*, in order), yielding what is wrong with their ids."""
        if self.index_at_once(ids):
            for where in frameworks:
                if isinstance(where.record, Framework):
                    yield from self.members(where, where.record)
            return
        records: dict[str, Located] = {}
        for where in self.located:
            record = where.record
            if _namespace(record.id) != self.ns:
                yield where.problem(
                    "foreign-namespace",
                    Phrase(
                        N_("id '{id}' is not in this pack's namespace '{pack}'"), id=record.id, pack=self.ns
                    ),
                    at="/id",
                    hint=Phrase(N_("Start the id with '{pack}/'."), pack=self.ns),
                )
            first = records.get(record.id)
            if first is not None:
                yield where.problem(
                    "duplicate-id",
                    Phrase(
                        N_("id '{id}' is used twice; first at {place}"),
                        id=record.id,
                        place=f"{first.document.path}{first.pointer and ' ' + first.pointer}",
                    ),
                    at="/id",
                    hint=N_("Give every record its own id."),
                )
                continue
            records[record.id] = where
            if isinstance(record, Framework):
                yield from self.members(where, record)
        self.records = records

    def index_at_once(self, ids: list[str]) -> bool:
        """Index the record ids in one go when none is foreign or used twice (the common case, which
        needs neither a message nor the place of a first use); ``False`` when one may be, nothing done.

        A set of the ids, built and tested in C, costs a fraction of a dict filled one record at a time.
        An id without the pack's prefix (even the bare name of the pack, which is not foreign) is left
        to the record by record index.
        """
        unique = set(ids)
        if len(unique) != len(ids) or not all(map(str.startswith, ids, itertools.repeat(self.ns + "/"))):
            return False
        self.records = unique
        return True

    def members(self, where: Located, record: Framework) -> Iterator[Problem]:
        for index, concept in enumerate(record.concepts):
            yield from self.member_id(where, f"/concepts/{index}/id", record.id, concept.id, _CONCEPT)
        for index, collection in enumerate(record.collections):
            yield from self.member_id(
                where, f"/collections/{index}/id", record.id, collection.id, _COLLECTION
            )

    def member_id(
        self, where: Located, at: str, framework: str, identifier: str, what: tuple[str, str, str]
    ) -> Iterator[Problem]:
        """*what*: the kind of member (a concept or a collection), as three phrases."""
        kind, twice, own = what
        if not identifier.startswith(framework + "#"):
            yield where.problem(
                "foreign-namespace",
                Phrase(
                    N_("{what} id '{id}' does not start with '{framework}#'"),
                    what=Phrase(kind),
                    id=identifier,
                    framework=framework,
                ),
                at=at,
                hint=Phrase(
                    N_("Write {what} ids as '{framework}#name'."), what=Phrase(kind), framework=framework
                ),
            )
        elif identifier in self.concepts:
            yield where.problem(
                "duplicate-id",
                Phrase(twice, id=identifier),
                at=at,
                hint=own,
            )
        self.concepts.add(identifier)

    def resolves(self, record: Resource) -> bool:
        """Whether every reference of *record* that :meth:`resource` checks is to a record or concept
        of this pack: then it finds nothing, and the quick test spares its generators. ``False`` says
        only that :meth:`resource` must look (an id of another pack may still be found there)."""
        concepts, records = self.concepts, self.records
        for target in record.concepts:
            if target not in concepts and target not in records:
                return False
        for target in record.related:
            if target not in concepts and target not in records:
                return False
        part_of = record.part_of
        if part_of is not None and not (part_of in concepts if "#" in part_of else part_of in records):
            return False
        for target in record.same_as:  # resource() checks only those into this pack
            if (
                not (target in concepts if "#" in target else target in records)
                and _namespace(target) == self.ns
            ):
                return False
        return True

    def resource(self, where: Located, record: Resource) -> Iterator[Problem]:
        if record.concepts:
            yield from self.refs(where, "concepts", record.concepts, Phrase(N_("concept")))
        if record.related:
            yield from self.refs(where, "related", record.related, Phrase(N_("related resource")))
        if record.part_of is not None:
            yield from self.ref(where, "/part_of", record.part_of, "part_of")
        for index, target in enumerate(record.same_as):
            # same_as usually points into another pack, which need not be installed (nor be a
            # dependency): only a link inside this pack is checked
            if _namespace(target) == self.ns:
                yield from self.ref(where, f"/same_as/{index}", target, "same_as")

    def finding(self, where: Located, record: Finding) -> Iterator[Problem]:
        yield from self.refs(where, "sources", record.sources, Phrase(N_("source resource")))
        yield from self.refs(where, "concepts", record.concepts, Phrase(N_("concept")))
        for index, effect in enumerate(record.effects):
            if effect.source is not None:
                yield from self.ref(
                    where, f"/effects/{index}/source", effect.source, Phrase(N_("effect source"))
                )
            for name in ("evidence", "cost"):
                rating = getattr(effect, name)
                if rating is not None and rating.value > rating.max:
                    yield where.problem(
                        "schema",
                        Phrase(
                            N_("{name} rating {value} is above its max {max}"),
                            name=name,
                            value=rating.value,
                            max=rating.max,
                        ),
                        at=f"/effects/{index}/{name}",
                        hint=N_("A rating lies between 0 and its max."),
                    )

    def framework(self, where: Located, record: Framework) -> Iterator[Problem]:
        yield from self.refs(where, "described_in", record.described_in, "described_in")
        own = {concept.id for concept in record.concepts}
        broader = {concept.id: concept.broader for concept in record.concepts}
        too_deep = False
        for index, concept in enumerate(record.concepts):
            if concept.broader is not None and concept.broader not in own:
                yield where.problem(
                    "unknown-reference",
                    Phrase(N_("broader concept '{id}' is not in this framework"), id=concept.broader),
                    at=f"/concepts/{index}/broader",
                    hint=N_("Point 'broader' at a concept of the same framework."),
                )
            seen = {concept.id}
            parent = concept.broader
            while parent is not None and parent in broader:
                if parent in seen:
                    yield where.problem(
                        "broader-cycle",
                        Phrase(N_("concept '{id}' is broader than itself"), id=concept.id),
                        at=f"/concepts/{index}/broader",
                        hint=N_("Remove one 'broader' link of the cycle."),
                    )
                    break
                seen.add(parent)
                if len(seen) > MAX_CONCEPT_DEPTH and not too_deep:
                    too_deep = True
                    yield where.problem(
                        "concept-depth",
                        Phrase(
                            N_("concept '{id}' is more than {n} levels deep in its framework"),
                            id=concept.id,
                            n=MAX_CONCEPT_DEPTH,
                        ),
                        at=f"/concepts/{index}/broader",
                        hint=Phrase(
                            N_(
                                "Frameworks nest at most {n} levels deep: flatten the chain of 'broader' links "
                                "(a list belongs in a collection)."
                            ),
                            n=MAX_CONCEPT_DEPTH,
                        ),
                    )
                    break
                parent = broader[parent]
        for index, collection in enumerate(record.collections):
            for member_index, member in enumerate(collection.members):
                if member not in own:
                    yield where.problem(
                        "unknown-reference",
                        Phrase(N_("collection member '{id}' is not a concept of this framework"), id=member),
                        at=f"/collections/{index}/members/{member_index}",
                        hint=N_("List concepts of this framework."),
                    )
        if record.content_status == "complete" and not record.concepts:
            yield where.problem(
                "content-status",
                N_("a framework marked complete has no concepts"),
                at="/content_status",
                hint=N_("Mark it 'metadata-only' or 'partial' and say what is unknown in known_gaps."),
            )
        if record.content_status != "complete" and record.known_gaps is None:
            yield where.problem(
                "content-status",
                Phrase(
                    N_("a framework marked {status} does not say what is unknown"),
                    status=record.content_status,
                ),
                at="/content_status",
                severity=WARNING,
                hint=N_("Add known_gaps."),
            )

    def mapping(self, where: Located, record: Mapping) -> Iterator[Problem]:
        yield from self.ref(where, "/subject", record.subject, "subject")
        yield from self.ref(where, "/object", record.object, "object")
        if record.subject.split("#", 1)[0] == record.object.split("#", 1)[0]:
            yield where.problem(
                "unknown-reference",
                N_("a mapping links two concepts of the same framework"),
                at="/object",
                severity=WARNING,
                hint=N_("Mappings are crosswalks between frameworks; use 'broader' inside one framework."),
            )

    def assessment(self, where: Located, record: Assessment) -> Iterator[Problem]:
        yield from self.refs(where, "described_in", record.described_in, "described_in")
        if record.framework is not None:
            yield from self.ref(where, "/framework", record.framework, Phrase(N_("framework")))
        groups = yield from _unique(where, "groups", [g.id for g in record.groups], _GROUP)
        scales = yield from _unique(where, "scales", [s.id for s in record.scales], _SCALE)
        dimensions = yield from _unique(where, "dimensions", [d.id for d in record.dimensions], _DIMENSION)
        for index, scale in enumerate(record.scales):
            yield from _unique(where, f"scales/{index}/options", [o.code for o in scale.options], _OPTION)
            for option_index, option in enumerate(scale.options):
                if option.score is None and not option.not_applicable:
                    yield where.problem(
                        "scale-scores",
                        Phrase(
                            N_("option '{code}' has no score and is not marked not_applicable"),
                            code=option.code,
                        ),
                        at=f"/scales/{index}/options/{option_index}",
                        hint=N_("Give it a score, or set not_applicable: true."),
                    )
        for index, dimension in enumerate(record.dimensions):
            yield from self.refs(
                where, f"dimensions/{index}/concepts", dimension.concepts, Phrase(N_("concept"))
            )
        link_ids: set[str] = set()
        for s_index, section in enumerate(record.sections):
            for i_index, item in enumerate(section.items):
                at = f"/sections/{s_index}/items/{i_index}"
                if item.link_id in link_ids:
                    yield where.problem(
                        "duplicate-id",
                        Phrase(N_("link_id '{id}' is used twice"), id=item.link_id),
                        at=at + "/link_id",
                        hint=N_("Link ids identify answers: give every item its own."),
                    )
                link_ids.add(item.link_id)
                if item.dimension not in dimensions:
                    yield where.problem(
                        "unknown-reference",
                        Phrase(N_("dimension '{id}' is not declared"), id=item.dimension),
                        at=at + "/dimension",
                        hint=N_("Declare it under 'dimensions'."),
                    )
                if item.scale not in scales:
                    yield where.problem(
                        "unknown-reference",
                        Phrase(N_("scale '{id}' is not declared"), id=item.scale),
                        at=at + "/scale",
                        hint=N_("Declare it under 'scales'."),
                    )
                for group, _text in item.text.items():
                    if group not in groups:
                        yield where.problem(
                            "unknown-reference",
                            Phrase(N_("respondent group '{id}' is not declared"), id=group),
                            at=f"{at}/text/{group}",
                            hint=N_("Declare it under 'groups'."),
                        )
        yield from self.bands(where, record)
        if link_ids and record.version is None:
            yield where.problem(
                "missing-version",
                N_("an assessment with items has no version"),
                at="",
                hint=N_('Add a version ("1.0"); responses are checked against it.'),
            )
        if record.content_status == "complete" and not link_ids:
            yield where.problem(
                "content-status",
                N_("an assessment marked complete has no items"),
                at="/content_status",
                hint=N_("Mark it 'metadata-only' and say what is unknown in known_gaps."),
            )
        if record.content_status == "metadata-only" and link_ids:
            yield where.problem(
                "content-status",
                N_("an assessment marked metadata-only has items"),
                at="/content_status",
                hint=N_("Mark it 'partial' or 'complete'."),
            )

    def bands(self, where: Located, record: Assessment) -> Iterator[Problem]:
        if not record.bands:
            if record.content_status == "complete":
                yield where.problem(
                    "band-coverage",
                    N_("a complete assessment has no score bands"),
                    at="/bands",
                    severity=WARNING,
                    hint=N_("Add bands from 0 to 100 so results can be interpreted."),
                )
            return
        for index, band in enumerate(record.bands):
            if band.min >= band.max:
                yield where.problem(
                    "band-coverage",
                    Phrase(
                        N_("band '{id}' runs from {min} to {max}"), id=band.id, min=band.min, max=band.max
                    ),
                    at=f"/bands/{index}",
                    hint=N_("A band's min must be below its max."),
                )
        ordered = sorted(record.bands, key=lambda b: b.min)
        edges: list[tuple[float, float, str | None]] = [(ordered[0].min, 0.0, None)]
        edges += [(b.min, a.max, a.id) for a, b in itertools.pairwise(ordered)]
        for found, expected, after in edges:
            if found != expected:
                message = (
                    Phrase(
                        N_(
                            "score bands leave a gap or overlap: the first band starts at {found}, expected {expected}"
                        ),
                        found=found,
                        expected=expected,
                    )
                    if after is None
                    else Phrase(
                        N_(
                            "score bands leave a gap or overlap: the band after '{id}' starts at {found}, "
                            "expected {expected}"
                        ),
                        id=after,
                        found=found,
                        expected=expected,
                    )
                )
                yield where.problem(
                    "band-coverage",
                    message,
                    at="/bands",
                    hint=N_("Bands must cover 0 to 100: each band's min is the previous band's max."),
                )
        if ordered[-1].max != 100:
            yield where.problem(
                "band-coverage",
                Phrase(N_("score bands end at {max}, not 100"), max=ordered[-1].max),
                at="/bands",
                hint=N_("The last band's max must be 100."),
            )


def _uncovered(obj: object, required: frozenset[str], at: str, out: list[tuple[str, LocalizedText]]) -> None:
    """Append ``(pointer, text)`` for every text in *obj* that lacks one of the *required* languages."""
    for name, mode in _text_fields(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if mode == "text":
            if not value.covers(required):
                out.append((f"{at}/{name}", value))
        elif mode == "texts":
            for index, text in enumerate(value):
                if not text.covers(required):
                    out.append((f"{at}/{name}/{index}", text))
        elif mode == "textmap":
            for key, text in value.items():
                if not text.covers(required):
                    out.append((f"{at}/{name}/{key}", text))
        elif mode == "obj":
            _uncovered(value, required, f"{at}/{name}", out)
        else:
            for index, item in enumerate(value):
                _uncovered(item, required, f"{at}/{name}/{index}", out)


@functools.cache
def _coverage_test(cls: type) -> Callable[[object, frozenset[str]], bool]:
    """A function telling whether every text in an object of *cls* has all the required languages: the
    quick test that spares :func:`_uncovered` (and its pointers) for the records that miss nothing.

    Written once per class as plain Python source, with the tests of nested objects inlined, from
    :func:`_text_fields` (the same fields :func:`_uncovered` walks), as attrs writes its ``__init__``.
    """
    lines = ["def covered(obj, required):"]
    _coverage_lines(cls, "obj", 1, lines, itertools.count())
    lines.append("    return True")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)  # noqa: S102  (source made from attrs field names only)
    covered: Callable[[object, frozenset[str]], bool] = namespace["covered"]
    return covered


def _coverage_lines(cls: type, var: str, indent: int, lines: list[str], names: Iterator[int]) -> None:
    pad = "    " * indent
    for name, mode in _text_fields(cls):
        value = f"v{next(names)}"
        lines.append(f"{pad}{value} = {var}.{name}")
        if mode == "text":
            lines.append(f"{pad}if {value} is not None and not {value}.covers(required): return False")
        elif mode == "texts":
            lines.append(f"{pad}if {value} and not all(t.covers(required) for t in {value}): return False")
        elif mode == "textmap":
            lines.append(
                f"{pad}if {value} and not all(t.covers(required) for t in {value}.values()): return False"
            )
        elif mode == "obj":
            lines.append(f"{pad}if {value} is not None:")
            _coverage_lines(_target(cls, name), value, indent + 1, lines, names)
        else:
            item = f"v{next(names)}"
            lines.append(f"{pad}for {item} in {value}:")
            _coverage_lines(_target(cls, name), item, indent + 1, lines, names)


def _target(cls: type, name: str) -> type:
    """The model class held by the field *name* of *cls* (``X``, ``X | None`` or ``tuple[X, ...]``)."""
    annotation = attrs.fields_dict(cls)[name].type
    args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
    target = args[0] if args else annotation
    if not isinstance(target, type):
        raise TypeError(f"{cls.__name__}.{name}: {annotation!r}")
    return target


@functools.cache
def _text_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """The fields of a model class that hold multilingual text, directly or nested: ``(name, mode)``."""
    found = []
    for field in attrs.fields(cls):
        mode = _mode(field.type)
        if mode is not None:
            found.append((field.name, mode))
    return tuple(found)


def _mode(annotation: object) -> str | None:
    args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
    origin = typing.get_origin(annotation)
    if annotation is LocalizedText or (origin in (types.UnionType, typing.Union) and args == [LocalizedText]):
        return "text"
    if origin is tuple and args == [LocalizedText]:
        return "texts"
    if origin is dict and args[-1:] == [LocalizedText]:
        return "textmap"
    target = args[0] if origin in (types.UnionType, typing.Union, tuple) and len(args) == 1 else annotation
    if isinstance(target, type) and attrs.has(target) and _text_fields(target):
        return "objs" if origin is tuple else "obj"
    return None


#: The members that need their own ids: the message and hint of a duplicate (English word order differs
#: from Dutch and French, so each is a whole sentence of the catalogue).
_CONCEPT = (N_("concept"), N_("concept id '{id}' is used twice"), N_("Give every concept its own id."))
_COLLECTION = (
    N_("collection"),
    N_("collection id '{id}' is used twice"),
    N_("Give every collection its own id."),
)
_GROUP = (
    N_("respondent group"),
    N_("respondent group '{id}' is declared twice"),
    N_("Give every respondent group its own id."),
)
_SCALE = (N_("scale"), N_("scale '{id}' is declared twice"), N_("Give every scale its own id."))
_DIMENSION = (
    N_("dimension"),
    N_("dimension '{id}' is declared twice"),
    N_("Give every dimension its own id."),
)
_OPTION = (
    N_("option code"),
    N_("option code '{id}' is declared twice"),
    N_("Give every option code its own id."),
)


def _unique(where: Located, field: str, ids: list[str], what: tuple[str, str, str]) -> "Iterator[Problem]":
    seen: set[str] = set()
    _, twice, own = what
    for index, identifier in enumerate(ids):
        if identifier in seen:
            yield where.problem(
                "duplicate-id",
                Phrase(twice, id=identifier),
                at=f"/{field}/{index}",
                hint=own,
            )
        seen.add(identifier)
    return seen


def manifest_problems(manifest: PackManifest, document: Document) -> list[Problem]:
    """Checks within the manifest (*document*, where it was read): each thesaurus entry's provenance
    names a source the manifest declares."""
    sources = {source.id for source in manifest.sources}
    return [
        document.problem(
            "unknown-source",
            Phrase(
                N_("thesaurus entry '{id}': provenance source '{source}' is not declared in pack.yaml"),
                id=entry.id,
                source=entry.provenance.source,
            ),
            pointer=f"/thesaurus/{number}/provenance/source",
            hint=N_(
                "Declare it under 'sources' in pack.yaml (id, title, publisher, year, retrieved), "
                "or name one of the sources declared there."
            ),
        )
        for number, entry in enumerate(manifest.thesaurus)
        if entry.provenance.source not in sources
    ]


def semantic_problems(
    manifest: PackManifest, located: Sequence[Located], external: ExternalLookup | None = None
) -> list[Problem]:
    """Run every cross-record check over one pack's records."""
    return list(_Checker(manifest, located, external).run())
