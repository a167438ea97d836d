"""`autograder grade`'s batch pipeline: grade submissions in parallel processes with nbgrader's
preprocessors (submission), record every score in the gradebook in one pass (gradebook), then
write feedback (feedback). `run` ties them together with a progress bar."""
