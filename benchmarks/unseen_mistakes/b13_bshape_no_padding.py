# assignment: broadcasting
# function: broadcast_shape
# mistake: no padding of the shorter shape: zip stops at the shorter one and aligns on the left
# named by: M_SHAPES_NOT_PADDED M_ALIGN_LEFT
def broadcast_shape(shape_a, shape_b):
    result = []
    for dim_a, dim_b in zip(shape_a, shape_b):
        if dim_a == dim_b or dim_b == 1:
            result.append(dim_a)
        elif dim_a == 1:
            result.append(dim_b)
        else:
            raise ValueError(f"shapes {shape_a} and {shape_b} are not compatible")
    return tuple(result)
