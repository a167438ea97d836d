"""The kit's steps in nbgrader's pipelines (listed in course_config.py)."""
from autograder.nbgrader_plugins.loop_rule import LoopRule

__all__ = ["LoopRule"]
