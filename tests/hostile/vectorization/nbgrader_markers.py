# Hostile: nbgrader's region markers, unbalanced, in a solution cell (to hide code from the feedback,
# or to trip the steps that look for them). They are comments to Python: relu itself is right.
# unit: relu
# expect: any outcome
def relu(v):
    ### BEGIN HIDDEN TESTS
    ### BEGIN SOLUTION
    ### BEGIN MARK SCHEME
    return np.maximum(0, v)
