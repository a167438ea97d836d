# The one place for course settings: nbgrader's own settings and the kit's grading policy.
#
# nbgrader reads it through nbgrader_config.py (which only loads this file), and the `autograder`
# command loads it with traitlets, so plain `nbgrader ...` commands and the kit agree.
import os
import sys

c = get_config()  # noqa: F821 (provided by traitlets' config loader)

# The course's language, "en" or "ko": the notebooks released (assignments/ for English, the
# edition built from the same cells under editions/<language>/ otherwise) and every message that
# students and graders read. The environment variable AUTOGRADER_LANGUAGE overrides it (the
# `autograder` commands' --language option sets it).
LANGUAGE = os.environ.get("AUTOGRADER_LANGUAGE") or "en"

# How student code runs when grading: "sandbox", the kit's isolated executor (student cells in a
# confined worker process, tests in the grader), or "kernel", nbgrader's stock Jupyter kernel
# execution, kept for comparison. The environment variable AUTOGRADER_EXECUTOR overrides it.
EXECUTOR = os.environ.get("AUTOGRADER_EXECUTOR", "sandbox")

# ---------------------------------------------------------------------------------------------
# nbgrader
# ---------------------------------------------------------------------------------------------
c.CourseDirectory.course_id = "dl-python-vectorization"
# The gradebook: nbgrader's default, SQLite in gradebook.db in the course root, suits one machine.
# With several graders or a large course, PostgreSQL (nbgrader supports it; the kit installs its
# driver): c.CourseDirectory.db_url = "postgresql://USER:PASSWORD@HOST:5432/DATABASE".
# The environment variable AUTOGRADER_DB_URL overrides it, for the kit and plain nbgrader alike.
if os.environ.get("AUTOGRADER_DB_URL"):
    c.CourseDirectory.db_url = os.environ["AUTOGRADER_DB_URL"]
c.CourseDirectory.source_directory = "assignments" if LANGUAGE == "en" else f"editions/{LANGUAGE}"
# Notebook sources written as text (*.nb.md) and their translations (*.po) build the .ipynb files;
# they are not released.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.nb.md", "*.po"]

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Deleted test cells come back from the gradebook instead of costing a manual grade.
c.OverwriteCells.add_missing_cells = True

# The sandbox's limits per submission (see README, "Protections").
c.SandboxExecute.cell_timeout = 20
c.SandboxExecute.call_timeout = 10
c.SandboxExecute.cpu_seconds = 120
c.SandboxExecute.memory_mb = 2048
c.SandboxExecute.processes = 32
c.SandboxExecute.file_mb = 16
c.SandboxExecute.output_kb = 1024
c.SandboxExecute.submission_seconds = 45  # all cells, calls and replays; under the test suite's 60 s per submission
c.SandboxExecute.disk_mb = 64

# Outputs kept in the graded notebook, its feedback and results.json, bounded in the grader
# whatever the student's process printed or forged (see BoundOutputs).
c.BoundOutputs.max_outputs = 50          # per cell
c.BoundOutputs.max_text = 20_000         # characters per stream, text output or traceback
c.BoundOutputs.max_evalue = 2_000        # characters of an error's message
c.BoundOutputs.max_image = 500_000       # base64 characters per image
c.BoundOutputs.max_total = 2_000_000     # characters of output per notebook

# The stock grading kernel: minimal tracebacks (hidden test lines never reach feedback), and the
# trusted copy of the public check helpers under the name the notebooks import.
c.Execute.timeout = 60
c.Execute.extra_arguments = [
    "--HistoryManager.hist_file=:memory:",
    "--InteractiveShell.xmode=Minimal",
    "--IPKernelApp.log_level=ERROR",
    "--IPKernelApp.exec_lines=import autograder.sandbox.kernel_setup",
]

# The autograde pipeline is nbgrader's, with the kit's executor and its loop rule after it.
c.Autograde.autograde_preprocessors = [
    "autograder.nbgrader_plugins.SandboxExecute" if EXECUTOR == "sandbox" else "nbgrader.preprocessors.Execute",
    "nbgrader.preprocessors.IgnorePattern",
    "autograder.nbgrader_plugins.BoundOutputs",
    "autograder.nbgrader_plugins.LoopRule",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Feedback never shows hidden test code, and nothing a student wrote runs in a reader's browser.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "autograder.nbgrader_plugins.SanitizeFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# nbgrader's Validate button and `nbgrader validate`: the kit's self-check in place of a kernel run
# (autograder/kitcheck/validate.py), with a release folder's own kitcheck/, else the course's. Only
# where nbgrader reads this file (the `autograder` commands need not import nbgrader); grading
# reads no Validator setting.
if "nbgrader.validator" in sys.modules:
    from nbgrader.preprocessors import CheckCellMetadata, ClearOutput
    from nbgrader.validator import Validator

    from autograder.kitcheck.validate import KitSelfCheck

    Validator.class_traits()["preprocessors"].tag(config=True)  # nbgrader 0.9.6 leaves it unconfigurable
    c.Validator.preprocessors = [CheckCellMetadata, ClearOutput, KitSelfCheck]

# ---------------------------------------------------------------------------------------------
# Grading policy (read by autograder.config.Course)
# ---------------------------------------------------------------------------------------------
# Hidden cases are drawn from a generator seeded with (seed, student, assignment, function,
# submission): a regrade of the same notebook sees exactly the same inputs, a resubmission new ones.
c.Course.seed = 2026

c.Course.language = LANGUAGE

# Values must match the reference within |got - expected| <= atol + rtol * |expected|.
c.Course.rtol = 1e-6
c.Course.atol = 1e-8


# Grading on a Dask cluster: the address of its scheduler (e.g. "tcp://grader-1:8786"), or "" to
# grade on this machine. `autograder grade --scheduler ADDRESS` overrides it (see README, "Cluster").
c.Course.scheduler = ""

# The loop rule's optional third opinion, by timing against the reference on a large input:
# "off", "report" (a note in the feedback) or "penalize" (also fails the vectorization cell).
c.Course.timing = "off"

# Every graded unit of every assignment, in notebook order.
#   points:  points for the unit's tests (public and hidden)
#   loops:   the vectorization rule for the function
#            "forbidden"  no Python loop of any kind (the default)
#            "allowed"    loops are the point of the exercise (no vectorization cell)
#            "dimensions" loops over dimensions allowed; np.broadcast_* forbidden
#            "iterations" exactly one loop, over the training iterations
#   vectorized_points: points for following the rule (default 1; none when loops are allowed)
#   kind:    "function" (default) or "choice" (a graded multiple-choice answer)
#   rtol/atol: a per-unit tolerance, where the course default is too tight
c.Course.assignments = {
    "vectorization": {
        "basic_sigmoid": {"points": 1},
        "sigmoid": {"points": 2},
        "sigmoid_derivative": {"points": 2},
        "image2vector": {"points": 2},
        "normalize_rows": {"points": 2},
        "softmax": {"points": 3},
        "L1": {"points": 2},
        "L2": {"points": 2},
        "dot_loop": {"points": 1, "loops": "allowed"},
        "dot_vectorized": {"points": 1},
        "matvec": {"points": 2},
        "relu": {"points": 1},
    },
    "broadcasting": {
        "calorie_percentages": {"points": 2},
        "center_columns": {"points": 2},
        "scale_rows": {"points": 2},
        "broadcast_shape": {"points": 3, "loops": "dimensions"},
        "to_column": {"points": 1},
        "to_row": {"points": 1},
        "outer": {"points": 2},
        "q_broadcast": {"points": 1, "kind": "choice"},
        "q_neuron": {"points": 1, "kind": "choice"},
        "q_slicing": {"points": 1, "kind": "choice"},
        "q_random": {"points": 1, "kind": "choice"},
        "q_log_cost": {"points": 1, "kind": "choice"},
    },
    "logistic_regression": {
        "flatten_images": {"points": 2},
        "sigmoid": {"points": 1},
        "initialize_with_zeros": {"points": 1},
        "propagate": {"points": 4},
        "optimize": {"points": 3, "loops": "iterations", "rtol": 1e-5},
        "predict": {"points": 2},
        "model": {"points": 2, "rtol": 1e-4, "atol": 1e-6},
    },
}
