"""The catalogue of known mistakes: one entry per stable code, its title and its fix-it sentence.

Every message is written once, here, as a format template; a detector only fills in what it
measured (names, shapes, numbers, never prose), so the sentence reads the same for every student
and translates as a whole (autograder/i18n holds the Korean catalogue of the same templates).
Which functions a mistake applies to is read from the detector tables of the assignment modules.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field, replace

from autograder.kitcheck.compare import Problem
from autograder.kitcheck.i18n import N_, fill


@dataclass(frozen=True)
class Mistake:
    code: str
    title: str
    message: str  # a format template: str.format fields are filled by the detector
    functions: tuple[str, ...] = field(default=())  # "assignment.function" it is detected in

    @property
    def fields(self) -> set[str]:
        """The names a detector must fill in, e.g. {"what", "m"}."""
        return {name for _, name, _, _ in string.Formatter().parse(self.message) if name}

    def problem(self, **fills) -> Problem:
        return Problem(self.code, fill(self.message, **fills))


def _entries(*mistakes: Mistake) -> dict[str, Mistake]:
    return {mistake.code: mistake for mistake in mistakes}


ENTRIES = _entries(
    # Shapes and orientation
    Mistake("M_RANK1", N_("rank-1 array"),
            N_("{what} has the rank-1 shape {got} where {due} is due: give it both dimensions, reading the "
            "sizes from the input or letting numpy count them: .reshape(-1, 1) makes a column, .reshape(1, -1) "
            "a row (a rank-1 array is neither, and .T does not change it)")),
    Mistake("M_TRANSPOSE", N_("wrong transpose"),
            N_("{what}: got {got} where {due} is due, so a transpose is missing or misplaced: write the "
            "shape beside each operand ((a, b) @ (b, c) gives (a, c)) and put .T where the shapes line up")),
    Mistake("M_T_NOT_RESHAPE", N_(".T instead of reshape"),
            N_("{what} used a.T, which only swaps the two axes of a 2-D array (here a of shape {shape} "
            "became {got}) and leaves a rank-1 array as it is: use a.reshape{due}")),
    Mistake("M_LEN_NOT_SIZE", N_("rows counted as elements"),
            N_("{what} reshapes with a.shape[0] = {rows}, the number of rows, but a has {size} elements: "
            "let numpy count them with -1, e.g. a.reshape{due}")),
    Mistake("M_HARDCODED_SHAPE", N_("hard-coded size"),
            N_("{what} uses the fixed size {size}, which does not fit this input ({given}): take every size "
            "from the arguments (.shape, dim) or let numpy compute one with -1")),
    Mistake("M_SHAPE_NOT_TUPLE", N_("shape not passed as a tuple"),
            N_("np.zeros(dim, 1) reads the 1 as a dtype: pass the whole shape as one tuple, np.zeros((dim, 1))")),
    # Reductions and broadcasting
    Mistake("M_WRONG_AXIS", N_("wrong axis"),
            N_("{what} reduces over axis={wrong} where axis={axis} is due: axis=0 collapses the rows "
            "(one value per column), axis=1 collapses the columns (one value per row)")),
    Mistake("M_NO_KEEPDIMS", N_("missing keepdims"),
            N_("{reduction} gives a rank-1 array of shape ({n},), which broadcasting lines up with the "
            "columns, not the rows (a square input hides the error): pass keepdims=True to keep it "
            "a ({n}, 1) column")),
    Mistake("M_NO_AXIS", N_("missing axis"),
            N_("{what} reduces the whole array to a single number because no axis is given: pass "
            "axis={axis} with keepdims=True (axis=0: one value per column, axis=1: one value per row)")),
    Mistake("M_MUTATES_INPUT", N_("in-place update of an input"),
            N_("`{target} {op}= ...` changes the input in place, which fails on an int array (numpy "
            "cannot store floats in it) and would alter the caller's data: write "
            "{target} = {target} {op} ... to make a new array")),
    # Element-wise functions
    Mistake("M_MATH_EXP_ON_ARRAY", N_("math.exp on an array"),
            N_("math.exp takes a single number and fails on an array: use np.exp, which works element "
            "by element on arrays of any shape")),
    Mistake("M_EXP_SIGN", N_("sign of the exponent"),
            N_("{what} returned 1 - sigmoid(x), the sigmoid of -x: put a minus in the exponent, "
            "1 / (1 + exp(-x))")),
    Mistake("M_PRECEDENCE", N_("denominator without parentheses"),
            N_("{what} computed 1 + e^(-x): in `1 / 1 + np.exp(-x)` the division 1 / 1 happens first; put the "
            "whole denominator in parentheses, 1 / (1 + np.exp(-x))")),
    Mistake("M_DERIVATIVE_OF_X", N_("derivative of x instead of sigmoid(x)"),
            N_("sigmoid_derivative returned {formula}, with x where s = sigmoid(x) is due: compute s = sigmoid(x) "
            "first, then s * (1 - s)")),
    Mistake("M_DOT_NOT_ELEMENTWISE", N_("matrix product instead of an element-wise one"),
            N_("{what} used np.dot, a matrix product (rows times columns), where the formula multiplies entry by "
            "entry: write {formula} with *")),
    Mistake("M_MAX_NOT_MAXIMUM", N_("max instead of np.maximum"),
            N_("relu used max or np.max, which pick the single largest value (np.max(0, v) even reads v "
            "as an axis): use np.maximum(0, v), which compares 0 with each entry")),
    # Losses and products
    Mistake("M_NORM_SQUARED", N_("sum of squares instead of the norm"),
            N_("normalize_rows divided each row by the sum of its squares, not by its square root: the L2 norm is "
            "np.sqrt(np.sum(x ** 2, axis=1, keepdims=True)), or np.linalg.norm(x, axis=1, keepdims=True)")),
    Mistake("M_STANDARDIZED", N_("standardized instead of centered"),
            N_("center_columns also divided by each column's standard deviation: centering only subtracts the "
            "column means, X - np.mean(X, axis=0, keepdims=True)")),
    Mistake("M_L1_NO_ABS", N_("L1 without absolute values"),
            N_("L1 summed the signed differences, so errors of opposite sign cancel out: take "
            "np.abs(y - yhat) before summing")),
    Mistake("M_L2_SQRT", N_("L2 as a norm"),
            N_("L2 returned the square root of the loss (the norm of y - yhat): the L2 loss is the plain "
            "sum of squares, np.sum((y - yhat) ** 2)")),
    Mistake("M_MEAN_NOT_SUM", N_("mean instead of sum"),
            N_("{what} is the mean of the {n} terms, exactly 1/{n} of the expected value: the loss is "
            "their sum, np.sum(...), not np.mean(...)")),
    Mistake("M_LOOP_OFF_BY_ONE", N_("loop misses an element"),
            N_("dot_loop left out the product at index {index}: range(len(a)) already covers every "
            "index from 0 to len(a) - 1")),
    Mistake("M_ELEMENTWISE_NOT_DOT", N_("element-wise product instead of a dot product"),
            N_("{what} multiplies element by element with * where the product {formula} is due: * only "
            "pairs up entries (and broadcasts the shapes), np.dot or @ also sums the products")),
    Mistake("M_INNER_NOT_OUTER", N_("inner product of rank-1 arrays"),
            N_("for rank-1 a and b, b.T is b itself and np.dot(a, b.T) is the inner product (one number) "
            "or fails: reshape a into a column (-1, 1) and b into a row (1, -1) first")),
    # Numbers
    Mistake("M_INT_TRUNCATION", N_("integer truncation"),
            N_("{what} was cut to whole numbers ({got} where {expected} is due): use true division / and "
            "keep the result float (no //, int() or .astype(int))")),
    Mistake("M_INT_NOT_FLOAT", N_("int instead of float"),
            N_("{what} is the int {got} where a float is due: write {got}.0 or convert with float(...)")),
    Mistake("M_FRACTION_NOT_PERCENT", N_("fractions instead of percentages"),
            N_("calorie_percentages returned fractions that sum to 1 per column: multiply by 100 to get "
            "percentages")),
    # Broadcasting rules by hand
    Mistake("M_BROADCAST_NO_ERROR", N_("incompatible shapes accepted"),
            N_("broadcast_shape returned {got} for shapes that cannot be broadcast: when two sizes differ "
            "and neither is 1, raise ValueError")),
    Mistake("M_ALIGN_LEFT", N_("shapes aligned from the left"),
            N_("broadcast_shape lined the shapes up from the left: numpy compares the trailing dimensions "
            "first and pads the shorter shape with 1s on the left")),
    Mistake("M_SHAPES_NOT_PADDED", N_("leading dimensions dropped"),
            N_("broadcast_shape dropped the leading dimensions of the longer shape (zip stops at the "
            "shorter one): pad the shorter shape with 1s on the left before comparing")),
    # Logistic regression
    Mistake("M_FLATTEN_NO_TRANSPOSE", N_("pixels of different images mixed"),
            N_("flatten_images has the right shape but each column mixes pixels of different images "
            "(reshape(-1, m) cuts the pixels into rows of m values): use images.reshape(m, -1).T")),
    Mistake("M_MISSING_1_OVER_M", N_("missing 1/m"),
            N_("{what} is exactly m = {m} times the expected value: divide by m")),
    Mistake("M_WRONG_M", N_("wrong m"),
            N_("{what} is divided by {k} where m = X.shape[1] = {m} is due (n_x = X.shape[0] = {n_x}): m "
            "is the number of examples, the columns of X; read it from X.shape[1], not from X.shape[0], "
            "a fixed number or a notebook variable")),
    Mistake("M_SIGN_FLIP", N_("sign flip"),
            N_("{what} has the opposite sign of the expected value: check the signs (the cost starts "
            "with a minus, dZ = A - Y, and gradient descent steps w = w - learning_rate * dw)")),
    Mistake("M_MISSING_BIAS", N_("missing + b"),
            N_("{what} matches the computation without b: add the bias to every score, "
            "A = sigmoid(w.T @ X + b)")),
    Mistake("M_COST_UNSUMMED", N_("cost not summed"),
            N_("cost came back as an array of shape {got}, one loss per example: sum the losses and "
            "divide by m to get one number")),
    Mistake("M_COST_MATRIX", N_("a number as a (1, 1) array"),
            N_("{what} is an array of shape {got} holding the right value (np.dot of a row and a column, or "
            "np.sum with keepdims=True, gives a 1x1 matrix): turn it into a number with float(...) or "
            "np.squeeze(...)")),
    Mistake("M_OUTER_PRODUCT_COST", N_("outer product in the cost"),
            N_("the cost multiplies a column by a row, which broadcasts into an ({m}, {m}) matrix of all "
            "pairs of examples: keep Y and np.log(A) both of shape (1, {m}) and multiply them element-wise")),
    Mistake("M_HARDCODED_LR", N_("hard-coded learning rate"),
            N_("{what} trains with the learning rate {lr} whatever learning_rate says ({given} here): use "
            "the learning_rate argument in the update")),
    Mistake("M_HARDCODED_ITERATIONS", N_("hard-coded number of iterations"),
            N_("{what} runs {n} iterations whatever num_iterations says ({given} here): loop over "
            "range(num_iterations)")),
    Mistake("M_GRADIENT_ASCENT", N_("update in the wrong direction"),
            N_("{which} moved uphill, against gradient descent: subtract the step, "
            "w = w - learning_rate * dw and b = b - learning_rate * db")),
    Mistake("M_COSTS_WRONG_ITERATIONS", N_("costs recorded at the wrong iterations"),
            N_("costs were recorded at iterations {got} instead of {due}: append the cost computed at "
            "iteration i when i % 100 == 0")),
    Mistake("M_GRADS_AFTER_LOOP", N_("gradients recomputed after the loop"),
            N_("the returned grads were computed after the loop, at the final w and b: return the grads "
            "of the last iteration, the ones its update used")),
    Mistake("M_BIAS_NOT_UPDATED", N_("bias never updated"),
            N_("b never changed during training: update it along with w, b = b - learning_rate * db")),
    Mistake("M_THRESHOLD_GE", N_(">= instead of >"),
            N_("predict gave 1 where A is exactly 0.5: the rule is 1 only where A > 0.5 (strictly), so "
            "use > instead of >=")),
    Mistake("M_PROBABILITIES_NOT_LABELS", N_("probabilities instead of labels"),
            N_("predict returned the probabilities A, not 0/1 labels: convert them with (A > 0.5)")),
    Mistake("M_NOTEBOOK_GLOBAL", N_("notebook variable instead of an argument"),
            N_("{what} involves an array of shape {got} that does not come from the arguments (they call "
            "for {due}): the function reads a notebook variable (train_set_x, X, w, ...) instead of its "
            "parameters; use only its arguments")),
)


def catalogue(tables: dict[str, dict[str, list]]) -> dict[str, Mistake]:
    """ENTRIES with `functions` filled in from the assignments' detector tables.

    tables: assignment -> {function: [(code, detector), ...]}. A code in a table that has no entry
    here is a programming error, caught at import time.
    """
    functions: dict[str, list[str]] = {code: [] for code in ENTRIES}
    for assignment, table in tables.items():
        for name, detectors in table.items():
            for code, _ in detectors:
                if code not in ENTRIES:
                    raise KeyError(f"{assignment}.{name}: detector for unknown mistake {code}")
                functions[code].append(f"{assignment}.{name}")
    return {code: replace(entry, functions=tuple(dict.fromkeys(functions[code])))
            for code, entry in ENTRIES.items()}
