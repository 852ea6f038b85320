using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using static TumorBoard.UnitTests.Meetings.TestMeetings;

namespace TumorBoard.UnitTests.Meetings;

public sealed class MeetingFlowTests
{
    [Fact]
    public void A_meeting_starts_once_and_then_records_discussions_and_deferrals()
    {
        var (meeting, agenda) = WithCases(2);
        Should.Throw<DomainConflictException>(() => meeting.MarkDiscussed(agenda[0].Item.Id, agenda[0].Case, Actor, Now));

        meeting.Start(Actor, Now);
        meeting.Status.ShouldBe(MeetingStatus.InProgress);
        Should.Throw<DomainConflictException>(() => meeting.Start(Actor, Now));

        meeting.MarkDiscussed(agenda[0].Item.Id, agenda[0].Case, Actor, Now);
        meeting.Defer(agenda[1].Item.Id, agenda[1].Case, " Awaiting biopsy ", Actor, Now);

        agenda[0].Item.Status.ShouldBe(AgendaItemStatus.Discussed);
        agenda[0].Case.Status.ShouldBe(CaseStatus.Discussed);
        agenda[1].Item.Status.ShouldBe(AgendaItemStatus.Deferred);
        agenda[1].Item.Reason.ShouldBe("Awaiting biopsy");
        agenda[1].Case.Status.ShouldBe(CaseStatus.ReadyForBoard);
        Should.Throw<DomainConflictException>(() => meeting.MarkDiscussed(agenda[0].Item.Id, agenda[0].Case, Actor, Now));
    }

    [Fact]
    public void Close_is_refused_while_a_case_is_still_scheduled()
    {
        var (meeting, agenda) = WithCases(2);
        Should.Throw<DomainConflictException>(() => meeting.Close(Actor, Now));   // not started
        meeting.Start(Actor, Now);
        meeting.MarkDiscussed(agenda[0].Item.Id, agenda[0].Case, Actor, Now);

        Should.Throw<DomainConflictException>(() => meeting.Close(Actor, Now)).Message.ShouldContain("1 case");
        meeting.Status.ShouldBe(MeetingStatus.InProgress);

        meeting.Defer(agenda[1].Item.Id, agenda[1].Case, "Next week", Actor, Now);
        meeting.Close(Actor, Now);
        meeting.Status.ShouldBe(MeetingStatus.Closed);
        Should.Throw<DomainConflictException>(() => meeting.Reorder([agenda[1].Item.Id, agenda[0].Item.Id], Actor, Now));
        Should.Throw<DomainConflictException>(() => meeting.RecordAttendance([], Actor, Now));
    }

    [Fact]
    public void Cancelling_returns_every_case_to_ready_for_board_and_empties_the_count()
    {
        var (meeting, agenda) = WithCases(3);

        meeting.Cancel(" Public holiday ", agenda.ToDictionary(a => a.Case.Id, a => a.Case), Actor, Now);

        meeting.Status.ShouldBe(MeetingStatus.Cancelled);
        meeting.CancellationReason.ShouldBe("Public holiday");
        meeting.AgendaCount.ShouldBe(0);
        meeting.ActiveAgenda.ShouldBeEmpty();
        agenda.ShouldAllBe(a => a.Case.Status == CaseStatus.ReadyForBoard && a.Item.Status == AgendaItemStatus.Removed);
        Should.Throw<DomainConflictException>(() => meeting.Cancel("Again", new Dictionary<Guid, TumorBoardCase>(), Actor, Now));
        Should.Throw<DomainConflictException>(() => meeting.AddCase(ReadyCase(), null, Actor, Now));
    }

    [Fact]
    public void A_case_is_deferred_only_while_the_meeting_runs_so_the_chair_cannot_take_it_off_a_planned_agenda()
    {
        var (meeting, agenda) = WithCases(2);

        Should.Throw<DomainConflictException>(() => meeting.Defer(agenda[0].Item.Id, agenda[0].Case, "Needs new MRI", Actor, Now));
        agenda[0].Case.Status.ShouldBe(CaseStatus.Scheduled);
        agenda[0].Item.Status.ShouldBe(AgendaItemStatus.Scheduled);

        meeting.Cancel("Room closed", agenda.ToDictionary(a => a.Case.Id, a => a.Case), Actor, Now);
        agenda.ShouldAllBe(a => a.Case.Status == CaseStatus.ReadyForBoard);
    }

    [Fact]
    public void Recording_attendance_replaces_the_whole_list()
    {
        var meeting = Planned();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();

        meeting.RecordAttendance([(a, Discipline.MedicalOncology), (b, Discipline.Neurosurgery), (b, Discipline.Neurosurgery)], Actor, Now);
        meeting.Attendees.Select(x => x.UserId).ShouldBe([a, b], ignoreOrder: true);

        meeting.RecordAttendance([(b, Discipline.Neurosurgery), (c, Discipline.RadiationOncology)], Actor, Now);
        meeting.Attendees.Select(x => x.UserId).ShouldBe([b, c], ignoreOrder: true);
        meeting.MissingForQuorum.ShouldBe([Discipline.MedicalOncology]);
        meeting.HasQuorum.ShouldBeFalse();

        meeting.RecordAttendance([], Actor, Now);
        meeting.Attendees.ShouldBeEmpty();
    }

    [Fact]
    public void Attendance_can_be_recorded_while_the_meeting_runs_but_not_once_cancelled()
    {
        var running = Planned();
        running.Start(Actor, Now);
        running.RecordAttendance([(Guid.NewGuid(), null)], Actor, Now);
        running.Attendees.Count.ShouldBe(1);

        var cancelled = Planned();
        cancelled.Cancel("Holiday", new Dictionary<Guid, TumorBoardCase>(), Actor, Now);
        Should.Throw<DomainConflictException>(() => cancelled.RecordAttendance([], Actor, Now));
    }
}
