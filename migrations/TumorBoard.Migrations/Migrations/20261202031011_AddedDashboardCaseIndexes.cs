using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedDashboardCaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_status_updated_at_id",
                table: "cases",
                columns: new[] { "status", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_urgency_desc_updated_at_id",
                table: "cases",
                columns: new[] { "status", "urgency", "updated_at", "id" },
                descending: new[] { false, true, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_status_updated_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_urgency_desc_updated_at_id",
                table: "cases");
        }
    }
}
