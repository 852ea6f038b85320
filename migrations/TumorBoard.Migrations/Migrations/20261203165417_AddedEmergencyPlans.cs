using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedEmergencyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "meeting_id",
                table: "decisions",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "agenda_item_id",
                table: "decisions",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "decisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Board");

            migrationBuilder.CreateTable(
                name: "emergency_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    discipline = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_signatures", x => x.id);
                    table.CheckConstraint("ck_emergency_signatures_discipline", "discipline IN ('Neurosurgery', 'RadiationOncology')");
                    table.ForeignKey(
                        name: "fk_emergency_signatures_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_emergency_signatures_users_signed_by_id",
                        column: x => x.signed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_decisions_kind",
                table: "decisions",
                sql: "kind IN ('Board', 'EmergencyPlan')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_decisions_meeting_by_kind",
                table: "decisions",
                sql: "kind = 'EmergencyPlan' OR (meeting_id IS NOT NULL AND agenda_item_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_signatures_signed_by_id",
                table: "emergency_signatures",
                column: "signed_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_emergency_signatures_discipline",
                table: "emergency_signatures",
                columns: new[] { "decision_id", "discipline" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_emergency_signatures_signer",
                table: "emergency_signatures",
                columns: new[] { "decision_id", "signed_by_id" },
                unique: true);

            // An emergency plan's signatures keep every row, like the decisions they sign (README, "Adding a migration").
            migrationBuilder.Sql("""
                REVOKE UPDATE, DELETE ON emergency_signatures FROM tumorboard_app;
                CREATE TRIGGER emergency_signatures_append_only BEFORE UPDATE OR DELETE ON emergency_signatures
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE TRIGGER emergency_signatures_no_truncate BEFORE TRUNCATE ON emergency_signatures
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS emergency_signatures_append_only ON emergency_signatures;
                DROP TRIGGER IF EXISTS emergency_signatures_no_truncate ON emergency_signatures;
                """);

            migrationBuilder.DropTable(
                name: "emergency_signatures");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decisions_kind",
                table: "decisions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decisions_meeting_by_kind",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "decisions");

            migrationBuilder.AlterColumn<Guid>(
                name: "meeting_id",
                table: "decisions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "agenda_item_id",
                table: "decisions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
