# Hostile: os._exit() in predict.
# unit: predict
# expect: KILLED
import os


def predict(w, b, X):
    os._exit(1)
