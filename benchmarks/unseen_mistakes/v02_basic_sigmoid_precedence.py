# assignment: vectorization
# function: basic_sigmoid
# mistake: missing parentheses: 1 / 1 + math.exp(-x) computes 1 + e^-x
# named by: M_PRECEDENCE
import math

def basic_sigmoid(x):
    s = 1 / 1 + math.exp(-x)
    return s
