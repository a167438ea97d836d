# assignment: broadcasting
# function: broadcast_shape
# mistake: only stretches a dimension of 1 in shape_b, not a 1 in shape_a
# named by:
def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = (1,) * (n - len(shape_a)) + tuple(shape_a)
    b = (1,) * (n - len(shape_b)) + tuple(shape_b)
    result = []
    for i in range(n):
        if a[i] == b[i] or b[i] == 1:
            result.append(a[i])
        else:
            raise ValueError(f"shapes {shape_a} and {shape_b} cannot be broadcast")
    return tuple(result)
