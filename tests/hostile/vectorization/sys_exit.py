# Hostile: sys.exit() inside the function.
# unit: L1
# expect: EXCEPTION
# mentions: SystemExit
import sys


def L1(yhat, y):
    sys.exit(3)
