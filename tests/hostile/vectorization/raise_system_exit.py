# Hostile: raises SystemExit itself.
# unit: L2
# expect: EXCEPTION
# mentions: SystemExit
def L2(yhat, y):
    raise SystemExit("graded enough for today")
