"""Reference solutions of the "vectorization" assignment: numpy basics, from a scalar sigmoid to u = Av."""
import math

import numpy as np


def basic_sigmoid(x):
    """
    Compute the sigmoid of a real number x, with the math library.

    Arguments:
    x -- a scalar (Python int or float)

    Returns:
    s -- sigmoid(x) = 1 / (1 + e^(-x)), a Python float
    """
    # math.exp works on one number only: pass it a vector and it raises a TypeError.
    # That limitation is why deep learning code uses numpy instead.
    s = 1 / (1 + math.exp(-x))
    return s


def sigmoid(x):
    """
    Compute the sigmoid of x, element by element.

    Arguments:
    x -- a scalar or numpy array of any shape

    Returns:
    s -- sigmoid(x), same shape as x
    """
    # np.exp applies to every element at once, so the same formula works for
    # a number, a vector or a matrix: no loop over the entries is needed.
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    """
    Compute the gradient (slope) of the sigmoid function with respect to its input x.

    Arguments:
    x -- a scalar or numpy array of any shape

    Returns:
    ds -- the gradient sigma'(x) = sigma(x) * (1 - sigma(x)), same shape as x
    """
    # Compute sigma(x) once and reuse it: the derivative is expressed with the
    # function's own value, which backpropagation already has at hand.
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    """
    Unroll an image into a column vector.

    Arguments:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a column vector of shape (length*height*depth, 1)
    """
    # reshape keeps the pixels in their original (row-major) order; only the shape changes.
    # Read the sizes from image.shape, never hard-code them: images come in many sizes.
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


def normalize_rows(x):
    """
    Normalize each row of the matrix x to have unit length (L2 norm 1).

    Arguments:
    x -- a numpy matrix of shape (m, n)

    Returns:
    x -- the normalized (by row) numpy matrix, shape (m, n)
    """
    # One norm per row: axis=1 sums across the columns. keepdims=True keeps the
    # result as a column (m, 1) so that broadcasting divides each row by its own norm.
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    # A new array, not x /= x_norm: that would modify the caller's matrix
    # (and fail on an integer matrix).
    x = x / x_norm
    return x


def softmax(x):
    """
    Compute the softmax of each row of the input x.

    Arguments:
    x -- a numpy matrix of shape (m, n)

    Returns:
    s -- a numpy matrix of shape (m, n): the softmax of each row of x (each row sums to 1)
    """
    # Softmax does not change when a constant is subtracted from a row, so subtract
    # each row's maximum first: the largest exponent is then e^0 = 1 and np.exp cannot overflow.
    x_shifted = x - np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(x_shifted)
    # keepdims=True: the row sums have shape (m, 1) and broadcast across the columns.
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s


def L1(yhat, y):
    """
    Compute the L1 loss: the sum of the absolute differences.

    Arguments:
    yhat -- numpy array of the predicted labels, any shape
    y -- numpy array of the true labels, same shape as yhat

    Returns:
    loss -- the value of the L1 loss, a Python float
    """
    # Element-wise difference and absolute value, then a single sum over all entries.
    loss = float(np.sum(np.abs(y - yhat)))
    return loss


def L2(yhat, y):
    """
    Compute the L2 loss: the sum of the squared differences.

    Arguments:
    yhat -- numpy array of the predicted labels, any shape
    y -- numpy array of the true labels, same shape as yhat

    Returns:
    loss -- the value of the L2 loss, a Python float
    """
    # The sum of squares of a vector is its dot product with itself; np.sum of the
    # squares says the same thing for arrays of any shape.
    diff = y - yhat
    loss = float(np.sum(diff * diff))
    return loss


def dot_loop(a, b):
    """
    Compute the dot product of two vectors with an explicit Python for loop (the slow baseline).

    Arguments:
    a -- numpy array (a rank-1 vector, or any array with as many elements as b)
    b -- numpy array with the same number of elements as a

    Returns:
    dot -- the sum of the element-wise products, a Python float
    """
    # ravel() views both arrays as flat sequences, so the loop visits every element once.
    a = np.ravel(a)
    b = np.ravel(b)
    dot = 0.0
    # One Python-level multiplication and addition per element: this is exactly the
    # work that np.dot does in compiled code, and why the loop is so much slower.
    for i in range(a.shape[0]):
        dot += a[i] * b[i]
    return float(dot)


def dot_vectorized(a, b):
    """
    Compute the dot product of two rank-1 vectors with numpy.

    Arguments:
    a -- numpy array of shape (n,)
    b -- numpy array of shape (n,)

    Returns:
    dot -- the dot product a . b, a Python float
    """
    # np.dot of two rank-1 arrays is their inner product: a single number.
    dot = float(np.dot(a, b))
    return dot


def matvec(A, v):
    """
    Compute the matrix-vector product u = Av.

    Arguments:
    A -- numpy matrix of shape (m, n)
    v -- numpy column vector of shape (n, 1)

    Returns:
    u -- numpy column vector of shape (m, 1)
    """
    # (m, n) times (n, 1) gives (m, 1): the inner dimensions must agree.
    # Each entry u[i] is the dot product of row i of A with v, all computed at once.
    u = np.dot(A, v)
    return u


def relu(v):
    """
    Apply the rectified linear unit max(0, v) element-wise.

    Arguments:
    v -- numpy array of any shape

    Returns:
    r -- numpy array of the same shape as v, with the negative entries replaced by 0
    """
    # np.maximum compares element by element (broadcasting the scalar 0);
    # np.max would instead return the single largest entry of v.
    r = np.maximum(0, v)
    return r
