"""Progress for long exports: ``options["progress"]`` is an optional ``callback(done, total)``.

Exporters call :func:`progress_steps` once with the number of records they will write, then the
returned ``step()`` after each record. The callback gets ``(0, total)`` first, then ``(1, total)`` ...
``(total, total)``; the CLI renders it.
"""

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from ouderbetrokkenheid.exporters.base import ProgressCallback


def _nothing() -> None:
    """The step of an export nobody watches."""


def progress_steps(options: Mapping[str, Any], total: int) -> Callable[[], None]:
    """Announce *total* to ``options["progress"]`` (if given) and return the function that reports
    one more record done.

    :raises TypeError: when ``options["progress"]`` is given but is not callable.
    """
    callback: ProgressCallback | None = options.get("progress")
    if callback is None:
        return _nothing
    if not callable(callback):
        raise TypeError(f"options['progress'] must be a callable (done, total), not {callback!r}")
    counter = itertools.count(1)
    callback(0, total)

    def step() -> None:
        callback(next(counter), total)

    return step
