"""Running and scoring a graded notebook without a Jupyter kernel (shared by grading and check)."""
