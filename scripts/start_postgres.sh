#!/bin/sh
# Start the Debian PostgreSQL cluster (as root), create the test role and database, print the URL.
# Idempotent: safe to run when the server is already up and the role/database exist.
# Usage: export NEWSGRAPH_TEST_PG="$(scripts/start_postgres.sh)"
set -eu
ROLE="${PG_ROLE:-newsgraph}"
DATABASE="${PG_DATABASE:-newsgraph_test}"
PORT="${PG_PORT:-5432}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "installing postgresql with apt" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
VERSION="${PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -1)}"
if ! pg_lsclusters -h | grep -q "^$VERSION main"; then
    pg_createcluster "$VERSION" main >&2
fi
if ! pg_lsclusters -h | grep "^$VERSION main" | grep -q online; then
    pg_ctlcluster "$VERSION" main start >&2
fi
for _ in 1 2 3 4 5 6 7 8 9 10; do
    su postgres -c "pg_isready -q -p $PORT" && break
    sleep 1
done

as_postgres() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
    as_postgres "CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE'" >&2
fi
if [ -z "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
    as_postgres "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" >&2
fi
echo "postgresql+psycopg://$ROLE:$ROLE@127.0.0.1:$PORT/$DATABASE"
