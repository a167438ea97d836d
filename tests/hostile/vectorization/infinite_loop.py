# Hostile: an infinite loop in the function body; the grader stops it at its time limit.
# unit: relu
# expect: TIMEOUT
def relu(v):
    while True:
        pass
