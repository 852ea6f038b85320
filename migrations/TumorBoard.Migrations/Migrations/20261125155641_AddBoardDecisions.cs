using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddBoardDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_waivers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    discipline = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    waived_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    waived_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    waived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_waivers", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_waivers_agenda_items_agenda_item_id",
                        column: x => x.agenda_item_id,
                        principalTable: "agenda_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessment_waivers_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessment_waivers_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessment_waivers_users_waived_by_id",
                        column: x => x.waived_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amends_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amendment_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    superseded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    follow_up_date = table.Column<DateOnly>(type: "date", nullable: true),
                    responsible_clinician_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responsible_clinician_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    noms_suggestion = table.Column<string>(type: "text", nullable: false),
                    waivers = table.Column<string>(type: "text", nullable: false),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signature_meaning = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signed_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisions", x => x.id);
                    table.CheckConstraint("ck_decisions_amendment", "(amends_id IS NULL) = (amendment_reason IS NULL)");
                    table.CheckConstraint("ck_decisions_signed", "status = 'Draft' OR (signed_by_id IS NOT NULL AND signed_hash IS NOT NULL AND signed_at IS NOT NULL)");
                    table.CheckConstraint("ck_decisions_superseded", "(status = 'Superseded') = (superseded_by_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_decisions_agenda_items_agenda_item_id",
                        column: x => x.agenda_item_id,
                        principalTable: "agenda_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_decisions_amends_id",
                        column: x => x.amends_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_decisions_superseded_by_id",
                        column: x => x.superseded_by_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_users_responsible_clinician_id",
                        column: x => x.responsible_clinician_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_users_signed_by_id",
                        column: x => x.signed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reason_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_follow_ups", x => x.id);
                    table.CheckConstraint("ck_decision_follow_ups_step", "step_number >= 1");
                    table.ForeignKey(
                        name: "fk_decision_follow_ups_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decision_follow_ups_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    discipline = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_positions", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_positions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decision_positions_users_member_id",
                        column: x => x.member_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_id_id",
                table: "audit_entries",
                columns: new[] { "actor_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_waivers_agenda_item_id_discipline",
                table: "assessment_waivers",
                columns: new[] { "agenda_item_id", "discipline" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_waivers_case_id",
                table: "assessment_waivers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_waivers_meeting_id",
                table: "assessment_waivers",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_waivers_waived_by_id",
                table: "assessment_waivers",
                column: "waived_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_follow_ups_decision_id_step_number_recorded_at",
                table: "decision_follow_ups",
                columns: new[] { "decision_id", "step_number", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_follow_ups_recorded_by_id",
                table: "decision_follow_ups",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_positions_decision_id_member_id",
                table: "decision_positions",
                columns: new[] { "decision_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_positions_member_id",
                table: "decision_positions",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_agenda_item_id",
                table: "decisions",
                column: "agenda_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_amends_id",
                table: "decisions",
                column: "amends_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_case_id_number",
                table: "decisions",
                columns: new[] { "case_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_meeting_id_agenda_item_id",
                table: "decisions",
                columns: new[] { "meeting_id", "agenda_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_decisions_responsible_clinician_id_follow_up_date",
                table: "decisions",
                columns: new[] { "responsible_clinician_id", "follow_up_date" },
                filter: "status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_signed_by_id",
                table: "decisions",
                column: "signed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_signed_follow_up_date",
                table: "decisions",
                column: "follow_up_date",
                filter: "status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_superseded_by_id",
                table: "decisions",
                column: "superseded_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_decisions_one_draft_per_case",
                table: "decisions",
                column: "case_id",
                unique: true,
                filter: "status = 'Draft'");

            // A signed decision is immutable: the only change the database accepts is Signed -> Superseded (with who
            // superseded it and when); a superseded version never changes; no version is ever deleted (DH-2, DH-4).
            migrationBuilder.Sql("""
                CREATE FUNCTION decisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'decisions are never deleted';
                    END IF;
                    IF OLD.status = 'Draft' THEN
                        RETURN NEW;
                    END IF;
                    IF OLD.status = 'Signed' AND NEW.status = 'Superseded'
                       AND (to_jsonb(NEW) - 'status' - 'superseded_by_id' - 'superseded_at')
                         = (to_jsonb(OLD) - 'status' - 'superseded_by_id' - 'superseded_at') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'decision % is %: a signed decision is immutable', OLD.id, OLD.status;
                END $$;
                CREATE TRIGGER decisions_signed_immutable
                    BEFORE UPDATE OR DELETE ON decisions
                    FOR EACH ROW EXECUTE FUNCTION decisions_guard();

                CREATE FUNCTION decision_positions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'positions are never deleted';
                    END IF;
                    IF (SELECT status FROM decisions WHERE id = NEW.decision_id) <> 'Draft' THEN
                        RAISE EXCEPTION 'decision % is signed: its positions are final', NEW.decision_id;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER decision_positions_only_on_drafts
                    BEFORE INSERT OR UPDATE OR DELETE ON decision_positions
                    FOR EACH ROW EXECUTE FUNCTION decision_positions_guard();

                CREATE FUNCTION append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
                END $$;
                CREATE TRIGGER decision_follow_ups_append_only
                    BEFORE UPDATE OR DELETE ON decision_follow_ups
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                CREATE TRIGGER assessment_waivers_append_only
                    BEFORE UPDATE OR DELETE ON assessment_waivers
                    FOR EACH ROW EXECUTE FUNCTION append_only_guard();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS assessment_waivers_append_only ON assessment_waivers;
                DROP TRIGGER IF EXISTS decision_follow_ups_append_only ON decision_follow_ups;
                DROP FUNCTION IF EXISTS append_only_guard();
                DROP TRIGGER IF EXISTS decision_positions_only_on_drafts ON decision_positions;
                DROP FUNCTION IF EXISTS decision_positions_guard();
                DROP TRIGGER IF EXISTS decisions_signed_immutable ON decisions;
                DROP FUNCTION IF EXISTS decisions_guard();
                """);

            migrationBuilder.DropTable(
                name: "assessment_waivers");

            migrationBuilder.DropTable(
                name: "decision_follow_ups");

            migrationBuilder.DropTable(
                name: "decision_positions");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_id_id",
                table: "audit_entries");
        }
    }
}
