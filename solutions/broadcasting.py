"""Reference solutions of the "broadcasting" assignment: shapes, broadcasting rules and rank-1 arrays."""
import numpy as np


def calorie_percentages(A):
    """
    Compute, for each food (column), the percentage of its calories that comes from each nutrient (row).

    In the lecture's example A has shape (3, 4): rows carbs, protein, fat;
    columns apples, beef, eggs, potatoes.

    Arguments:
    A -- numpy matrix of shape (n_nutrients, n_foods) of calories

    Returns:
    percentages -- numpy matrix of shape (n_nutrients, n_foods); each column sums to 100
    """
    # axis=0 sums down the rows: one total per food. keepdims=True keeps it as a
    # row (1, n_foods), so dividing the (n_nutrients, n_foods) matrix by it broadcasts
    # each food's total down its own column.
    totals = A.sum(axis=0, keepdims=True)
    # True division gives floats even when A holds integers.
    percentages = 100 * A / totals
    return percentages


def center_columns(X):
    """
    Subtract from every column its mean, so that each column (feature) has mean 0.

    Arguments:
    X -- numpy matrix of shape (m, n)

    Returns:
    X_centered -- numpy matrix of shape (m, n) whose columns have mean 0
    """
    # The column means form a (1, n) row; broadcasting subtracts it from each of the m rows.
    mu = X.mean(axis=0, keepdims=True)
    # A new array (not X -= mu): the caller's X is left unchanged, and integer inputs work.
    X_centered = X - mu
    return X_centered


def scale_rows(X, s):
    """
    Multiply row i of X by the scalar s[i].

    Arguments:
    X -- numpy matrix of shape (m, n)
    s -- numpy column vector of shape (m, 1)

    Returns:
    X_scaled -- numpy matrix of shape (m, n)
    """
    # (m, n) * (m, 1): the single column of s is stretched across the n columns of X.
    X_scaled = X * s
    return X_scaled


def broadcast_shape(shape_a, shape_b):
    """
    Apply numpy's broadcasting rules by hand to two shapes.

    Arguments:
    shape_a -- tuple of ints, the shape of the first array
    shape_b -- tuple of ints, the shape of the second array

    Returns:
    shape -- tuple of ints, the shape of the result of an element-wise operation on the two arrays

    Raises:
    ValueError -- if the two shapes cannot be broadcast together
    """
    # Rule 1: align the shapes from the right; the shorter shape is padded on the left with 1s.
    ndim = max(len(shape_a), len(shape_b))
    padded_a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    padded_b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    # Rule 2: compare the dimensions one pair at a time.
    result = []
    for dim_a, dim_b in zip(padded_a, padded_b):
        if dim_a == dim_b or dim_b == 1:
            result.append(dim_a)  # equal sizes, or b's size 1 is stretched to a's size
        elif dim_a == 1:
            result.append(dim_b)  # a's size 1 is stretched to b's size
        else:
            # Rule 3: two different sizes, neither of them 1, cannot be broadcast.
            raise ValueError(
                f"shapes {tuple(shape_a)} and {tuple(shape_b)} cannot be broadcast together: "
                f"sizes {dim_a} and {dim_b} differ and neither is 1"
            )
    return tuple(result)


def to_column(a):
    """
    Reshape an array into a column vector.

    Arguments:
    a -- numpy array with n elements, e.g. a rank-1 array of shape (n,)

    Returns:
    column -- numpy array of shape (n, 1)
    """
    # A rank-1 array (n,) is neither a row nor a column, and it behaves surprisingly
    # (a.T is a itself). reshape makes the intent explicit; -1 lets numpy compute n.
    column = np.reshape(a, (-1, 1))
    return column


def to_row(a):
    """
    Reshape an array into a row vector.

    Arguments:
    a -- numpy array with n elements, e.g. a rank-1 array of shape (n,)

    Returns:
    row -- numpy array of shape (1, n)
    """
    row = np.reshape(a, (1, -1))
    return row


def outer(a, b):
    """
    Compute the outer product of two vectors: result[i, j] = a[i] * b[j].

    Arguments:
    a -- numpy array with m elements, of shape (m,), (m, 1) or (1, m)
    b -- numpy array with n elements, of shape (n,), (n, 1) or (1, n)

    Returns:
    result -- numpy matrix of shape (m, n)
    """
    # With rank-1 inputs np.dot(a, b.T) is the inner product (a single number), because
    # transposing a rank-1 array does nothing. Reshape both into an explicit column and row first.
    column = np.reshape(a, (-1, 1))  # (m, 1)
    row = np.reshape(b, (1, -1))  # (1, n)
    # (m, 1) * (1, n) broadcasts to (m, n): every a[i] times every b[j].
    result = column * row
    return result


# The right choice of each graded multiple-choice question.
ANSWERS = {
    "q_broadcast": "c",
    "q_neuron": "b",
    "q_slicing": "d",
    "q_random": "a",
    "q_log_cost": "c",
}

# The question text and the four choices of each graded multiple-choice question.
QUESTIONS = {
    "q_broadcast": {
        "question": "`a = np.random.randn(3, 1)` and `b = np.random.randn(1, 4)`. What is the shape of `c = a + b`?",
        "choices": {
            "a": "`(3, 1)`: `b` is added to each entry of `a`",
            "b": "`(1, 4)`: `a` is added to each entry of `b`",
            "c": "`(3, 4)`: `a` is stretched across 4 columns and `b` down 3 rows",
            "d": "The addition raises an error because the shapes differ",
        },
    },
    "q_neuron": {
        "question": (
            "In logistic regression seen as a one-neuron network, with weights $w$ of shape $(n_x, 1)$, "
            "bias $b$ and one example $x$ of shape $(n_x, 1)$, what does the neuron output?"
        ),
        "choices": {
            "a": "$w^T x + b$, the linear score itself",
            "b": r"$\sigma(w^T x + b)$, a probability between 0 and 1",
            "c": r"$\max(0, w^T x + b)$, the ReLU of the linear score",
            "d": r"$\sigma(w) \cdot x + b$, the sigmoid of the weights times the input",
        },
    },
    "q_slicing": {
        "question": "`d = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])`. What is `d[1, 1:3]`?",
        "choices": {
            "a": "`array([2, 3])`",
            "b": "`array([6, 7, 8])`",
            "c": "`array([[6], [10]])`",
            "d": "`array([6, 7])`",
        },
    },
    "q_random": {
        "question": "Which call returns samples from the standard normal distribution (mean 0, variance 1)?",
        "choices": {
            "a": "`np.random.randn(3, 2)`",
            "b": "`np.random.rand(3, 2)`",
            "c": "`np.random.randint(0, 2, size=(3, 2))`",
            "d": "`np.random.rand(3, 2) - 0.5`",
        },
    },
    "q_log_cost": {
        "question": (
            r"Why does logistic regression use the cost $-\big(y \log a + (1 - y) \log(1 - a)\big)$ "
            r"rather than the squared error $\frac{1}{2}(a - y)^2$?"
        ),
        "choices": {
            "a": "Because the logarithm is faster to compute than a square",
            "b": "Because the squared error can be negative, while a cost must be positive",
            "c": (
                r"Because with $a = \sigma(w^T x + b)$ the squared error makes the optimization problem "
                "non-convex (many local optima), while the log cost, which comes from maximum likelihood, is convex"
            ),
            "d": "Because the log cost is always smaller, so gradient descent takes bigger steps",
        },
    },
}
