-- TumorBoard's two database roles (README "Database roles"). Run once, as a superuser, with psql:
--   psql -v ON_ERROR_STOP=1 -d postgres -v db=tumorboard -v owner_password='…' -v app_password='…' -f create-roles.sql
-- tumorboard_owner owns the schema and runs the migrations (ConnectionStrings:TumorBoardOwner);
-- tumorboard_app is what the app connects as (ConnectionStrings:TumorBoard): it owns nothing, so it cannot alter a table,
-- switch a trigger off or set session_replication_role, and the migrations grant it only what the app needs.
-- Roles are cluster-wide: one TumorBoard database per cluster, or the app role reaches every TumorBoard database on it.

CREATE ROLE tumorboard_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
-- A separate login per app instance also works: CREATE ROLE tumorboard_app NOLOGIN; CREATE ROLE <login> LOGIN PASSWORD '…' IN ROLE tumorboard_app;
CREATE ROLE tumorboard_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

SELECT format('CREATE DATABASE %I OWNER tumorboard_owner', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO tumorboard_owner;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO tumorboard_app;

\connect :"db"
-- Only the owner creates objects (PostgreSQL 14 and older let everyone create in public).
ALTER SCHEMA public OWNER TO tumorboard_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tumorboard_app;
