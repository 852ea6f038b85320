using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.UnitTests.Meetings;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>Who may sign an amendment: the original meeting's chair, or the chair of a running meeting with the case.</summary>
public sealed class AmendmentApproverTests
{
    static readonly Guid Original = TestMeetings.Chair, Other = Guid.NewGuid();

    static Meeting ChairedBy(Guid chair) => Meeting.Plan(TestMeetings.Plan() with { ChairId = chair }, null, TestMeetings.Actor, TestMeetings.Now);

    static (Meeting Meeting, Guid CaseId) WithCase(Guid chair, bool start)
    {
        var meeting = ChairedBy(chair);
        var tumorCase = TestMeetings.ReadyCase();
        meeting.AddCase(tumorCase, null, TestMeetings.Actor, TestMeetings.Now);
        if (start) meeting.Start(TestMeetings.Actor, TestMeetings.Now);
        return (meeting, tumorCase.Id);
    }

    [Fact]
    public void The_chair_of_the_meeting_that_made_the_decision_may_sign()
    {
        var (original, caseId) = WithCase(Original, start: true);
        DecisionPreconditions.MayApproveAmendment(original, [], caseId, Original).ShouldBeTrue();
    }

    [Fact]
    public void The_chair_of_a_running_meeting_with_the_case_on_its_agenda_may_sign()
    {
        var (original, caseId) = WithCase(Original, start: false);
        var running = ChairedBy(Other);
        running.AddCase(TestMeetings.ReadyCase(), null, TestMeetings.Actor, TestMeetings.Now);
        var relisted = TestMeetings.ReadyCase();
        var item = running.AddCase(relisted, null, TestMeetings.Actor, TestMeetings.Now);
        running.Start(TestMeetings.Actor, TestMeetings.Now);

        DecisionPreconditions.MayApproveAmendment(original, [running], relisted.Id, Other).ShouldBeTrue();
        DecisionPreconditions.MayApproveAmendment(original, [running], caseId, Other).ShouldBeFalse();
        item.CaseId.ShouldBe(relisted.Id);
    }

    [Fact]
    public void The_chair_of_a_planned_meeting_with_the_case_or_of_a_running_one_without_it_may_not()
    {
        var (original, _) = WithCase(Original, start: false);
        var (planned, plannedCase) = WithCase(Other, start: false);
        var (running, _) = WithCase(Other, start: true);

        DecisionPreconditions.MayApproveAmendment(original, [planned, running], plannedCase, Other).ShouldBeFalse();
        DecisionPreconditions.MayApproveAmendment(original, [running], Guid.NewGuid(), Other).ShouldBeFalse();
        var refusal = Should.Throw<ForbiddenException>(() =>
            DecisionPreconditions.RequireAmendmentApprover(original, [planned, running], plannedCase, Other, "Dr. Nora Neurosurg"));
        refusal.Message.ShouldBe("Only the chair of the meeting that made this decision (Dr. Nora Neurosurg) or the chair of a meeting " +
            "now in progress with this case on its agenda may sign an amendment of it.");
    }

    [Fact]
    public void A_running_meeting_chaired_by_someone_else_admits_nobody_but_its_chair()
    {
        var (original, _) = WithCase(Original, start: false);
        var (running, caseId) = WithCase(Other, start: true);
        DecisionPreconditions.MayApproveAmendment(original, [running], caseId, Guid.NewGuid()).ShouldBeFalse();
    }
}
