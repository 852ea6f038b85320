#!/usr/bin/env bash
# For the postgres image's /docker-entrypoint-initdb.d (docker-compose.yml): creates TumorBoard's roles on first start,
# with the passwords from TUMORBOARD_OWNER_PASSWORD and TUMORBOARD_APP_PASSWORD.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v db="${POSTGRES_DB:-tumorboard}" \
  -v owner_password="${TUMORBOARD_OWNER_PASSWORD:?set TUMORBOARD_OWNER_PASSWORD}" \
  -v app_password="${TUMORBOARD_APP_PASSWORD:?set TUMORBOARD_APP_PASSWORD}" \
  -f /tumorboard/create-roles.sql
