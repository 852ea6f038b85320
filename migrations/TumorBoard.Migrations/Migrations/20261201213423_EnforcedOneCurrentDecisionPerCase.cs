using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EnforcedOneCurrentDecisionPerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index the README promised was never created (two unnamed HasIndex calls on case_id merged into one).
            // A database that already holds two current decisions for one case cannot get it: say which cases, and leave
            // the clinical resolution (which version is current) to people, not to this migration.
            migrationBuilder.Sql("""
                DO $$
                DECLARE duplicates text;
                BEGIN
                    SELECT string_agg(case_id::text, ', ') INTO duplicates
                      FROM (SELECT case_id FROM decisions WHERE status = 'Signed' GROUP BY case_id HAVING count(*) > 1) d;
                    IF duplicates IS NOT NULL THEN
                        RAISE EXCEPTION 'These cases have more than one current signed decision: %', duplicates
                            USING HINT = 'Mark all but the current version of each as Superseded, then migrate again.';
                    END IF;
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ux_decisions_one_current_per_case",
                table: "decisions",
                column: "case_id",
                unique: true,
                filter: "status = 'Signed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_decisions_one_current_per_case",
                table: "decisions");
        }
    }
}
