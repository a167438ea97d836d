# assignment: broadcasting
# function: broadcast_shape
# mistake: pads the shorter shape with 1s on the right (aligns on the left) instead of on the left
# named by: M_ALIGN_LEFT
def broadcast_shape(shape_a, shape_b):
    n = max(len(shape_a), len(shape_b))
    a = tuple(shape_a) + (1,) * (n - len(shape_a))
    b = tuple(shape_b) + (1,) * (n - len(shape_b))
    result = []
    for dim_a, dim_b in zip(a, b):
        if dim_a == dim_b or dim_b == 1:
            result.append(dim_a)
        elif dim_a == 1:
            result.append(dim_b)
        else:
            raise ValueError(f"shapes {shape_a} and {shape_b} cannot be broadcast together")
    return tuple(result)
