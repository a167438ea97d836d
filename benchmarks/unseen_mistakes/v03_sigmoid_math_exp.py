# assignment: vectorization
# function: sigmoid
# mistake: used math.exp, which fails on numpy arrays
# named by: M_MATH_EXP_ON_ARRAY
import math

def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
