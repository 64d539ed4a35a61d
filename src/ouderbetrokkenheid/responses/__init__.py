"""Responses in: CSV, JSON and KoboToolbox/ODK files, and an interactive run in the terminal.

>>> responses = read_responses("answers.csv", assessment, group="parents")   # doctest: +SKIP

Every response is checked against its assessment and version; problems are raised together as
:class:`ResponseError`, each with file, row and column. Scoring is in :mod:`ouderbetrokkenheid.scoring`.
"""

from ouderbetrokkenheid.responses.read import FORMATS, detect_format, read_many, read_responses
from ouderbetrokkenheid.scoring.checks import RESPONSE_CODES, ResponseError
from ouderbetrokkenheid.scoring.responseset import ResponseSet

__all__ = [
    "FORMATS",
    "RESPONSE_CODES",
    "ResponseError",
    "ResponseSet",
    "detect_format",
    "read_many",
    "read_responses",
]
