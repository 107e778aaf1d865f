"""Coprod's site: settings, root URLs, WSGI and the site's own few views."""

import os

# One thread for numpy's linear algebra (OpenBLAS reads this when numpy is first imported,
# which is after this package in every process the site runs: manage.py, WSGI, the tests).
# The uncertainty run's matrices are small; threads sharing cores with the requests being
# served cost far more than they save: one regression of it took 10.7 ms with OpenBLAS's
# threads and 0.6 ms with one, on this two-core machine under load.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
