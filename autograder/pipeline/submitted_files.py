"""A student's submission folder, read without ever following a link a student could have planted.

Students control what is under submitted/<student>/: a symlink there could make the grader read
the instructor's source notebook (solutions included) as the submission, or copy the gradebook
into autograded/ (which feedback and exports may hand back). Each step opens one name relative to
the folder before it with O_NOFOLLOW, so a link at any level is refused, not followed, and only
regular files are read (a FIFO would block the grader forever).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from nbgrader.utils import parse_utc

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
TIMESTAMP_BYTES = 200  # nbgrader writes about 30 ("2026-03-01 12:00:00.000000 UTC")


class BadSubmission(Exception):
    """The submission cannot be graded; the message says why, for the student."""


class SubmittedFolder:
    """submitted/<student>/<assignment>, opened once; files are read relative to it."""

    def __init__(self, root: Path, student: str, assignment: str):
        self.fd = os.open(root / "submitted", os.O_RDONLY | os.O_DIRECTORY)
        for name, shown in ((student, f"submitted/{student}"), (assignment, f"submitted/{student}/{assignment}")):
            try:
                inner = os.open(name, _FOLDER, dir_fd=self.fd)
            except FileNotFoundError:
                self.close()
                raise BadSubmission(f"nothing was submitted: there is no folder {shown}") from None
            except OSError:  # ELOOP or ENOTDIR: a symlink, or not a folder
                self.close()
                raise BadSubmission(f"{shown} is a symbolic link or not a folder: submit the files themselves") from None
            os.close(self.fd)
            self.fd = inner

    def read(self, name: str, limit: int = -1) -> bytes | None:
        """The bytes of the regular file `name` (None if there is none), at most `limit`."""
        try:
            fd = os.open(name, _FILE, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError:
            raise BadSubmission(f"{name} is a symbolic link: submit the file itself") from None
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise BadSubmission(f"{name} is not a regular file")
            return handle.read(limit)

    def extra_files(self) -> list[str]:
        """Names of the regular files beside the notebook (links and folders are left out)."""
        with os.scandir(self.fd) as entries:
            return sorted(e.name for e in entries if e.is_file(follow_symlinks=False))

    def timestamp(self) -> str | None:
        """timestamp.txt's time, checked as nbgrader parses it; None if there is none or it is empty."""
        data = self.read("timestamp.txt", TIMESTAMP_BYTES + 1)
        text = (data or b"").decode("utf-8", "replace").strip()
        if not text:
            return None  # nbgrader, too, grades an empty timestamp.txt as having none
        if len(data) > TIMESTAMP_BYTES or not text.isprintable() or not _parses(text):
            raise BadSubmission("timestamp.txt does not hold a submission time nbgrader can read: "
                          "submit again (nbgrader writes this file; do not edit it)")
        return text

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> "SubmittedFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _parses(text: str) -> bool:
    parts = text.split(" ")
    # nbgrader looks a third word up as a time zone file: a name, never a path out of the zone database
    if len(parts) == 3 and not parts[2].lstrip("+-").isdigit() and (".." in parts[2] or parts[2].startswith("/")):
        return False
    try:
        parse_utc(text)
    except Exception:  # dateutil raises ValueError, OverflowError and others on what it cannot read
        return False
    return True
