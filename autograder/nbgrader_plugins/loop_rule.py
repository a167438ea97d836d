"""The static vectorization rule as an nbgrader autograde step, run in the grader process.

After execution, the output of each `vectorized_<function>` cell is replaced by the rule's
verdict, so nbgrader scores it: an error output (loop findings, or an untouched stub) earns 0,
a clean report earns the cell's points. Whatever the student's code did to its own process,
this verdict comes from the notebook's source, read here, and from what the kit's executor
measured (resources["autograder"]["dynamic"]).
"""
from __future__ import annotations

from pathlib import Path

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.config import course_root, units
from autograder.notebook.cells import VECTORIZED, grade_id, is_grade
from autograder.notebook.loop_verdicts import judge, unknown


class LoopRule(NbGraderPreprocessor):
    """Score every vectorization cell from the loop rule's findings on the notebook's code."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        assignment = resources.get("nbgrader", {}).get("assignment") or Path.cwd().name
        root = Path(self.config.CourseDirectory.root) if "root" in self.config.CourseDirectory else course_root()
        try:
            policies = {u.name: u.loops for u in units(root, assignment) if u.kind == "function"}
        except KeyError:
            return nb, resources  # not one of the course's assignments: nothing to judge
        verdicts = judge(nb, policies, resources.get("autograder", {}).get("dynamic"))
        for cell in nb.cells:
            if is_grade(cell) and grade_id(cell).startswith(VECTORIZED):
                cell.outputs = [verdicts.get(grade_id(cell)[len(VECTORIZED):]) or unknown(grade_id(cell))]
        return nb, resources
