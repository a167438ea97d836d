# assignment: broadcasting
# function: calorie_percentages
# mistake: forgot to multiply by 100: returns fractions, not percentages
# named by: M_FRACTION_NOT_PERCENT
def calorie_percentages(A):
    totals = A.sum(axis=0, keepdims=True)
    percentages = A / totals
    return percentages
