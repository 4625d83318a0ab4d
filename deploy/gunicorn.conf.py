"""gunicorn's settings for the timeline, as `make serve` runs it: `gunicorn -c deploy/gunicorn.conf.py`.

The data is loaded once, in the master (``preload_app``), and reloaded once for all workers:
the hooks below (:mod:`timeline.serving`) hand the file to :mod:`timeline.reload`, which
validates a changed file in one process and replaces the workers with fresh forks of the
master holding the new snapshot.
See deploy/README.md for why these values.
"""

import os

from timeline import serving

serving.send_in_one_write()  # a killed worker leaves nginx all of a response or none (retried)

wsgi_app = "timeline:create_app()"
preload_app = True  # one load, shared by the workers (copy-on-write); required by the shared reload
# Sync workers, one more than there are cores: nginx buffers requests and responses, so a worker
# never waits on a client, and the work is CPU-bound Python. Measured against 2 x cores + 1 and
# gthread in deploy/README.md ("Worker model"). WEB_CONCURRENCY overrides the count.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or (os.cpu_count() or 1) + 1)
timeout = 30  # a request is bounded well below this (pages of 100 events, a render budget)
graceful_timeout = 30  # old workers finish what they are answering before they go
control_socket_disable = True  # another server may be running on this machine
forwarded_allow_ips = "127.0.0.1,::1"  # nginx on loopback (a Unix socket peer is always trusted)
# Wider than nginx's limits, so that nginx refuses an oversized request with its own page (and
# our headers) before gunicorn could answer with its bare one.
limit_request_line = 8190
limit_request_fields = 32768
limit_request_field_size = 16384


def when_ready(server):
    """The master has loaded the data: freeze it for the collector, and watch the file."""
    serving.lead(server)


def on_reload(server):
    """SIGHUP (a new version was built): swap it in before the new workers are forked."""
    serving.adopt(server)


def post_fork(server, worker):
    """A new worker: it follows the master's reloads instead of reloading on its own."""
    serving.follow(server)


def on_exit(server):
    """The master stops: stop watching the file."""
    serving.stop(server)
