"""Writing a file atomically: a temporary file beside it, fsynced, then renamed over it.

Why: the layer, the gazetteer index and the geocoding cache must never be left half
written — a build killed at any moment (SIGKILL, a full disk, Ctrl-C) leaves the old
complete file or the new one (tests/test_atomic.py kills real builds to check it). A rename
within one folder is atomic on POSIX, so the temporary file is made in the target's folder.

Its name is ``.<target name>.<writer's pid>.<random>.tmp``: the next write to the same target
deletes the temporary files of writers whose process no longer exists (killed builds) and
leaves alone those of a writer still running. Base module: the gazetteer (stage 3), the
geocoders (stage 5) and the layer (stage 6) all write through it.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

MODE = 0o644
"""Permissions of a written file (a temporary file is created private, 0600)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive, and not ours to judge
    return True


def remove_stale_temps(target: Path) -> None:
    """Delete the temporary files of killed writers of ``target`` (best effort: a file that
    cannot be removed is left, it never stops the write)."""
    prefix = f".{target.name}."
    for tmp in target.parent.glob(f"{prefix}*.tmp"):
        pid = tmp.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target`` for the caller to write (by any means: a file
    handle, SQLite). When the block ends normally the file is fsynced, made ``MODE`` and
    renamed over ``target``; when it raises, the temporary file is removed and the error
    propagates (``target`` is untouched). ``OSError`` from creating the folder or the file
    propagates too, so callers can fall back (the index and cache keep data in memory)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        descriptor = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(tmp, MODE)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(target: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` through :func:`atomic_path`; returns ``target`` as a Path."""
    target = Path(target)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target
