using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedReportDispatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_dispatches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_number = table.Column<int>(type: "integer", nullable: false),
                    decision_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_dispatches", x => x.id);
                    table.CheckConstraint("ck_report_dispatches_channel", "channel IN ('Post', 'SecureEmail', 'Fax', 'ElectronicRecord', 'HandedOver')");
                    table.CheckConstraint("ck_report_dispatches_recipient", "btrim(recipient) <> ''");
                    table.ForeignKey(
                        name: "fk_report_dispatches_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_dispatches_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_dispatches_case",
                table: "report_dispatches",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_dispatches_decision_sent",
                table: "report_dispatches",
                columns: new[] { "decision_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_dispatches_recorded_by_id",
                table: "report_dispatches",
                column: "recorded_by_id");

            // A dispatch is kept as recorded: the app only adds rows (a correction is a new row with a note).
            migrationBuilder.Sql("""
                REVOKE UPDATE, DELETE ON report_dispatches FROM tumorboard_app;
                CREATE TRIGGER report_dispatches_append_only
                    BEFORE UPDATE OR DELETE ON report_dispatches
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE TRIGGER report_dispatches_no_truncate BEFORE TRUNCATE ON report_dispatches
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_dispatches");
        }
    }
}
