"""Django's PostgreSQL backend, with a connection health check that costs no round trip.

Django checks a kept connection at the start of each request by sending `SELECT 1`: one more
round trip to the server on every request, 3 to 4 % of the busiest pages (decision 0009). A
connection the server has ended (a restart, a shutdown, `pg_terminate_backend()`) can be told
without asking: between requests nothing else arrives from the server, so if its socket has
anything to read (the server's goodbye, or the end of the stream), the connection is over.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if self.errors_occurred:
            # After an error the state of the session is in doubt: ask the server.
            return super().is_usable()
        # This process uses no LISTEN, so an idle connection's socket has nothing to say.
        readable, _, _ = select.select([connection.fileno()], [], [], 0)
        return not readable
