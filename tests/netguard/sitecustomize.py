"""Network guard loaded into subprocesses (notebook kernels, CLI runs) through PYTHONPATH.

Refuses every non-loopback connection and appends the attempt to the file named by
NEWS_ANALYSIS_NETLOG, so the parent test can assert that nothing tried to reach the network.
"""

import os

if os.environ.get("NEWS_ANALYSIS_NETLOG"):
    import sys

    sys.path.insert(0, os.path.dirname(__file__))
    import guard  # noqa: E402

    guard.install(os.environ["NEWS_ANALYSIS_NETLOG"])
