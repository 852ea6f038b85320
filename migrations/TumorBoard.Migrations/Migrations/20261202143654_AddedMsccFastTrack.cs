using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedMsccFastTrack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mscc_symptoms",
                table: "cases",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "mscc_breach_explanations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mscc_breach_explanations", x => x.id);
                    table.CheckConstraint("ck_mscc_breach_explanations_other", "reason <> 'Other' OR text IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_mscc_breach_explanations_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mscc_breach_explanations_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mscc_timestamps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(30)", maxLength: 30, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mscc_timestamps", x => x.id);
                    table.ForeignKey(
                        name: "fk_mscc_timestamps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mscc_timestamps_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mscc_tracks",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    triage = table.Column<int>(type: "integer", nullable: false),
                    derived_triage = table.Column<int>(type: "integer", nullable: false),
                    derived_reasons = table.Column<string>(type: "jsonb", nullable: false),
                    raised_triage = table.Column<int>(type: "integer", nullable: true),
                    raise_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    raised_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    raised_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    clocks = table.Column<string>(type: "jsonb", nullable: false),
                    breach_notes = table.Column<string>(type: "jsonb", nullable: false),
                    next_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mscc_tracks", x => x.case_id);
                    table.CheckConstraint("ck_mscc_tracks_raise", "raised_triage IS NULL OR raise_reason IS NOT NULL");
                    table.CheckConstraint("ck_mscc_tracks_triage", "triage BETWEEN 0 AND 2 AND triage >= derived_triage");
                    table.ForeignKey(
                        name: "fk_mscc_tracks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mscc_breach_explanations_case_clock",
                table: "mscc_breach_explanations",
                columns: new[] { "case_id", "clock", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_mscc_breach_explanations_recorded_by_id",
                table: "mscc_breach_explanations",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_mscc_timestamps_case_event",
                table: "mscc_timestamps",
                columns: new[] { "case_id", "event", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_mscc_timestamps_recorded_by_id",
                table: "mscc_timestamps",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_mscc_tracks_triage",
                table: "mscc_tracks",
                columns: new[] { "triage", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_mscc_tracks_worklist",
                table: "mscc_tracks",
                columns: new[] { "triage", "next_due_at", "case_id" },
                descending: new[] { true, false, false },
                filter: "next_due_at IS NOT NULL");

            // Pathway timestamps and breach reasons keep every row: a correction is a newer row (README, Audit trail).
            migrationBuilder.Sql("""
                REVOKE UPDATE, DELETE ON mscc_timestamps, mscc_breach_explanations FROM tumorboard_app;
                CREATE TRIGGER mscc_timestamps_append_only BEFORE UPDATE OR DELETE ON mscc_timestamps
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE TRIGGER mscc_breach_explanations_append_only BEFORE UPDATE OR DELETE ON mscc_breach_explanations
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE TRIGGER mscc_timestamps_no_truncate BEFORE TRUNCATE ON mscc_timestamps
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER mscc_breach_explanations_no_truncate BEFORE TRUNCATE ON mscc_breach_explanations
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

                -- Cases registered before the fast track: derive what the case itself says (neurology: P1); the scores and
                -- clocks follow at the case's next save. Said in the reasons, never silent.
                INSERT INTO mscc_tracks (case_id, triage, derived_triage, derived_reasons, clocks, breach_notes, next_due_at)
                SELECT c.id, n.level, n.level,
                       CASE WHEN n.level = 2 THEN '["neurology recorded before the fast track (Frankel, ASIA or myelopathy)"]'::jsonb
                            ELSE '[]'::jsonb END,
                       '[]'::jsonb, '[]'::jsonb, NULL
                FROM cases c
                CROSS JOIN LATERAL (SELECT CASE WHEN c.frankel IN ('A','B','C','D') OR c.asia IN ('A','B','C','D') OR c.myelopathy
                                                THEN 2 ELSE 0 END AS level) n;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mscc_breach_explanations");

            migrationBuilder.DropTable(
                name: "mscc_timestamps");

            migrationBuilder.DropTable(
                name: "mscc_tracks");

            migrationBuilder.DropColumn(
                name: "mscc_symptoms",
                table: "cases");
        }
    }
}
