"""A student's submission folder, read without ever following a link a student could have planted.

Students control what is under submitted/<student>/: a symlink there could make the grader read
the instructor's source notebook (solutions included) as the submission, or copy the gradebook
into autograded/ (which feedback and exports may hand back). Each step opens one name relative to
the folder before it with O_NOFOLLOW, so a link at any level is refused, not followed, and only
regular files are read (a FIFO would block the grader forever), up to a size.
"""
from __future__ import annotations

import errno
import os
import stat

from nbgrader.utils import parse_utc

from autograder.course_dir import CourseDir
from autograder.kitcheck.i18n import N_, _

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
TIMESTAMP_BYTES = 200  # nbgrader writes about 30 ("2026-03-01 12:00:00.000000 UTC")
NOTEBOOK_BYTES = 100 * 2**20  # read whole into memory: a larger file is refused
EXTRA_BYTES = 16 * 2**20  # other files are copied into autograded/ only up to this size
BAD_TIMESTAMP = N_("timestamp.txt does not hold a submission time nbgrader can read: submit again "
                 "(nbgrader writes this file; do not edit it)")


class BadSubmission(Exception):
    """The submission cannot be graded; the message says why, for the student."""


class SubmittedFolder:
    """submitted/<student>/<assignment>, opened once; files are read relative to it."""

    def __init__(self, folders: CourseDir, student: str, assignment: str):
        self.fd = -1
        # the course's submitted folder is the instructor's; each name below it, the student's
        base = folders.root / folders.step("submitted")
        shown = folders.step("submitted")
        try:
            if {student, assignment} & {".", ".."} or "/" in student + assignment:
                raise NotADirectoryError(student)
            self.fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
            for name in folders.submitted(student, assignment).relative_to(base).parts:
                shown += f"/{name}"
                inner = os.open(name, _FOLDER, dir_fd=self.fd)
                os.close(self.fd)
                self.fd = inner
        except OSError as error:
            self.close()
            if isinstance(error, FileNotFoundError):
                raise BadSubmission(_("nothing was submitted: there is no folder {folder}").format(folder=shown)) from None
            # ELOOP or ENOTDIR: a symlink, or not a folder
            raise BadSubmission(_("{folder} is a symbolic link or not a folder: submit the files themselves").format(
                folder=shown)) from None

    def read(self, name: str, limit: int = NOTEBOOK_BYTES) -> bytes | None:
        """The bytes of the regular file `name` (None if there is none), refused if over `limit`."""
        try:
            fd = os.open(name, _FILE, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise BadSubmission(_("{name} is a symbolic link: submit the file itself").format(name=name)) from None
            raise BadSubmission(_("{name} could not be read ({reason})").format(name=name, reason=error.strerror)) from None
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise BadSubmission(_("{name} is not a regular file").format(name=name))
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise BadSubmission(_("{name} is larger than {limit} bytes").format(name=name, limit=limit))
        return data

    def extra_files(self) -> dict[str, bytes]:
        """The regular files beside the notebook, by name (links, folders and large files left out)."""
        with os.scandir(self.fd) as entries:
            names = sorted(e.name for e in entries if e.is_file(follow_symlinks=False)
                           and not e.name.endswith(".ipynb") and e.stat(follow_symlinks=False).st_size <= EXTRA_BYTES)
        return {name: self.read(name, EXTRA_BYTES) for name in names}

    def timestamp(self) -> str | None:
        """timestamp.txt's time, checked as nbgrader parses it; None if there is none or it is empty."""
        try:
            text = (self.read("timestamp.txt", TIMESTAMP_BYTES) or b"").decode("utf-8", "replace").strip()
        except BadSubmission:  # too long to be a time, or a link
            raise BadSubmission(_(BAD_TIMESTAMP)) from None
        if not text:
            return None  # nbgrader, too, grades an empty timestamp.txt as having none
        if not text.isprintable() or not _parses(text):
            raise BadSubmission(_(BAD_TIMESTAMP))
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
