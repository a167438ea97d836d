"""Running untrusted notebook code in an isolated worker process.

`zygote` is a warm parent (numpy and IPython already imported, nothing secret loaded) that
forks one `worker` per submission; `client` is the grader's side: it starts workers, sends them
cells and calls, and kills them. Only plain data crosses, in the JSON encoding of `encoding`.
"""
