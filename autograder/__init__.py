"""Auto-grading kit for the "Python and vectorization" unit, built on nbgrader."""
