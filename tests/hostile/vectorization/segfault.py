# Hostile: a segmentation fault (reads address 0 through ctypes).
# unit: softmax
# expect: KILLED
import ctypes


def softmax(x):
    ctypes.string_at(0)
    return x
