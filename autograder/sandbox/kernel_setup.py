"""Imported by every grading kernel at start and by the sandbox's warm parent: notebooks
`import kitcheck`, and at grading time that name must be the kit's own copy, not a kitcheck/
folder a student submitted beside the notebook."""
import sys

import autograder.kitcheck

sys.modules["kitcheck"] = autograder.kitcheck
