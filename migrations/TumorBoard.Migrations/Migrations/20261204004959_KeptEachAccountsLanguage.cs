using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class KeptEachAccountsLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "preferred_culture",
                table: "users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_preferred_culture",
                table: "users",
                sql: "preferred_culture IS NULL OR preferred_culture IN ('de-CH', 'fr-CH', 'it-CH', 'en')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_users_preferred_culture",
                table: "users");

            migrationBuilder.DropColumn(
                name: "preferred_culture",
                table: "users");
        }
    }
}
