# Hostile: os._exit() kills the process running the function, without cleanup.
# unit: sigmoid
# expect: KILLED
import os


def sigmoid(x):
    os._exit(0)
