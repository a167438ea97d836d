# assignment: logistic_regression
# function: sigmoid
# mistake: used math.exp, which only accepts a single number
# named by: M_MATH_EXP_ON_ARRAY
import math

def sigmoid(z):
    s = 1 / (1 + math.exp(-z))
    return s
