# assignment: broadcasting
# function: broadcast_shape
# mistake: takes the max of each pair of dimensions without checking compatibility: never raises ValueError
# named by: M_BROADCAST_NO_ERROR
def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    result = []
    for i in range(n):
        result.append(max(a[i], b[i]))
    return tuple(result)
