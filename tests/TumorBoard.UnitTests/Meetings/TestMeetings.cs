using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.UnitTests.Cases;

namespace TumorBoard.UnitTests.Meetings;

/// <summary>Planned meetings and ReadyForBoard cases, built through the domain.</summary>
public static class TestMeetings
{
    public static readonly Guid Chair = Guid.NewGuid();
    public static DateTimeOffset Now => TestCases.Now;
    public static Guid Actor => TestCases.Actor;

    public static MeetingPlan Plan(int capacity = 5, TimeSpan? startsIn = null, DateTimeOffset? cutoff = null) =>
        new("Spine tumor board", Now + (startsIn ?? TimeSpan.FromDays(3)), 90, "Room 4.12", null, Chair, capacity, cutoff);

    public static Meeting Planned(int capacity = 5, TimeSpan? startsIn = null) =>
        Meeting.Plan(Plan(capacity, startsIn), seriesId: null, Actor, Now);

    public static TumorBoardCase ReadyCase(Urgency urgency = Urgency.Routine) =>
        TestCases.In(CaseStatus.ReadyForBoard, TestCases.Complete() with { Urgency = urgency });

    /// <summary>A planned meeting with <paramref name="count"/> routine cases added before the cut-off.</summary>
    public static (Meeting Meeting, List<(AgendaItem Item, TumorBoardCase Case)> Agenda) WithCases(int count, int capacity = 5)
    {
        var meeting = Planned(capacity);
        var agenda = Enumerable.Range(0, count).Select(_ =>
        {
            var c = ReadyCase();
            return (meeting.AddCase(c, null, Actor, Now), c);
        }).ToList();
        return (meeting, agenda);
    }

    public static Guid[] Order(this Meeting meeting) => meeting.ActiveAgenda.Select(i => i.Id).ToArray();
}
