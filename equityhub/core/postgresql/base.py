"""Django's PostgreSQL backend, with a connection health check that costs no round trip.

Django checks a kept connection before a request first uses it by sending `SELECT 1`, which
is one more round trip to the server on every request (decision 0009). A connection that the
server has ended (a restart, a shutdown, `pg_terminate_backend()`) can be told without asking:
between requests the server has nothing to say on an idle connection, so if its socket has
anything to read, it is the server's goodbye or the end of the stream.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if self.errors_occurred:
            # After an error the session's state is in doubt: ask the server, as Django does.
            return super().is_usable()
        # Nothing here LISTENs, so an idle connection receives nothing else.
        return not _readable(connection.fileno())


def _readable(descriptor: int) -> bool:
    """Whether the socket has data, or its end, waiting to be read; without waiting."""
    if hasattr(select, "poll"):  # any number of open files; `select()` stops at 1,024
        poller = select.poll()
        poller.register(descriptor, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([descriptor], [], [], 0)[0])
