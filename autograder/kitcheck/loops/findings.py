"""What the loop rule can say: stable codes, their suggestions, and the Finding record.

Every code and every suggestion is written once, here; the checks only fill in what was found
(the loop's iterable, the called name, the helper chain), so the wording stays consistent and a
test or a doc page can use the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _, fill
from ..record import shown_place

# Code -> one-line meaning (the table docs and tests use).
CODES: dict[str, str] = {
    "LOOP001": N_("for-loop (or async for) in a graded function or a helper it calls"),
    "LOOP002": N_("while-loop in a graded function or a helper it calls"),
    "LOOP003": N_("list/set/dict comprehension or generator expression"),
    "LOOP004": N_("Python-level iteration by a callable: map, filter, functools.reduce, itertools, "
    "or a builtin (sum, min, max, sorted, any, all, list, tuple, ...) walking an iterable"),
    "LOOP005": N_("numpy loop in disguise: np.vectorize, np.frompyfunc, np.apply_along_axis, "
    "np.apply_over_axes, np.fromiter, np.nditer, np.ndenumerate, np.ndindex"),
    "LOOP006": N_("recursion, direct or mutual"),
    "LOOP007": N_("optimize: a second loop besides the one loop over the training iterations"),
    "LOOP008": N_("optimize: the loop is not over the training iterations (examples or features)"),
    "FORBIDDEN001": N_("dynamic code the rule cannot check: exec, eval, compile, __import__, "
    "importlib, getattr/setattr/delattr with a computed name, globals(), vars(), locals(), "
    "__dict__, __builtins__; or code anywhere in the notebook that reaches what measures graded "
    "functions (tracing, frames, sys.modules, gc, ctypes, threads, patched modules, the kit's "
    "internals): it counts against every graded function"),
    "FORBIDDEN002": N_("broadcast_shape: np.broadcast_shapes, np.broadcast, np.broadcast_arrays, "
    "np.broadcast_to do the exercise for you"),
    "SYNTAX": N_("a cell does not parse, or the notebook is too large, so the rule cannot check it"),
}

# Code -> how to fix it, one sentence each.
SUGGESTIONS: dict[str, str] = {
    "LOOP001": N_("replace the loop with a whole-array operation: np.dot/@ for sums of products, "
    "np.sum(..., axis=) for totals, broadcasting for element-wise arithmetic"),
    "LOOP002": N_("replace the while-loop with whole-array operations (np.where, boolean masks, "
    "np.clip, np.cumsum) that do all the steps in one call"),
    "LOOP003": N_("compute the whole array at once instead of element by element: apply numpy "
    "operators and ufuncs to the array itself"),
    "LOOP004": N_("use the numpy equivalent on the whole array (np.sum, np.max, np.min, np.any, "
    "np.all, np.sort, array arithmetic) instead of iterating in Python"),
    "LOOP005": N_("these call Python once per element; write the computation with numpy operators "
    "and ufuncs that act on the whole array"),
    "LOOP006": N_("replace the recursion with whole-array operations (or, for a repeated update, "
    "the one loop the exercise allows)"),
    "LOOP007": N_("keep only the loop over the iterations and compute each step for all examples "
    "at once (X @ ..., np.sum(..., axis=1, keepdims=True))"),
    "LOOP008": N_("loop only over the iterations (for i in range(num_iterations)) and handle all "
    "examples and features at once with matrix products"),
    "FORBIDDEN001": N_("call functions directly by name and leave the interpreter and the kit "
    "alone: code built or looked up at run time, or that reaches what measures your functions, "
    "cannot be checked and is not allowed"),
    "FORBIDDEN002": N_("apply the broadcasting rules yourself: compare the two shapes dimension "
    "by dimension, starting from the right"),
    "SYNTAX": N_("fix the cell so that Python can parse it plainly; the rule cannot check code it "
    "cannot read"),
}

# Message templates: the specific part of each finding ("what was found"), one whole phrase each,
# translated where the finding is made (`fill`). A code excerpt is a field, never translated.
FOR_LOOPS = {
    "for-loop": N_("for-loop over {iterable}"),
    "async for-loop": N_("async for-loop over {iterable}"),
}
WHILE_LOOP = N_("while-loop on {condition}")
COMPREHENSIONS = {
    "list comprehension": N_("list comprehension over {iterable}"),
    "set comprehension": N_("set comprehension over {iterable}"),
    "dict comprehension": N_("dict comprehension over {iterable}"),
    "generator expression": N_("generator expression over {iterable}"),
}
# A resolved callable's finding, plain and when written through an alias (`v(f)` where v is
# np.vectorize): code -> (template, template with the alias).
CALLS = {
    "LOOP004": (N_("`{call}` iterates in Python"),
                N_("`{call}` iterates in Python (`{written}` is {target})")),
    "LOOP005": (N_("`{call}` is a Python loop in disguise"),
                N_("`{call}` is a Python loop in disguise (`{written}` is {target})")),
    "FORBIDDEN002": (N_("`{call}` applies the broadcasting rules for you"),
                     N_("`{call}` applies the broadcasting rules for you (`{written}` is {target})")),
}
RECURSION = N_("recursion (cycle {cycle})")
SELF_RECURSION = N_("recursion: `{function}` calls itself")
RECURSION_THROUGH_GRADED = N_("recursion through graded function `{graded}` (cycle {cycle})")
DYNAMIC_CODE = N_("dynamic code `{code}` cannot be checked")
COMPUTED_NAME = N_("`{call}` with a computed attribute name cannot be checked")
# TRANSLATORS: {loop} is the loop's own description ("for-loop over X"); {where} is "line 4" or
# "cell 3, line 4", where the loop over the iterations is.
SECOND_LOOP = N_("second loop besides the loop over iterations ({where}): {loop}")
NOT_ITERATIONS = N_("loop over examples or features, not the iterations: {loop}")
LINE = N_("line {line}")
CELL_LINE = N_("{cell}, line {line}")
# TRANSLATORS: {error} is Python's own SyntaxError message, shown as Python wrote it.
SYNTAX_ERROR = N_("cell does not parse: {error}")
TOO_DEEP = N_("code nested too deeply to check")
# TRANSLATORS: {size} and {limit} are numbers written with thousands separators (2,000,000).
TOO_LARGE = N_("the notebook holds {size} characters of code, more than the {limit} the rule checks")
TAMPERING = N_("`{code}` reaches what measures graded functions")
PATCHING = N_("`{code}` patches a module")
# TRANSLATORS: {detail} is what was found ("`gc` reaches what measures graded functions").
AT_MODULE_LEVEL = N_("{detail} (at module level): wherever it is in the notebook, it counts against every "
                     "graded function")
IN_HELPER = N_("{detail} (in `{helper}`): wherever it is in the notebook, it counts against every graded "
               "function")
# The whole message: what was found (a phrase above), the graded function, the helpers in between.
IN_FUNCTION = N_("{detail} in {function}")
VIA_HELPER = N_("{detail} in {function} (via helper `{helper}`)")
# TRANSLATORS: {chain} is the helpers from the graded function on: `a` -> `b` -> `c`.
VIA_HELPERS = N_("{detail} in {function} (via helpers {chain})")


def calling(code: str, call: str, written: str, target: str) -> str:
    """The finding of a looping, disguised or broadcasting callable, saying what an alias stands for."""
    plain, aliased = CALLS[code]
    if written == target:
        return fill(plain, call=call)
    return fill(aliased, call=call, written=written, target=target)


@dataclass(frozen=True)
class Finding:
    """One place where a graded function breaks the vectorization rule."""

    code: str
    function: str
    cell: str
    line: int
    message: str
    suggestion: str
    place: str = ""  # `relu, line 2`: how notebooks, self-check and feedback name the place

    def format(self, path: str = "") -> str:
        """Linter style: `path:cell 7:line 4: LOOP001 <message>: <suggestion>`."""
        where = ":".join(part for part in (path, self.cell, fill(LINE, line=self.line)) if part)
        return f"{where}: {self.code} {self.message}: {self.suggestion}"

    def describe(self) -> str:
        """As a student reads it beside the code: `relu, line 2: LOOP001 <message>: <suggestion>`."""
        where = shown_place(self.place) if self.place else fill(CELL_LINE, cell=self.cell, line=self.line)
        return f"{where}: {self.code} {self.message}: {self.suggestion}"


def charged_message(detail: str, function: str, chain: tuple[str, ...]) -> str:
    """The full message: what was found, the graded function, and the helpers in between."""
    if not function:
        return detail
    if len(chain) == 1:
        return fill(VIA_HELPER, detail=detail, function=function, helper=chain[0])
    if chain:
        shown = " -> ".join(name if name == "..." else f"`{name}`" for name in chain)
        return fill(VIA_HELPERS, detail=detail, function=function, chain=shown)
    return fill(IN_FUNCTION, detail=detail, function=function)


def make_finding(code: str, function: str, cell: str, line: int, detail: str,
                 chain: tuple[str, ...] = (), place: str = "") -> Finding:
    return Finding(code, function, cell, line, charged_message(detail, function, chain),
                   _(SUGGESTIONS[code]), place)


def notebook_finding(function: str, cell: str, line: int, detail: str, holder: str,
                     place: str = "") -> Finding:
    """A FORBIDDEN001 construct found anywhere in the notebook, charged to one graded function:
    the message says where it is (module level or the def holding it), not a helper chain."""
    if holder:
        message = fill(IN_HELPER, detail=detail, helper=holder)
    else:
        message = fill(AT_MODULE_LEVEL, detail=detail)
    return Finding("FORBIDDEN001", function, cell, line, message, _(SUGGESTIONS["FORBIDDEN001"]), place)
