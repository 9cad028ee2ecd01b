"""Run a corpus run in a subprocess for the crash test: ``python resume_worker.py CORPUS OUT SLEEP``.

Registers a ``slow`` analysis (sleeps SLEEP seconds per article) so the test can kill the run mid-way.
"""

import sys
import time

from analysis import pipeline
from analysis.runner import run_corpus


def slow(context):
    time.sleep(float(sys.argv[3]))
    return {"articles": [{"slow": 1}]}


if __name__ == "__main__":
    pipeline.register("slow", "resume_worker:slow", {"articles": {"slow": "int64"}})
    summary = run_corpus(sys.argv[1], sys.argv[2], shard_size=2, progress=False)
    print(summary)
