# nbgrader's Validate button runs the kit's self-check (a table naming known mistakes, no kernel)
# for every notebook whose folder ships kitcheck/, and nbgrader's own kernel run for the others.
#
# A config file, not a module: `autograder release` copies it into each release folder as
# nbgrader_config.py (JupyterLab started there finds it: the Validate handler reads the server's
# working folder); on a JupyterHub, drop it into a global Jupyter config folder as
# nbgrader_config.py (or load_subconfig it from the one there). It changes validation only: no
# grading step reads Validator's settings. Needs nothing but nbgrader; the kit comes from the
# notebook's folder.
import importlib.util
import os

from nbgrader.preprocessors import CheckCellMetadata, ClearOutput, Execute, NbGraderPreprocessor
from nbgrader.validator import Validator


class KitSelfCheckOrExecute(NbGraderPreprocessor):
    """The notebook folder's kitcheck/validate.py when there is one, else nbgrader's kernel run."""

    def preprocess(self, nb, resources):
        path = os.path.join(os.getcwd(), "kitcheck", "validate.py")  # the Validator works in the notebook's folder
        if not os.path.isfile(path):
            return Execute(parent=self.parent).preprocess(nb, resources)
        spec = importlib.util.spec_from_file_location("_kitcheck_validate", path)
        module = importlib.util.module_from_spec(spec)  # loaded afresh: each folder has its own kit
        spec.loader.exec_module(module)
        return module.KitSelfCheck(parent=self.parent).preprocess(nb, resources)


# nbgrader 0.9.6 leaves Validator.preprocessors out of its configuration; this makes it configurable.
Validator.class_traits()["preprocessors"].tag(config=True)
c = get_config()  # noqa: F821 (provided by traitlets' config loader)
c.Validator.preprocessors = [CheckCellMetadata, ClearOutput, KitSelfCheckOrExecute]
