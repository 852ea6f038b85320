using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddedQualityAnalyticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_decisions_signed_at",
                table: "decisions",
                column: "signed_at",
                filter: "status <> 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_created_at",
                table: "cases",
                column: "created_at")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_signed_at",
                table: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_cases_created_at",
                table: "cases");
        }
    }
}
