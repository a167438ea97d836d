"""The kit's catalogues: Babel extracts the marked messages and keeps the translations current.

The catalogues themselves live in autograder/kitcheck/locale (the students' copy of kitcheck
carries them); autograder.kitcheck.i18n looks messages up at run time with the standard library.
"""
