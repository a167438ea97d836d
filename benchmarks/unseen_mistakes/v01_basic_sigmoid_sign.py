# assignment: vectorization
# function: basic_sigmoid
# mistake: sign slip in the exponent: math.exp(x) instead of math.exp(-x)
# named by: M_EXP_SIGN
import math

def basic_sigmoid(x):
    s = 1 / (1 + math.exp(x))
    return s
