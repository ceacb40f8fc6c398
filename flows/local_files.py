"""Walking a source folder and opening its files so that nothing outside the folder can be read.

Two defects of a path-based walk (``os.walk``, ``Path.resolve``, then ``open(path)``):
- a race: checking that a path is not a symlink and opening it were separate steps, so a file swapped for
  a symlink to an outside file in between was read (once in 970 reads of a folder under attack);
- recursion: ``os.walk`` recurses, so a folder 1,500 levels deep raised RecursionError and lost every
  file of the folder, the deep branch's siblings included.

Here every directory is opened relative to its parent's descriptor with ``O_NOFOLLOW | O_DIRECTORY``, and
every file relative to its directory's descriptor with ``O_NOFOLLOW`` (the ``openat`` family), starting
from the folder's own descriptor; the opened file is then checked with ``fstat`` against what the listing
saw (a regular file, the same inode). A component swapped for a symlink at any moment makes the open
fail instead of following it. A symlink inside the folder that points to another file inside the folder is
read by walking the target's path component by component from the folder's descriptor, under the same
rule. The walk keeps an explicit stack; a directory's descriptor stays open only while some of its
subdirectories wait to be walked.

Order (kept from the os.walk version, so dedupe and reports do not change): in each directory, first its
symlinks to folders, then its other entries, each group sorted by name; then its subdirectories, sorted,
each walked completely before the next. Names starting with a dot are ignored.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

DIR_FLAGS = os.O_RDONLY | os.O_CLOEXEC | os.O_DIRECTORY | os.O_NOFOLLOW
# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused after fstat anyway)
FILE_FLAGS = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)


class Changed(OSError):
    """The entry is not what the listing saw any more (swapped while the folder was read)."""


@dataclass
class _Dir:
    """An open directory of the walk; closed once it is listed and its subdirectories are all opened."""

    fd: int
    path: str
    waiting: int = 0  # subdirectories still to be opened from this descriptor

    def release(self) -> None:
        if self.waiting <= 0 and self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


@dataclass(frozen=True)
class Entry:
    """One item of a folder: its path (for messages), its directory's descriptor and name, and what the
    listing saw (``lstat``: the entry itself, never what a symlink points to)."""

    path: str
    dir_fd: int
    name: str
    st: os.stat_result
    is_dir_link: bool = False  # a symlink whose target is a folder

    @property
    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self.st.st_mode)


def walk(root: str, root_fd: int, report) -> Iterator[Entry]:
    """Every entry under the folder open as ``root_fd`` (path ``root``), in the documented order.

    ``report(path, reason)`` receives folders that cannot be listed. Each yielded entry's ``dir_fd`` is
    valid until the next entry is requested.
    """
    stack: list[tuple[_Dir, str]] = []  # (parent, name) of directories still to walk
    current = _Dir(os.dup(root_fd), root)
    while True:
        subdirs = yield from _list(current, report)
        current.waiting = len(subdirs)
        for name in reversed(subdirs):
            stack.append((current, name))
        current.release()
        while stack:
            parent, name = stack.pop()
            path = os.path.join(parent.path, name)
            try:
                fd = os.open(name, DIR_FLAGS, dir_fd=parent.fd)
            except OSError as exc:
                fd = -1
                report(path, f"cannot list folder: {exc.strerror or exc}")
            finally:
                parent.waiting -= 1
                parent.release()
            if fd >= 0:
                current = _Dir(fd, path)
                break
        else:
            return


def _list(d: _Dir, report) -> Iterator[Entry]:
    """Yield the entries of one directory (folder links, then the rest); return its subdirectory names."""
    try:
        with os.scandir(d.fd) as it:
            found = [e for e in it if not e.name.startswith(".")]
    except OSError as exc:
        report(d.path, f"cannot list folder: {exc.strerror or exc}")
        return []
    links, others, subdirs = [], [], []
    for e in found:
        try:
            st = os.stat(e.name, dir_fd=d.fd, follow_symlinks=False)
        except OSError as exc:  # gone since the listing
            report(os.path.join(d.path, e.name), f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            subdirs.append(e.name)
        elif stat.S_ISLNK(st.st_mode) and _points_to_dir(d.fd, e.name):
            links.append((e.name, st))
        else:
            others.append((e.name, st))
    for name, st in sorted(links):
        yield Entry(os.path.join(d.path, name), d.fd, name, st, is_dir_link=True)
    for name, st in sorted(others):
        yield Entry(os.path.join(d.path, name), d.fd, name, st)
    return sorted(subdirs)


def _points_to_dir(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(name, dir_fd=dir_fd, follow_symlinks=True).st_mode)
    except OSError:
        return False


def open_entry(entry: Entry) -> tuple[int, os.stat_result]:
    """Open a listed regular file without following links; raises Changed if it is not the same file."""
    fd = os.open(entry.name, FILE_FLAGS | os.O_NOFOLLOW, dir_fd=entry.dir_fd)
    return fd, checked(fd, entry.st)


def open_beneath(root_fd: int, parts: list[str], expected: os.stat_result) -> tuple[int, os.stat_result]:
    """Open ``root/parts[0]/…/parts[-1]`` from the folder's descriptor, refusing a symlink at every step;
    the file must be ``expected`` (the target seen when the link was examined)."""
    fd = root_fd
    opened: list[int] = []
    try:
        for part in parts[:-1]:
            fd = os.open(part, DIR_FLAGS, dir_fd=fd)
            opened.append(fd)
        target = os.open(parts[-1], FILE_FLAGS | os.O_NOFOLLOW, dir_fd=fd)
    finally:
        for o in opened:
            os.close(o)
    return target, checked(target, expected)


def checked(fd: int, expected: os.stat_result) -> os.stat_result:
    """fstat of the opened file; it must be the regular file the listing saw (closed and Changed if not)."""
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (expected.st_dev, expected.st_ino):
            raise Changed("changed while the folder was read")
    except BaseException:
        os.close(fd)
        raise
    return st


def fingerprint(st: os.stat_result) -> str:
    """What identifies one version of a file for "did it change since the last run": size and mtime."""
    return f"{st.st_size}:{st.st_mtime_ns}"


def read_all(fd: int, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of an open file (one more than allowed shows that it grew too large)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
