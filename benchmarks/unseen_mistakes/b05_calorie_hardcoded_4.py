# assignment: broadcasting
# function: calorie_percentages
# mistake: hard-coded the lecture's 4 foods: reshape(1, 4) of the column totals
# named by: M_HARDCODED_SHAPE
def calorie_percentages(A):
    cal = A.sum(axis=0)
    percentages = 100 * A / cal.reshape(1, 4)
    return percentages
