"""Auto-grading kit for the "Python and vectorization" unit, built on nbgrader."""
import sys

# jsonschema (imported by nbformat and nbgrader) builds a grammar for IRI strings at import time
# when the optional package rfc3987_syntax is installed: seconds per command, for a string format
# no notebook schema uses. Without it, jsonschema simply does not check that format.
sys.modules.setdefault("rfc3987_syntax", None)
