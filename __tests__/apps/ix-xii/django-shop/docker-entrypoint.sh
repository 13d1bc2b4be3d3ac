#!/bin/sh
set -e

until pg_isready -h "$DB_HOST" -p "${DB_PORT:-5432}"; do
  echo "waiting for postgres"
  sleep 2
done

python manage.py migrate --noinput

exec "$@"
