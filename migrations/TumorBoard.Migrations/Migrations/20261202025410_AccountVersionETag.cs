using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <summary>
    /// Accounts carry their row version (PostgreSQL's system column xmin) as the API's ETag. xmin exists on every row, so
    /// nothing changes in the database: only the model learns the column (EF would otherwise try to add it).
    /// </summary>
    public partial class AccountVersionETag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
