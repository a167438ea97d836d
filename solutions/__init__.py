"""Reference implementations of every graded function (instructor-only; never released to students)."""
