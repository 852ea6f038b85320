using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Assessments;

public sealed class AssessmentVersionFlowTests
{
    [Fact]
    public void Every_save_appends_a_version_and_never_overwrites_an_earlier_one()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery() with { Rationale = "first" }, Context, Neurosurgeon, Now);
        var first = a.Versions[0].ContentJson;
        a.SaveDraft(Neurosurgery() with { Rationale = "second" }, Context, OtherNeurosurgeon, Now.AddMinutes(5));
        a.Submit(Context, Neurosurgeon, Now.AddMinutes(10));
        a.Revise(Neurosurgery() with { Rationale = "third" }, "New MRI", Context, OtherNeurosurgeon, Now.AddMinutes(20));

        a.Versions.Select(v => v.Number).ShouldBe([1, 2, 3, 4]);
        a.Versions.Select(v => v.Kind).ShouldBe([AssessmentVersionKind.Draft, AssessmentVersionKind.Draft,
            AssessmentVersionKind.Submission, AssessmentVersionKind.Revision]);
        a.Versions.Select(v => v.AuthorName).ShouldBe(["Dr. Neuro", "Dr. Second", "Dr. Neuro", "Dr. Second"]);
        a.Versions[0].ContentJson.ShouldBe(first);
        a.Versions[3].Reason.ShouldBe("New MRI");
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        a.SubmittedVersionNumber.ShouldBe(4);
        ((NeurosurgeryContent)a.CurrentContent).Rationale.ShouldBe("third");
    }

    [Fact]
    public void Only_a_specialist_of_the_assessments_discipline_writes_it()
    {
        Should.Throw<ForbiddenException>(() => Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, RadiationOncologist, Now));
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, Neurosurgeon, Now);
        Should.Throw<ForbiddenException>(() => a.SaveDraft(Neurosurgery(), Context, RadiationOncologist, Now));
        Should.Throw<ForbiddenException>(() => a.Submit(Context, RadiationOncologist, Now));
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_submitted()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery() with { Frankel = null, Lesions = [Lesion() with { Escc = null }] },
            Context, Neurosurgeon, Now);
        var refusal = Should.Throw<DomainConflictException>(() => a.Submit(Context, Neurosurgeon, Now));
        refusal.Message.ShouldContain("frankel");
        refusal.Message.ShouldContain("lesions[0].escc");
        a.Versions.Count.ShouldBe(1);
    }

    [Fact]
    public void A_submitted_assessment_changes_only_by_a_revision_with_a_reason()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, Neurosurgeon, Now);
        a.Submit(Context, Neurosurgeon, Now);
        Should.Throw<DomainConflictException>(() => a.SaveDraft(Neurosurgery(), Context, Neurosurgeon, Now));
        Should.Throw<DomainConflictException>(() => a.Submit(Context, Neurosurgeon, Now));
        Should.Throw<DomainConflictException>(() => a.Revise(Neurosurgery(), " ", Context, Neurosurgeon, Now));
    }

    [Fact]
    public void A_draft_is_not_revised()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, Neurosurgeon, Now);
        Should.Throw<DomainConflictException>(() => a.Revise(Neurosurgery(), "why", Context, Neurosurgeon, Now));
    }

    [Fact]
    public void Once_the_decision_is_signed_the_assessment_is_locked()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, Neurosurgeon, Now);
        a.Submit(Context, Neurosurgeon, Now);
        a.Lock(Now);

        a.Status.ShouldBe(AssessmentStatus.Locked);
        Should.Throw<DomainConflictException>(() => a.Revise(Neurosurgery(), "late change", Context, Neurosurgeon, Now))
            .Message.ShouldContain("locked");
        a.Versions.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(CaseStatus.Decided)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    public void A_decided_closed_or_withdrawn_case_refuses_assessment_writes(CaseStatus status) =>
        Should.Throw<DomainConflictException>(() => Assessment.RequireCaseOpen(status));

    [Theory]
    [InlineData(CaseStatus.Draft)]
    [InlineData(CaseStatus.ReadyForBoard)]
    [InlineData(CaseStatus.Scheduled)]
    [InlineData(CaseStatus.Discussed)]
    public void A_case_before_its_decision_accepts_assessment_writes(CaseStatus status) =>
        Should.NotThrow(() => Assessment.RequireCaseOpen(status));
}
