using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using static TumorBoard.UnitTests.Meetings.TestMeetings;

namespace TumorBoard.UnitTests.Meetings;

public sealed class MeetingPlanTests
{
    [Fact]
    public void A_new_meeting_is_planned_with_the_cut_off_24_hours_before_the_start()
    {
        var meeting = Meeting.Plan(Plan(), seriesId: null, Actor, Now);

        meeting.Status.ShouldBe(MeetingStatus.Planned);
        meeting.SubmissionCutoff.ShouldBe(meeting.StartsAt - TimeSpan.FromHours(24));
        meeting.AgendaCount.ShouldBe(0);
        meeting.CreatedBy.ShouldBe(Actor);
        meeting.IsPastCutoff(Now).ShouldBeFalse();
    }

    [Fact]
    public void An_explicit_cut_off_before_the_start_is_kept()
    {
        var plan = Plan();
        var meeting = Meeting.Plan(plan with { SubmissionCutoff = plan.StartsAt.AddHours(-2) }, null, Actor, Now);
        meeting.SubmissionCutoff.ShouldBe(plan.StartsAt.AddHours(-2));
    }

    [Fact]
    public void A_cut_off_after_the_start_is_refused()
    {
        var plan = Plan();
        Should.Throw<DomainConflictException>(() => Meeting.Plan(plan with { SubmissionCutoff = plan.StartsAt.AddMinutes(1) }, null, Actor, Now));
    }

    [Fact]
    public void Blank_location_and_video_link_are_stored_as_absent_and_the_title_is_trimmed()
    {
        var meeting = Meeting.Plan(Plan() with { Title = "  Board  ", Location = " ", VideoLink = "https://video.example/b " }, null, Actor, Now);
        meeting.Title.ShouldBe("Board");
        meeting.Location.ShouldBeNull();
        meeting.VideoLink.ShouldBe("https://video.example/b");
    }

    [Fact]
    public void Update_refuses_a_capacity_below_the_number_of_cases_on_the_agenda()
    {
        var (meeting, _) = WithCases(3);

        Should.Throw<DomainConflictException>(() => meeting.Update(Plan(capacity: 2), Actor, Now)).Message.ShouldContain("3");
        meeting.Capacity.ShouldBe(5);
        meeting.Update(Plan(capacity: 3), Actor, Now);
        meeting.Capacity.ShouldBe(3);
    }

    [Fact]
    public void Update_recomputes_the_default_cut_off_from_the_new_start()
    {
        var meeting = Planned();
        meeting.Update(Plan(startsIn: TimeSpan.FromDays(10)), Actor, Now);
        meeting.SubmissionCutoff.ShouldBe(Now + TimeSpan.FromDays(10) - Meeting.DefaultCutoff);
    }

    [Fact]
    public void Only_a_planned_meeting_can_be_updated()
    {
        var meeting = Planned();
        meeting.Start(Actor, Now);
        Should.Throw<DomainConflictException>(() => meeting.Update(Plan(), Actor, Now));
    }
}
