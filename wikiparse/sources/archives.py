"""tar and zip archives, read member by member in memory: nothing is ever unpacked to disk.

Members are never written anywhere, but a member whose name tries to escape (``../``, an absolute
path, a drive letter) marks a hostile or broken archive: it is reported, not read.  Links are
never followed.  Sizes and ratios are checked before a member is decompressed.
"""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from typing import IO

import attrs
import regex

from ..errors import InputError, LimitExceeded
from ..units import Skipped, Unreadable
from .context import Context, Item, Where, unreadable
from .dispatch import read_stream
from .streams import RATIO_GRACE_BYTES, read_capped

_DRIVE = regex.compile(r"\A[A-Za-z]:")
_SEPARATORS = regex.compile(r"[\\/]")
_CONTROL = regex.compile(r"[\x00-\x1f\x7f]")


def member_problem(name: str) -> str | None:
    """Why an archive member's name is unsafe, or ``None`` when it stays inside the archive.

    >>> member_problem("pages/Red_Heat.html") is None
    True
    >>> member_problem("../../etc/passwd")
    "has a '..' component"
    >>> member_problem("/etc/passwd")
    'is an absolute path'
    """
    if not name:
        return "is empty"
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "is an absolute path"
    if ".." in _SEPARATORS.split(name):
        return "has a '..' component"
    if _CONTROL.search(name):
        return "contains control characters"
    return None


def read_tar(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """Members of a tar stream in archive order; damage ends the archive with one error line."""
    try:
        archive = tarfile.open(fileobj=stream, mode="r|")  # noqa: SIM115  (closed with the stream)
    except Exception as exc:
        yield unreadable(where.info(), exc, "not a readable tar archive")
        return
    last: str | None = None
    reported = False
    try:
        for member in archive:
            reported = False
            for item in _tar_member(archive, member, where, ctx):
                reported = isinstance(item, Unreadable)
                yield item
            last = member.name
    except Exception as exc:
        if not reported:  # a damaged member already said so; one error line per damage
            after = f" after member {last!r}" if last else ""
            source = attrs.evolve(where.info(), offset=archive.offset)
            yield unreadable(source, exc, f"tar archive damaged{after}")


def _tar_member(
    archive: tarfile.TarFile, member: tarfile.TarInfo, where: Where, ctx: Context
) -> Iterator[Item]:
    if member.isdir():
        return
    inside = where.inside(member.name)
    problem = member_problem(member.name)
    if problem:
        yield Unreadable(source=inside.info(), error=InputError(f"member name {problem}; not read"))
    elif member.issym() or member.islnk():
        yield Skipped(source=inside.info(), reason=f"link to {member.linkname!r} not followed")
    elif not member.isfile():
        yield Skipped(source=inside.info(), reason="not a regular file")
    else:
        file = archive.extractfile(member)
        if file is not None:
            yield from read_stream(file, inside, ctx.deeper())


def read_zip(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """Members of a zip archive in directory order.  A zip on disk is read in place; a zip inside
    another container is held in memory, so it must fit in ``limits.max_bytes``."""
    try:
        if where.member is None:
            archive = zipfile.ZipFile(where.path)
        else:
            data = read_capped(stream, ctx.options.limits.max_bytes, "zip archive inside another container")
            archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        yield unreadable(where.info(), exc, "not a readable zip archive")
        return
    with archive:
        for info in archive.infolist():
            try:
                yield from _zip_member(archive, info, where, ctx)
            except LimitExceeded as exc:  # the input's decompression budget is spent: stop here
                yield unreadable(where.inside(info.filename).info(), exc, "zip member")
                return


def _zip_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Where, ctx: Context
) -> Iterator[Item]:
    if info.is_dir():
        return
    inside = where.inside(info.filename)
    problem = member_problem(info.filename)
    if problem:
        yield Unreadable(source=inside.info(), error=InputError(f"member name {problem}; not read"))
        return
    if stat.S_ISLNK(info.external_attr >> 16):
        yield Skipped(source=inside.info(), reason="symbolic link not followed")
        return
    ratio = ctx.options.limits.max_unpack_ratio
    if info.file_size > RATIO_GRACE_BYTES and info.file_size > ratio * max(info.compress_size, 1):
        what = f"zip member compression ratio ({info.file_size:,} bytes from {info.compress_size:,})"
        yield Unreadable(source=inside.info(), error=LimitExceeded(what, ratio, "max_unpack_ratio"))
        return
    ctx.budget.spend(info.file_size, "zip archive")
    try:
        file = archive.open(info)
    except Exception as exc:
        yield unreadable(inside.info(), exc, "cannot open zip member")
        return
    with file:
        yield from read_stream(file, inside, ctx.deeper())
