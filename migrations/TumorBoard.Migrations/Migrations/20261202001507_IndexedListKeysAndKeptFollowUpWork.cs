using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class IndexedListKeysAndKeptFollowUpWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patients_family_name_given_name",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "ix_meetings_starts_at",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_meetings_status_starts_at",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_cases_histology_urgency_created_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_urgency_created_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_created_at",
                table: "cases");

            migrationBuilder.CreateTable(
                name: "decision_follow_up_states",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responsible_clinician_id = table.Column<Guid>(type: "uuid", nullable: true),
                    follow_up_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_order = table.Column<DateOnly>(type: "date", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    plan_steps = table.Column<int>(type: "integer", nullable: false),
                    open_steps = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_follow_up_states", x => x.decision_id);
                    table.CheckConstraint("ck_decision_follow_up_states_due_order", "due_order = coalesce(follow_up_date, DATE '9999-12-31')");
                    table.CheckConstraint("ck_decision_follow_up_states_steps", "open_steps >= 0 AND open_steps <= plan_steps");
                    table.ForeignKey(
                        name: "fk_decision_follow_up_states_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_family_name_given_name_id",
                table: "patients",
                columns: new[] { "family_name", "given_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_starts_at_id",
                table: "meetings",
                columns: new[] { "starts_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_status_starts_at_id",
                table: "meetings",
                columns: new[] { "status", "starts_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_histology_urgency_created_at_id",
                table: "cases",
                columns: new[] { "histology", "urgency", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_urgency_created_at_id",
                table: "cases",
                columns: new[] { "status", "urgency", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_created_at_id",
                table: "cases",
                columns: new[] { "urgency", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_follow_up_states_clinician_due",
                table: "decision_follow_up_states",
                columns: new[] { "responsible_clinician_id", "due_order", "signed_at", "decision_id" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_follow_up_states_open_due",
                table: "decision_follow_up_states",
                columns: new[] { "due_order", "signed_at", "decision_id" },
                filter: "open_steps > 0");

            // Follow-up work kept as data: the triggers keep one row per current signed decision, in the transaction of the
            // write (sign, amend, supersede, record a follow-up), whichever handler or script writes. SECURITY DEFINER: the
            // app role only reads the table, so it cannot make the lists disagree with the decisions.
            migrationBuilder.Sql("""
                CREATE FUNCTION decision_open_steps(decision uuid, content jsonb) RETURNS int LANGUAGE sql STABLE AS $fn$
                    SELECT count(*)::int
                      FROM generate_series(1, coalesce(jsonb_array_length(content -> 'plan'), 0)) AS s(n)
                     WHERE coalesce((SELECT f.status FROM decision_follow_ups f
                                      WHERE f.decision_id = decision AND f.step_number = s.n
                                      ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1), 'Unknown') = 'Unknown'
                $fn$;

                CREATE FUNCTION decision_follow_up_state_keep() RETURNS trigger LANGUAGE plpgsql
                    SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
                BEGIN
                    IF NEW.status = 'Signed' THEN
                        INSERT INTO decision_follow_up_states AS s (decision_id, case_id, responsible_clinician_id, follow_up_date,
                                                                    due_order, signed_at, plan_steps, open_steps)
                        VALUES (NEW.id, NEW.case_id, NEW.responsible_clinician_id, NEW.follow_up_date,
                                coalesce(NEW.follow_up_date, DATE '9999-12-31'), NEW.signed_at,
                                coalesce(jsonb_array_length(NEW.content -> 'plan'), 0), decision_open_steps(NEW.id, NEW.content))
                        ON CONFLICT (decision_id) DO UPDATE
                           SET case_id = EXCLUDED.case_id, responsible_clinician_id = EXCLUDED.responsible_clinician_id,
                               follow_up_date = EXCLUDED.follow_up_date, due_order = EXCLUDED.due_order,
                               signed_at = EXCLUDED.signed_at, plan_steps = EXCLUDED.plan_steps, open_steps = EXCLUDED.open_steps;
                    ELSE
                        DELETE FROM decision_follow_up_states WHERE decision_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $fn$;
                CREATE TRIGGER decisions_follow_up_state_on_insert AFTER INSERT ON decisions
                    FOR EACH ROW WHEN (NEW.status = 'Signed') EXECUTE FUNCTION decision_follow_up_state_keep();
                CREATE TRIGGER decisions_follow_up_state_on_update AFTER UPDATE ON decisions
                    FOR EACH ROW WHEN (NEW.status = 'Signed' OR OLD.status = 'Signed') EXECUTE FUNCTION decision_follow_up_state_keep();

                CREATE FUNCTION decision_follow_up_state_recount() RETURNS trigger LANGUAGE plpgsql
                    SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
                BEGIN
                    -- Lock the state first, then count in a new statement (a new snapshot under READ COMMITTED): two follow-ups
                    -- recorded at once on one decision each count the other's once it has committed.
                    PERFORM 1 FROM decision_follow_up_states WHERE decision_id = NEW.decision_id FOR UPDATE;
                    UPDATE decision_follow_up_states s SET open_steps = decision_open_steps(d.id, d.content)
                      FROM decisions d
                     WHERE d.id = NEW.decision_id AND s.decision_id = d.id;
                    RETURN NULL;
                END $fn$;
                CREATE TRIGGER decision_follow_ups_state AFTER INSERT ON decision_follow_ups
                    FOR EACH ROW EXECUTE FUNCTION decision_follow_up_state_recount();

                -- The backfill: every current signed decision, counted as the lists counted it until now.
                INSERT INTO decision_follow_up_states (decision_id, case_id, responsible_clinician_id, follow_up_date, due_order,
                                                       signed_at, plan_steps, open_steps)
                SELECT d.id, d.case_id, d.responsible_clinician_id, d.follow_up_date, coalesce(d.follow_up_date, DATE '9999-12-31'),
                       d.signed_at, coalesce(jsonb_array_length(d.content -> 'plan'), 0), decision_open_steps(d.id, d.content)
                  FROM decisions d
                 WHERE d.status = 'Signed';

                REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON decision_follow_up_states FROM tumorboard_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS decision_follow_ups_state ON decision_follow_ups;
                DROP TRIGGER IF EXISTS decisions_follow_up_state_on_update ON decisions;
                DROP TRIGGER IF EXISTS decisions_follow_up_state_on_insert ON decisions;
                DROP FUNCTION IF EXISTS decision_follow_up_state_recount();
                DROP FUNCTION IF EXISTS decision_follow_up_state_keep();
                DROP FUNCTION IF EXISTS decision_open_steps(uuid, jsonb);
                """);
            migrationBuilder.DropTable(
                name: "decision_follow_up_states");

            migrationBuilder.DropIndex(
                name: "ix_patients_family_name_given_name_id",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "ix_meetings_starts_at_id",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_meetings_status_starts_at_id",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_cases_histology_urgency_created_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_urgency_created_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_created_at_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_patients_family_name_given_name",
                table: "patients",
                columns: new[] { "family_name", "given_name" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_starts_at",
                table: "meetings",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_status_starts_at",
                table: "meetings",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_histology_urgency_created_at",
                table: "cases",
                columns: new[] { "histology", "urgency", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_urgency_created_at",
                table: "cases",
                columns: new[] { "status", "urgency", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_created_at",
                table: "cases",
                columns: new[] { "urgency", "created_at" });
        }
    }
}
