"""`autograder grade`'s batch pipeline: grade submissions in parallel processes (run) or on a Dask
cluster (cluster, cluster_worker) with nbgrader's preprocessors (submission), record every score
from one writer (gradebook), and write each feedback page once its scores are recorded
(feedback). Which submissions a run still has to grade: pending."""
