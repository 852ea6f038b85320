using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddMeetingCalendarRevisionAndFollowUpPerformedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "calendar_revision",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "performed_on",
                table: "decision_follow_ups",
                type: "date",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_meetings_calendar_revision",
                table: "meetings",
                sql: "calendar_revision >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_meetings_calendar_revision",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "calendar_revision",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "performed_on",
                table: "decision_follow_ups");
        }
    }
}
