"""The static vectorization rule as an nbgrader autograde step, run in the grader process.

After execution, the output of each `vectorized_<function>` cell is replaced by the rule's
verdict, so nbgrader scores it: an error output (loop findings, an untouched stub, a function
that fails every case) earns 0, a clean report earns the cell's points; its Record goes in the
cell's metadata. Whatever the student's code did to its own process,
this verdict comes from the notebook's source, read here, and from what the kit's executor
measured (resources["autograder"]["dynamic"]).
"""
from __future__ import annotations

from pathlib import Path

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.config import course_root, units
from autograder.notebook.cells import VECTORIZED, clear_records, grade_id, is_grade, set_record, test_records
from autograder.kitcheck.verdicts import unknown
from autograder.notebook.loop_verdicts import judge, output


class LoopRule(NbGraderPreprocessor):
    """Score every vectorization cell from the loop rule's findings on the notebook's code."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        assignment = resources.get("nbgrader", {}).get("assignment") or Path.cwd().name
        root = Path(self.config.CourseDirectory.root) if "root" in self.config.CourseDirectory else course_root()
        try:
            policies = {u.name: u.loops for u in units(root, assignment) if u.kind == "function"}
        except KeyError:
            return nb, resources  # not one of the course's assignments: nothing to judge
        measured = resources.get("autograder", {}).get("dynamic")
        if measured is None:  # not run by the kit's executor: any record in the notebook is the student's
            clear_records(nb)
        verdicts = judge(nb, policies, measured, test_records(nb))
        for cell in nb.cells:
            if is_grade(cell) and grade_id(cell).startswith(VECTORIZED):
                record = verdicts.get(grade_id(cell)[len(VECTORIZED):]) or unknown(grade_id(cell))
                cell.outputs = [output(record)]
                set_record(cell, record)
        return nb, resources

