# assignment: vectorization
# function: dot_loop
# mistake: loop starts at index 1, skipping the first product
# named by: M_LOOP_OFF_BY_ONE
def dot_loop(a, b):
    dot = 0.0
    for i in range(1, len(a)):
        dot += a[i] * b[i]
    return dot
