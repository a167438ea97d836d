# assignment: vectorization
# function: dot_vectorized
# mistake: a * b is the element-wise product (an array), not the dot product
# named by: M_ELEMENTWISE_NOT_DOT
def dot_vectorized(a, b):
    dot = a * b
    return dot
