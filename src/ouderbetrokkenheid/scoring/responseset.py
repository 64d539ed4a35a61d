"""Responses column by column: the form readers produce and scoring consumes.

One :class:`~ouderbetrokkenheid.model.Response` object per respondent is convenient, but a million
answers as a million dictionary entries is slow. A :class:`ResponseSet` keeps one tuple per item (the
option code each respondent gave, ``""`` for no answer), so checks and counts run per column, in C.
"""

import datetime
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from ouderbetrokkenheid.model import Response

#: The code stored for "no answer" in a column.
NO_ANSWER = ""


@attrs.frozen(kw_only=True)
class ResponseSet:
    """The responses of many respondents to one version of one assessment.

    Row *i* is one respondent: ``respondents[i]``, ``groups[i]`` and ``answers[link_id][i]`` for every
    item column. An item without a column was not in the input at all (a CSV file without that column);
    that differs from a column of empty answers only in how problems are reported.
    """

    assessment: str
    version: str
    respondents: tuple[str, ...]
    groups: tuple[str, ...]
    #: link_id -> one option code per respondent (``""``: no answer).
    answers: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    #: Per respondent, or empty when no input gave them.
    submitted: tuple[datetime.datetime | None, ...] = ()
    languages: tuple[str | None, ...] = ()

    def __attrs_post_init__(self) -> None:
        size = len(self.respondents)
        if len(self.groups) != size:
            raise ValueError("a ResponseSet needs one group per respondent")
        for link_id, column in self.answers.items():
            if len(column) != size:
                raise ValueError(f"column {link_id!r} has {len(column)} answers for {size} respondents")
        for name in ("submitted", "languages"):
            if getattr(self, name) and len(getattr(self, name)) != size:
                raise ValueError(f"{name} must be empty or hold one value per respondent")

    def __len__(self) -> int:
        return len(self.respondents)

    @classmethod
    def from_responses(
        cls,
        responses: Iterable[Response],
        *,
        assessment: str,
        version: str,
        link_ids: Iterable[str] = (),
    ) -> "ResponseSet":
        """Put *responses* in columns: one for each of *link_ids* and each other link id answered. Their
        own assessment and version are not checked here; :func:`~ouderbetrokkenheid.scoring.collect_responses`
        does that."""
        rows = list(responses)
        columns = dict.fromkeys(link_ids)
        columns.update(dict.fromkeys(link for response in rows for link in response.answers))
        return cls(
            assessment=assessment,
            version=version,
            respondents=tuple(r.respondent for r in rows),
            groups=tuple(r.group for r in rows),
            answers={link: tuple(r.answers.get(link, NO_ANSWER) for r in rows) for link in columns},
            submitted=tuple(r.submitted for r in rows) if any(r.submitted for r in rows) else (),
            languages=tuple(r.language for r in rows) if any(r.language for r in rows) else (),
        )

    def responses(self) -> Iterator[Response]:
        """One :class:`~ouderbetrokkenheid.model.Response` per respondent (no-answers left out)."""
        columns = list(self.answers.items())
        for row, respondent in enumerate(self.respondents):
            yield Response(
                assessment=self.assessment,
                version=self.version,
                group=self.groups[row],
                respondent=respondent,
                answers={link: column[row] for link, column in columns if column[row] != NO_ANSWER},
                submitted=self.submitted[row] if self.submitted else None,
                language=self.languages[row] if self.languages else None,
            )

    def rows_by_group(self) -> dict[str, list[int]]:
        """Group id -> the rows of its respondents, in row order."""
        rows: dict[str, list[int]] = {}
        for row, group in enumerate(self.groups):
            rows.setdefault(group, []).append(row)
        return rows

    def counts(
        self, rows_by_group: Mapping[str, Sequence[int]] | None = None
    ) -> dict[str, dict[str, Counter[str]]]:
        """Group id -> link_id -> option code -> how many respondents of the group gave it (``""``
        counts the no-answers)."""
        if rows_by_group is None:
            rows_by_group = self.rows_by_group()
        size = len(self)
        out: dict[str, dict[str, Counter[str]]] = {}
        for group, rows in rows_by_group.items():
            pick = _picker(rows, size)
            out[group] = {link: Counter(pick(column)) for link, column in self.answers.items()}
        return out

    @classmethod
    def concat(cls, sets: Sequence["ResponseSet"]) -> "ResponseSet":
        """One set with the rows of *sets* in order; they must be of one assessment version. An item
        that has a column in only some of the sets gets no-answers for the rows of the others."""
        if not sets:
            raise ValueError("nothing to concatenate")
        first = sets[0]
        for other in sets[1:]:
            if (other.assessment, other.version) != (first.assessment, first.version):
                raise ValueError(
                    f"cannot combine responses to {first.assessment} {first.version}"
                    f" and {other.assessment} {other.version}"
                )
        link_ids = dict.fromkeys(link for s in sets for link in s.answers)
        answers = {
            link: tuple(code for s in sets for code in s.answers.get(link, (NO_ANSWER,) * len(s)))
            for link in link_ids
        }

        def joined(name: str) -> tuple:  # type: ignore[type-arg]
            if not any(getattr(s, name) for s in sets):
                return ()
            return tuple(v for s in sets for v in (getattr(s, name) or (None,) * len(s)))

        return cls(
            assessment=first.assessment,
            version=first.version,
            respondents=tuple(r for s in sets for r in s.respondents),
            groups=tuple(g for s in sets for g in s.groups),
            answers=answers,
            submitted=joined("submitted"),
            languages=joined("languages"),
        )


def _picker(rows: Sequence[int], size: int) -> Callable[[Sequence[str]], Sequence[str]]:
    """A function that takes a column and returns its values at *rows* (in C, where it can)."""
    if len(rows) == size:
        return tuple  # every row, in order: a tuple column is returned as it is
    if len(rows) == 1:
        only = rows[0]
        return lambda column: (column[only],)
    return operator.itemgetter(*rows)
