using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class LeastPrivilegeAppRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The app connects as tumorboard_app (or a login role that is a member of it), which owns nothing: it reads and
            // writes rows, and can neither alter a table, switch a trigger off, nor set session_replication_role. The owner
            // (whoever runs this migration) keeps the schema. README "Database roles" has the SQL that creates both roles.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tumorboard_app') THEN
                        RAISE EXCEPTION 'The database role tumorboard_app does not exist: the app connects as it (or as a member of it).'
                            USING HINT = 'Create it first, as a superuser (README "Database roles"): CREATE ROLE tumorboard_app NOLOGIN;';
                    END IF;
                END $$;

                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tumorboard_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tumorboard_app;
                -- Tables and sequences later migrations create (run by the same owner) get the same grants.
                ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public
                    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tumorboard_app;
                ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public
                    GRANT USAGE, SELECT ON SEQUENCES TO tumorboard_app;

                -- Append-only: the app only ever adds rows (the row triggers refuse the rest anyway).
                REVOKE UPDATE, DELETE ON audit_entries, assessment_versions, decision_follow_ups, assessment_waivers FROM tumorboard_app;
                -- Never deleted: decisions and positions change only as their guard triggers allow.
                REVOKE DELETE ON decisions, decision_positions FROM tumorboard_app;
                -- The migrations history is the owner's.
                REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM tumorboard_app;

                -- TRUNCATE skips row triggers: refuse it on every table that keeps all its rows, whoever sends it.
                CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME;
                END $fn$;
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER assessment_versions_no_truncate BEFORE TRUNCATE ON assessment_versions
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER decision_follow_ups_no_truncate BEFORE TRUNCATE ON decision_follow_ups
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER assessment_waivers_no_truncate BEFORE TRUNCATE ON assessment_waivers
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER decision_positions_no_truncate BEFORE TRUNCATE ON decision_positions
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
                DROP TRIGGER IF EXISTS assessment_versions_no_truncate ON assessment_versions;
                DROP TRIGGER IF EXISTS decision_follow_ups_no_truncate ON decision_follow_ups;
                DROP TRIGGER IF EXISTS assessment_waivers_no_truncate ON assessment_waivers;
                DROP TRIGGER IF EXISTS decisions_no_truncate ON decisions;
                DROP TRIGGER IF EXISTS decision_positions_no_truncate ON decision_positions;
                DROP FUNCTION IF EXISTS refuse_truncate();
                ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public
                    REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM tumorboard_app;
                ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public
                    REVOKE USAGE, SELECT ON SEQUENCES FROM tumorboard_app;
                REVOKE ALL ON ALL TABLES IN SCHEMA public FROM tumorboard_app;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM tumorboard_app;
                """);
        }
    }
}
