using TumorBoard.Application.Features.Reports;

namespace TumorBoard.UnitTests.Reports;

/// <summary>Measure 11's one working day (pathways.md §2): 24 hours, moved past a Saturday or Sunday in the board's zone.</summary>
public sealed class ReportDeadlineTests
{
    static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    static DateTimeOffset Local(int month, int day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Zurich), TimeSpan.Zero);

    [Theory]
    [InlineData(12, 2, 10, 0, 12, 3, 10, 0)]    // Wednesday → Thursday
    [InlineData(12, 4, 10, 0, 12, 7, 10, 0)]    // Friday → Monday, same time
    [InlineData(12, 4, 23, 30, 12, 7, 23, 30)]  // Friday late evening (Friday 22:30 UTC) → Monday
    [InlineData(12, 5, 9, 0, 12, 7, 9, 0)]      // Saturday → Monday
    [InlineData(12, 6, 0, 30, 12, 7, 0, 30)]    // Sunday 00:30 in Zurich (Saturday 23:30 UTC): due Monday 00:30, not Tuesday
    [InlineData(12, 6, 18, 0, 12, 7, 18, 0)]    // Sunday → Monday
    public void One_working_day_is_24_hours_moved_past_the_weekend_in_the_boards_zone(int m, int d, int h, int min, int dm, int dd, int dh, int dmin)
    {
        ReportDeadline.DueBy(Local(m, d, h, min), Zurich).ShouldBe(Local(dm, dd, dh, dmin));
    }
}
