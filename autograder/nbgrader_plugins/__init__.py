"""The kit's steps in nbgrader's pipelines (listed in course_config.py)."""
from autograder.nbgrader_plugins.bound_outputs import BoundOutputs
from autograder.nbgrader_plugins.loop_rule import LoopRule
from autograder.nbgrader_plugins.sandbox_execute import SandboxExecute
from autograder.nbgrader_plugins.sanitize import SanitizeFeedback

__all__ = ["BoundOutputs", "LoopRule", "SandboxExecute", "SanitizeFeedback"]
