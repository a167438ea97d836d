"""Grading: hidden test cases and the checks that compare submissions with the reference."""
