# A throwaway PostgreSQL server in a temporary directory, for CI (.ci/run) and the benchmark
# (bench/run). Source this file from the project root, then:
#
#   throwaway_postgres_start    installs Debian's postgresql if need be, starts a server on a
#                               free port of 127.0.0.1 with a database "equityhub", and sets
#                               THROWAWAY_POSTGRES_URL (user equityhub, a superuser, no password)
#   throwaway_postgres_stop     stops the server and removes its files (safe to call twice)
#
# THROWAWAY_POSTGRES_OPTIONS adds server settings ("-c name=value ..."); fsync is always off,
# as nothing in the server outlives it.

find_postgres_bin() {
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v initdb)")"
		return 0
	fi
	# Debian keeps the server programs out of PATH, one directory per major version.
	local dir
	while read -r dir; do
		if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
			echo "$dir"
			return 0
		fi
	done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V -r)
	return 1
}

throwaway_postgres_start() {
	if ! PG_BIN="$(find_postgres_bin)"; then
		echo "PostgreSQL is not installed; installing Debian's postgresql package."
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
		PG_BIN="$(find_postgres_bin)"
	fi
	echo "Using $("$PG_BIN/postgres" --version) from $PG_BIN"

	PG_TMP="$(mktemp -d -t equityhub-pg.XXXXXX)"
	PG_DATA="$PG_TMP/data"
	PG_SOCKET="$PG_TMP/socket"
	PG_LOG="$PG_TMP/server.log"

	# initdb and the server refuse to run as root; run them as the postgres system user then.
	PG_AS=()
	mkdir -p "$PG_SOCKET"
	if [ "$(id -u)" -eq 0 ]; then
		if ! id postgres >/dev/null 2>&1; then
			useradd --system --no-create-home --shell /usr/sbin/nologin postgres
		fi
		chown -R postgres: "$PG_TMP"
		PG_AS=(runuser -u postgres --)
	fi

	PG_PORT="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

	"${PG_AS[@]}" "$PG_BIN/initdb" --pgdata="$PG_DATA" --username=equityhub --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >/dev/null
	# shellcheck disable=SC2086 # THROWAWAY_POSTGRES_OPTIONS is a list of options
	if ! "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
		-o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_SOCKET -c fsync=off ${THROWAWAY_POSTGRES_OPTIONS:-}" \
		>/dev/null; then
		cat "$PG_LOG" >&2
		return 1
	fi
	"$PG_BIN/createdb" --host=127.0.0.1 --port="$PG_PORT" --username=equityhub equityhub
	echo "PostgreSQL is listening on 127.0.0.1:$PG_PORT"
	THROWAWAY_POSTGRES_URL="postgres://equityhub@127.0.0.1:$PG_PORT/equityhub"
}

throwaway_postgres_stop() {
	if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
		echo "Stopping PostgreSQL"
		"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
	fi
	if [ -n "${PG_TMP:-}" ]; then
		rm -rf "$PG_TMP"
	fi
}
