#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the DuckLake catalog tests.
#
# Why a script of its own: the DuckLake tests need a real PostgreSQL catalog (several machines writing is
# the reason DuckLake-on-PostgreSQL exists), but CI starts from a clean machine. This script installs the
# Debian packages when no server binary is found, creates a cluster in a known folder, starts it on
# 127.0.0.1, creates the test database and writes the connection string to "$PGDIR/dsn", which
# tests/test_scaleout_*.py read (or the QUANTCHECK_TEST_PG_DSN environment variable, which wins).
#
# Idempotent and fast: a second call finds the server running and only re-checks the database (< 1 s).
# Root cannot run postgres, so as root the cluster belongs to the "postgres" user (created by the Debian
# package) and every server command goes through runuser; a normal user runs it as themselves.
#
# Usage: .ci/postgres.sh [start|stop|status]        (default: start)
# Settings (environment): QUANTCHECK_PG_DIR (default ${TMPDIR:-/tmp}/quantcheck-pg),
#                         QUANTCHECK_PG_PORT (default 55432), QUANTCHECK_PG_DB (default quantcheck_test).
set -euo pipefail

PGDIR="${QUANTCHECK_PG_DIR:-${TMPDIR:-/tmp}/quantcheck-pg}"
PORT="${QUANTCHECK_PG_PORT:-55432}"
DB="${QUANTCHECK_PG_DB:-quantcheck_test}"
DATA="$PGDIR/data"
LOG="$PGDIR/server.log"
ACTION="${1:-start}"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
    if [ "$ACTION" != "start" ]; then
        log "no PostgreSQL installed"
        exit 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
        exit 1
    fi
    log "installing PostgreSQL from the Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # postgresql-common would create and start a default cluster on port 5432; we only want the binaries.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    BINDIR="$(find_bindir)"
fi

# Who runs the server: root hands it to the unprivileged "postgres" account.
if [ "$(id -u)" -eq 0 ]; then
    RUNAS="postgres"
    id "$RUNAS" >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /usr/sbin/nologin "$RUNAS"
    as_owner() { runuser -u "$RUNAS" -- "$@"; }
else
    RUNAS="$(id -un)"
    as_owner() { "$@"; }
fi

pg_ready() { "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

case "$ACTION" in
    stop)
        if [ -f "$DATA/postmaster.pid" ]; then
            as_owner "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        fi
        exit 0
        ;;
    status)
        if pg_ready; then echo "running on 127.0.0.1:$PORT ($DATA)"; exit 0; fi
        echo "not running"
        exit 3
        ;;
    start) ;;
    *)
        log "unknown action '$ACTION' (start|stop|status)"
        exit 2
        ;;
esac

mkdir -p "$PGDIR"
if [ "$(id -u)" -eq 0 ]; then chown "$RUNAS" "$PGDIR"; fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    log "initdb into $DATA"
    as_owner "$BINDIR/initdb" -D "$DATA" -U "$RUNAS" --auth=trust --encoding=UTF8 --no-locale \
        >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; exit 1; }
fi

if ! pg_ready; then
    log "starting on 127.0.0.1:$PORT"
    # Loopback only, socket inside the cluster folder (no /var/run permissions needed), small footprint.
    as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$PGDIR' \
            -c max_connections=100 -c shared_buffers=64MB -c fsync=off -c full_page_writes=off" \
        start >/dev/null || { tail -n 30 "$LOG" >&2 || true; exit 1; }
fi

PSQL=("$BINDIR/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$RUNAS" -d postgres -v ON_ERROR_STOP=1)
if [ -z "$(as_owner "${PSQL[@]}" -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    as_owner "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U "$RUNAS" "$DB"
fi

DSN="host=127.0.0.1 port=$PORT dbname=$DB user=$RUNAS"
echo "$DSN" > "$PGDIR/dsn.tmp" && mv "$PGDIR/dsn.tmp" "$PGDIR/dsn"
chmod a+r "$PGDIR/dsn"
log "ready: $DSN (written to $PGDIR/dsn)"
echo "$DSN"
