"""The course's settings, read from course_config.py with traitlets (as nbgrader reads it)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from traitlets import Dict, Enum, Float, Integer, Unicode
from traitlets.config import Config, Configurable
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "course_config.py"
LOOP_POLICIES = ("forbidden", "allowed", "dimensions", "iterations")


class Course(Configurable):
    """Grading policy: seeds, tolerances and the graded units of every assignment."""

    seed = Integer(0, help="Base seed of the hidden cases (mixed with student, assignment, unit).").tag(
        config=True
    )
    rtol = Float(1e-6, help="Relative tolerance when comparing values with the reference.").tag(config=True)
    atol = Float(1e-8, help="Absolute tolerance when comparing values with the reference.").tag(config=True)
    timing = Enum(["off", "report", "penalize"], "off", help=(
        "The loop rule's third opinion: time each function against the reference on a large input. "
        "'report' adds a note to the feedback when it is far slower, 'penalize' also fails its "
        "vectorization cell; it costs grading time (up to seconds for a looping optimize).")).tag(config=True)
    slow_ratio = Float(20.0, help="How many times slower than the reference counts as SLOW.").tag(config=True)
    scheduler = Unicode("", help="Address of a Dask scheduler to grade on (tcp://HOST:8786); '' grades "
                                 "on this machine.").tag(config=True)
    language = Enum(["en", "ko"], "en", help="The course's language: the notebooks released and every message "
                    "students and graders read.").tag(config=True)
    assignments = Dict(
        help="assignment -> {unit name -> {points, loops, vectorized_points, kind, rtol, atol}}"
    ).tag(config=True)


@dataclass(frozen=True)
class Unit:
    """One graded unit: a function (tests + vectorization) or a multiple-choice question."""

    assignment: str
    name: str
    points: float
    kind: str = "function"
    loops: str = "forbidden"
    vectorized_points: float = 1
    rtol: float = 1e-6
    atol: float = 1e-8

    @property
    def has_vectorization_cell(self) -> bool:
        return self.kind == "function" and self.loops != "allowed" and self.vectorized_points > 0

    @property
    def test_cell_id(self) -> str:
        return f"test_{self.name}"

    @property
    def vectorized_cell_id(self) -> str:
        return f"vectorized_{self.name}"


def course_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: the working directory) holding course_config.py."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise FileNotFoundError(f"no {CONFIG_FILE} in {here} or any folder above it: run in the course root")


@lru_cache(maxsize=None)
def load_config(root: Path) -> Config:
    return PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()


@lru_cache(maxsize=None)
def course(root: Path) -> Course:
    return Course(config=load_config(root))


@lru_cache(maxsize=None)
def units(root: Path, assignment: str) -> tuple[Unit, ...]:
    """The graded units of `assignment`, in notebook order, with the course defaults filled in."""
    settings = course(root)
    if assignment not in settings.assignments:
        known = ", ".join(settings.assignments)
        raise KeyError(f"unknown assignment {assignment!r} (course_config.py lists: {known})")
    result = []
    for name, spec in settings.assignments[assignment].items():
        spec = dict(spec)
        spec.setdefault("rtol", settings.rtol)
        spec.setdefault("atol", settings.atol)
        if spec.get("loops", "forbidden") not in LOOP_POLICIES:
            raise ValueError(f"{assignment}.{name}: loops must be one of {LOOP_POLICIES}")
        if spec.get("loops") == "allowed":
            spec.setdefault("vectorized_points", 0)
        result.append(Unit(assignment=assignment, name=name, **spec))
    return tuple(result)


def unit(root: Path, assignment: str, name: str) -> Unit:
    for candidate in units(root, assignment):
        if candidate.name == name:
            return candidate
    raise KeyError(f"{assignment} has no graded unit {name!r}")


def assignment_names(root: Path) -> list[str]:
    return list(course(root).assignments)
