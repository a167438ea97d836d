# Hostile: sys.exit() in initialize_with_zeros.
# unit: initialize_with_zeros
# expect: EXCEPTION
# mentions: SystemExit
import sys


def initialize_with_zeros(dim):
    sys.exit("no zeros today")
