"""Opening an input file safely: it must be a regular file, and at most a limit of bytes is read.

Every reader of the library (pack files, responses, results, journals, spreadsheets) reads through
:func:`read_bytes`, so that no input can block the program (a FIFO), read without end (``/dev/zero``,
a device), or loop (a link to itself). Failures raise :class:`InputFileError`, which carries one
:class:`~ouderbetrokkenheid.Problem` naming the file and what to do; it never quotes the file.
"""

import errno
import os
import stat
from os import PathLike
from pathlib import Path

from ouderbetrokkenheid.errors import Phrase, Problem, ProblemError, Severity
from ouderbetrokkenheid.i18n import N_


class InputFileError(ProblemError):
    """An input file could not be opened or read (missing, not a regular file, too large, unreadable)."""


def _error(name: str, code: str, message: str, hint: str) -> InputFileError:
    return InputFileError(
        [Problem(code=code, severity=Severity.ERROR, message=message, hint=hint, file=name)]
    )


#: The words for what a file is (``what=`` of :func:`read_bytes`), for the messages.
_WHAT = {
    "file": N_("file"),
    "workbook": N_("workbook"),
    "journal": N_("journal"),
    "responses file": N_("responses file"),
}


def _what(what: str) -> str:
    return Phrase(_WHAT[what]) if what in _WHAT else what


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return Phrase(N_("a folder"))
    if stat.S_ISFIFO(mode):
        return Phrase(N_("a named pipe (FIFO)"))
    if stat.S_ISSOCK(mode):
        return Phrase(N_("a socket"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase(N_("a device"))
    return Phrase(N_("something else"))


#: The reasons of the common operating-system errors in words of the catalogue (strerror is English).
_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EROFS: N_("read-only file system"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EFBIG: N_("file too large"),
    errno.ENOTDIR: N_("not a folder"),
    errno.EISDIR: N_("is a folder"),
    errno.ELOOP: N_("too many levels of links"),
    errno.ENAMETOOLONG: N_("file name too long"),
}


def os_error_problem(exc: OSError, path: str | None = None, *, writing: bool = False) -> Problem:
    """A :class:`~ouderbetrokkenheid.Problem` for an operating-system error: the path, the reason in
    words, and what to do (exit 1 in the command line, never a traceback)."""
    name = path or (str(exc.filename) if exc.filename is not None else "<output>" if writing else "<input>")
    reason = (
        Phrase(_REASONS[exc.errno])
        if exc.errno in _REASONS
        else exc.strerror or str(exc) or type(exc).__name__
    )
    hints = {
        errno.ENOENT: N_("Check the path: a folder on the way does not exist.")
        if writing
        else N_("Check the path."),
        errno.EACCES: N_("Check the permissions, or choose another place."),
        errno.EPERM: N_("Check the permissions, or choose another place."),
        errno.EROFS: N_("The place is read-only: choose a writable folder."),
        errno.ENOSPC: N_("The disk is full: free some space, or write elsewhere."),
        errno.EDQUOT: N_("Your disk quota is used up: free some space, or write elsewhere."),
        errno.EFBIG: N_(
            "A file grew past the size limit of this system or account: write elsewhere or raise the limit."
        ),
        errno.ENOTDIR: N_("A part of the path is a file, not a folder."),
        errno.EISDIR: N_("A folder is in the way where a file should be."),
        errno.ELOOP: N_("The path is a link that loops: fix or remove the link."),
        errno.ENAMETOOLONG: N_("Use a shorter name or path."),
    }
    action = N_("cannot be written: {reason}") if writing else N_("cannot be read: {reason}")
    return Problem(
        code="os-error",
        severity=Severity.ERROR,
        message=Phrase(action, reason=reason),
        hint=hints.get(exc.errno or 0, N_("Check the path and the disk, then run the command again.")),
        file=name,
    )


def read_bytes(path: str | PathLike[str], max_bytes: int, *, what: str = "file") -> bytes:
    """The bytes of the regular file *path*, at most *max_bytes* of them.

    :raises InputFileError: when *path* does not exist, is not a regular file (a folder, FIFO, socket,
        device, a dangling or looping link), is larger than *max_bytes*, or cannot be read. The error
        names the path and never quotes the file.
    """
    name = str(path)
    try:  # what the path is, before opening it: opening a socket fails, a FIFO may block
        _check_regular(name, Path(name).stat().st_mode, what)
    except FileNotFoundError:
        if Path(name).is_symlink():
            raise _error(
                name,
                "not-a-file",
                Phrase(N_("the {what} is a link to something that does not exist"), what=_what(what)),
                N_("Fix or remove the link."),
            ) from None
        raise _error(
            name,
            "path-not-found",
            Phrase(N_("the {what} does not exist"), what=_what(what)),
            N_("Check the path."),
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _error(
                name,
                "not-a-file",
                Phrase(N_("the {what} is a link that loops"), what=_what(what)),
                N_("Fix or remove the link."),
            ) from None
        raise InputFileError([os_error_problem(exc, name)]) from None
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(name, flags)  # O_NONBLOCK: should it have become a FIFO since, opening does not wait
    except OSError as exc:
        raise InputFileError([os_error_problem(exc, name)]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):  # the code of old: tools may match on it
            raise _error(
                name,
                "path-not-found",
                Phrase(N_("a folder was given where a {what} was expected"), what=_what(what)),
                N_("Give a file."),
            )
        if not stat.S_ISREG(info.st_mode):
            raise _error(
                name,
                "not-a-file",
                Phrase(
                    N_("the {what} is {kind}, not a regular file"), what=_what(what), kind=_kind(info.st_mode)
                ),
                N_("Give a regular file (save the data to a file first)."),
            )
        if info.st_size > max_bytes:
            raise _too_large(name, max_bytes, info.st_size)
        # The whole file in one read of its size (one byte more, to see it has not grown): no chunks
        # to join, which copied every byte once more (0.2 s of a 240 MB pack's 2.3 s load). Then read
        # to the end, but never past the limit (the file may grow while it is read, or its size may
        # be unknown, as /proc's are).
        chunks = [os.read(fd, info.st_size + 1)]
        size = len(chunks[0])
        while size <= max_bytes and (chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise _too_large(name, max_bytes)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise InputFileError([os_error_problem(exc, name)]) from None
    finally:
        os.close(fd)


def _check_regular(name: str, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):  # the code of old: tools may match on it
        raise _error(
            name,
            "path-not-found",
            Phrase(N_("a folder was given where a {what} was expected"), what=_what(what)),
            N_("Give a file."),
        )
    if not stat.S_ISREG(mode):
        raise _error(
            name,
            "not-a-file",
            Phrase(N_("the {what} is {kind}, not a regular file"), what=_what(what), kind=_kind(mode)),
            N_("Give a regular file (save the data to a file first)."),
        )


def _too_large(name: str, max_bytes: int, size: int | None = None) -> InputFileError:
    message = (
        Phrase(N_("the file is over the limit of {limit}"), limit=_mib(max_bytes))
        if size is None
        else Phrase(
            N_("the file is {size}, over the limit of {limit}"),
            size=f"{size / 1048576:.1f} MiB",
            limit=_mib(max_bytes),
        )
    )
    return _error(
        name,
        "file-too-large",
        message,
        N_(
            "Split the data over several files, or raise the limit where the command offers it (--max-file-size)."
        ),
    )


def _mib(size: int) -> str:
    return f"{size / 1048576:g} MiB" if size >= 1048576 else Phrase(N_("{n} bytes"), n=size)


def check_inside(path: Path, root: Path) -> Problem | None:
    """A ``link-outside`` problem when *path* (below *root*) is a link, or lies below one, that
    leads out of *root*; ``None`` when it stays inside."""
    try:
        target = path.resolve(strict=False)
        base = root.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop on the way: read_bytes names it
        return None
    if target == base or base in target.parents:
        return None
    return Problem(
        code="link-outside",
        severity=Severity.ERROR,
        message=N_("the file is a link to a place outside the pack folder; it was not read"),
        hint=N_("Copy the file into the pack instead of linking to it (or pass allow_outside_links=True)."),
        file=str(path),
    )
