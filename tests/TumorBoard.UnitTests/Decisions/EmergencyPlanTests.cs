using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using static TumorBoard.UnitTests.Decisions.TestDecisions;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>The emergency plan outside a meeting (issue #14 part 1): signed by one neurosurgeon and one radiation oncologist.</summary>
public sealed class EmergencyPlanTests
{
    static BoardDecision Plan() => BoardDecision.RecordEmergencyPlan(Guid.NewGuid(), 1, Content(), Inputs(), Chair, Now);

    [Fact]
    public void An_emergency_plan_has_no_meeting_and_is_a_draft_until_both_disciplines_sign()
    {
        var plan = Plan();
        plan.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        plan.MeetingId.ShouldBeNull();
        plan.AgendaItemId.ShouldBeNull();

        plan.SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now.AddMinutes(1));
        plan.Status.ShouldBe(DecisionStatus.Draft);
        plan.SignedHash.ShouldBeNull();

        plan.SignAsEmergencyPlan(RadOnc, Discipline.RadiationOncology, Now.AddMinutes(2));
        plan.Status.ShouldBe(DecisionStatus.Signed);
        plan.SignedAt.ShouldBe(Now.AddMinutes(2));
        plan.SignerName.ShouldBe($"{Chair.Name} and {RadOnc.Name}");
        plan.SignatureMeaning.ShouldBe(EmergencySignature.Meaning);
        plan.SignatureIsIntact.ShouldBeTrue();
    }

    [Fact]
    public void The_signatures_are_part_of_the_signed_hash_and_a_board_decision_hash_is_unchanged_by_them()
    {
        var plan = Plan();
        plan.SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now);
        plan.SignAsEmergencyPlan(RadOnc, Discipline.RadiationOncology, Now);
        DecisionHash.Canonical(plan, positions: true).EmergencySignatures!.Count.ShouldBe(2);
        DecisionHash.Canonical(plan, positions: true).Format.ShouldBe("tumorboard.emergency-plan/1");

        var board = Signed();
        DecisionHash.Canonical(board, positions: true).EmergencySignatures.ShouldBeNull();
        DecisionJson.Serialize(DecisionHash.Canonical(board, positions: true)).ShouldNotContain("emergencySignatures");
    }

    [Fact]
    public void A_signer_signs_only_for_their_own_discipline_once_and_only_neurosurgery_and_radiation_oncology_sign()
    {
        var plan = Plan();
        Should.Throw<ForbiddenException>(() => plan.SignAsEmergencyPlan(RadOnc, Discipline.Neurosurgery, Now));
        Should.Throw<DomainConflictException>(() => plan.SignAsEmergencyPlan(MedOnc, Discipline.MedicalOncology, Now));
        plan.SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now);
        Should.Throw<DomainConflictException>(() => plan.SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now))
            .Message.ShouldContain("already signed for neurosurgery");
        plan.EmergencySignatures.Count.ShouldBe(1);
    }

    [Fact]
    public void An_emergency_plan_is_not_signed_by_a_chair_and_a_board_decision_not_by_discipline()
    {
        Should.Throw<DomainConflictException>(() => Plan().Sign(Chair, Now));
        Should.Throw<DomainConflictException>(() => Draft().SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now));
    }

    [Fact]
    public void An_amendment_of_an_emergency_plan_is_an_emergency_plan()
    {
        var plan = Plan();
        plan.SignAsEmergencyPlan(Chair, Discipline.Neurosurgery, Now);
        plan.SignAsEmergencyPlan(RadOnc, Discipline.RadiationOncology, Now);
        var amendment = plan.StartAmendment(2, "Dose changed", Chair, Now.AddHours(1));
        amendment.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        amendment.MeetingId.ShouldBeNull();
        amendment.EmergencySignatures.ShouldBeEmpty();
    }
}
