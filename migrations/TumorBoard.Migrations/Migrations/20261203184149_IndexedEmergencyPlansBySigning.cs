using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class IndexedEmergencyPlansBySigning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_decisions_outside_meetings_signed_at",
                table: "decisions",
                column: "signed_at",
                filter: "meeting_id IS NULL AND status <> 'Draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_outside_meetings_signed_at",
                table: "decisions");
        }
    }
}
