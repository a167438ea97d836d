# assignment: vectorization
# function: dot_loop
# mistake: running total started at 0 (int): returns an integer for int vectors instead of a float
# named by: M_INT_NOT_FLOAT
def dot_loop(a, b):
    dot = 0
    for i in range(len(a)):
        dot += a[i] * b[i]
    return dot
