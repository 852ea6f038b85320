using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedPatientLanguageAndLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "patients",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.CreateTable(
                name: "patient_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_number = table.Column<int>(type: "integer", nullable: false),
                    decision_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    current_version_number = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_version_number = table.Column<int>(type: "integer", nullable: true),
                    sent_method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    sent_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_letters", x => x.id);
                    table.CheckConstraint("ck_patient_letters_sent", "(sent_version_number IS NULL) = (sent_method IS NULL) AND (sent_version_number IS NULL) = (sent_on IS NULL)");
                    table.ForeignKey(
                        name: "fk_patient_letters_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patient_letters_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patient_letter_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    why = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    document_json = table.Column<string>(type: "jsonb", nullable: false),
                    decision_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_letter_versions", x => x.id);
                    table.CheckConstraint("ck_patient_letter_versions_number", "number >= 1");
                    table.ForeignKey(
                        name: "fk_patient_letter_versions_patient_letters_letter_id",
                        column: x => x.letter_id,
                        principalTable: "patient_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patient_letter_versions_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patient_letter_versions_created_by_id",
                table: "patient_letter_versions",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_patient_letter_versions_number",
                table: "patient_letter_versions",
                columns: new[] { "letter_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patient_letters_case",
                table: "patient_letters",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_patient_letters_created_by_id",
                table: "patient_letters",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_patient_letters_decision",
                table: "patient_letters",
                column: "decision_id",
                unique: true);

            // Letter versions are kept as written: the app only adds them. A letter row changes as a draft gets new
            // versions and once when it is recorded as sent; after that, and ever for deletion, the database refuses.
            migrationBuilder.Sql("""
                REVOKE UPDATE, DELETE ON patient_letter_versions FROM tumorboard_app;
                REVOKE DELETE ON patient_letters FROM tumorboard_app;
                CREATE TRIGGER patient_letter_versions_append_only
                    BEFORE UPDATE OR DELETE ON patient_letter_versions
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE FUNCTION patient_letters_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'patient letters are never deleted';
                    END IF;
                    IF OLD.sent_version_number IS NOT NULL THEN
                        RAISE EXCEPTION 'patient letter % was sent: it is not changed any more', OLD.id;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER patient_letters_sent_immutable
                    BEFORE UPDATE OR DELETE ON patient_letters
                    FOR EACH ROW EXECUTE FUNCTION patient_letters_guard();
                CREATE TRIGGER patient_letters_no_truncate BEFORE TRUNCATE ON patient_letters
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                CREATE TRIGGER patient_letter_versions_no_truncate BEFORE TRUNCATE ON patient_letter_versions
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patient_letter_versions");

            migrationBuilder.DropTable(
                name: "patient_letters");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS patient_letters_guard();");

            migrationBuilder.DropColumn(
                name: "language",
                table: "patients");
        }
    }
}
