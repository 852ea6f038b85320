using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.UnitTests.Meetings;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>When the board may decide a case in a meeting (issue #6 "Preconditions"): each unmet condition is named.</summary>
public sealed class DecisionPreconditionsTests
{
    static readonly Discipline[] All = Quorum.Required;
    static readonly Guid MedOnc = Guid.NewGuid(), RadOnc = Guid.NewGuid(), Neuro = Guid.NewGuid();

    /// <summary>A meeting with one case on its agenda, the three disciplines present unless left out, started unless not.</summary>
    static (Meeting Meeting, AgendaItem Item, TumorBoardCase Case) Board(bool start = true, Discipline? absent = null)
    {
        var (meeting, agenda) = TestMeetings.WithCases(1);
        var present = new List<(Guid, Discipline?)> { (MedOnc, Discipline.MedicalOncology), (RadOnc, Discipline.RadiationOncology), (Neuro, Discipline.Neurosurgery) };
        meeting.RecordAttendance(present.Where(p => p.Item2 != absent), TestMeetings.Actor, TestMeetings.Now);
        if (start) meeting.Start(TestMeetings.Actor, TestMeetings.Now);
        return (meeting, agenda[0].Item, agenda[0].Case);
    }

    [Fact]
    public void A_running_meeting_with_quorum_and_three_submitted_assessments_meets_every_condition()
    {
        var (meeting, item, _) = Board();
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldBeEmpty();
        Should.NotThrow(() => DecisionPreconditions.Require(meeting, item, All, []));
    }

    [Fact]
    public void A_meeting_not_in_progress_is_named()
    {
        var (meeting, item, _) = Board(start: false);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldHaveSingleItem().ShouldBe("the meeting is planned, not in progress");
    }

    [Fact]
    public void A_closed_meeting_is_named()
    {
        var (meeting, item, tumorCase) = Board();
        meeting.Defer(item.Id, tumorCase, "Awaiting MRI", TestMeetings.Actor, TestMeetings.Now);
        meeting.Close(TestMeetings.Actor, TestMeetings.Now);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldContain("the meeting is closed, not in progress");
    }

    [Fact]
    public void A_case_not_on_the_agenda_is_named()
    {
        var (meeting, _, _) = Board();
        var (other, otherItem, _) = Board();
        other.ShouldNotBe(meeting);

        DecisionPreconditions.Unmet(meeting, null, All, []).ShouldHaveSingleItem().ShouldBe("the case is not on this meeting's agenda");
        DecisionPreconditions.Unmet(meeting, otherItem, All, []).ShouldHaveSingleItem().ShouldBe("the case is not on this meeting's agenda");
    }

    [Fact]
    public void A_case_removed_from_the_agenda_is_not_on_it()
    {
        var (meeting, item, tumorCase) = Board(start: false);
        meeting.RemoveCase(item.Id, tumorCase, "Withdrawn by the referrer", TestMeetings.Actor, TestMeetings.Now);
        meeting.Start(TestMeetings.Actor, TestMeetings.Now);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldHaveSingleItem().ShouldBe("the case is not on this meeting's agenda");
    }

    [Fact]
    public void A_case_already_decided_in_this_meeting_is_named()
    {
        var (meeting, item, tumorCase) = Board();
        meeting.RecordDecision(item.Id, tumorCase, relist: false, TestMeetings.Actor, TestMeetings.Now);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldHaveSingleItem().ShouldContain("already been decided in this meeting");
    }

    [Fact]
    public void A_case_deferred_in_this_meeting_is_named()
    {
        var (meeting, item, tumorCase) = Board();
        meeting.Defer(item.Id, tumorCase, "Awaiting MRI", TestMeetings.Actor, TestMeetings.Now);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldHaveSingleItem().ShouldBe("the case was deferred in this meeting");
    }

    [Fact]
    public void A_discussed_case_can_still_be_decided()
    {
        var (meeting, item, tumorCase) = Board();
        meeting.MarkDiscussed(item.Id, tumorCase, TestMeetings.Actor, TestMeetings.Now);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_discipline_for_quorum_is_named()
    {
        var (meeting, item, _) = Board(absent: Discipline.RadiationOncology);
        DecisionPreconditions.Unmet(meeting, item, All, []).ShouldHaveSingleItem().ShouldBe("no quorum: nobody present for radiation oncology");
    }

    [Fact]
    public void A_missing_assessment_is_named_unless_the_chair_waived_it()
    {
        var (meeting, item, _) = Board();
        Discipline[] two = [Discipline.RadiationOncology, Discipline.Neurosurgery];

        DecisionPreconditions.Unmet(meeting, item, two, []).ShouldHaveSingleItem()
            .ShouldBe("no submitted assessment (and no waiver) for medical oncology");
        DecisionPreconditions.Unmet(meeting, item, two, [Discipline.MedicalOncology]).ShouldBeEmpty();
        DecisionPreconditions.Unmet(meeting, item, [], All).ShouldBeEmpty();
        DecisionPreconditions.Unmet(meeting, item, [], [Discipline.Neurosurgery]).ShouldHaveSingleItem()
            .ShouldBe("no submitted assessment (and no waiver) for medical oncology, radiation oncology");
    }

    [Fact]
    public void Every_unmet_condition_is_named_together_in_one_conflict()
    {
        var (meeting, _, _) = Board(start: false, absent: Discipline.Neurosurgery);

        var unmet = DecisionPreconditions.Unmet(meeting, null, [Discipline.MedicalOncology], []);

        unmet.ShouldBe([
            "the meeting is planned, not in progress",
            "the case is not on this meeting's agenda",
            "no quorum: nobody present for neurosurgery",
            "no submitted assessment (and no waiver) for radiation oncology, neurosurgery",
        ]);
        var conflict = Should.Throw<DomainConflictException>(() => DecisionPreconditions.Require(meeting, null, [Discipline.MedicalOncology], []));
        foreach (var condition in unmet) conflict.Message.ShouldContain(condition);
    }

    [Fact]
    public void Only_the_meetings_chair_signs()
    {
        var (meeting, _, _) = Board();
        Should.NotThrow(() => DecisionPreconditions.RequireChair(meeting, TestMeetings.Chair));
        Should.Throw<ForbiddenException>(() => DecisionPreconditions.RequireChair(meeting, Neuro));
    }
}
