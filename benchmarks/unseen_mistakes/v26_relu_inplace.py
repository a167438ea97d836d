# assignment: vectorization
# function: relu
# mistake: in-place v[v < 0] = 0 modifies the caller's array
# named by: M_MUTATES_INPUT MUTATES_INPUT
def relu(v):
    v[v < 0] = 0
    return v
