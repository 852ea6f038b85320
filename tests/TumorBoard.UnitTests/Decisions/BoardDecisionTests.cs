using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using static TumorBoard.UnitTests.Decisions.TestDecisions;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>The life of one decision version: draft, positions, signature, supersession, amendment (issue #6).</summary>
public sealed class BoardDecisionTests
{
    [Fact]
    public void A_recorded_decision_is_a_draft_by_its_author_with_the_normalised_content()
    {
        var content = Content() with
        {
            Plan = [Content().Plan[0] with { DoseGy = 8m, Fractions = 1, Details = "   " }, Content().Plan[1]],
            Rationale = "  Stabilisation, then EBRT.  ",
            DiscordanceReason = DiscordanceReason.Comorbidity,
        };

        var d = Draft(content, number: 3);

        d.Status.ShouldBe(DecisionStatus.Draft);
        d.Number.ShouldBe(3);
        d.IsAmendment.ShouldBeFalse();
        d.CreatedById.ShouldBe(Coordinator.Id);
        d.CreatedByName.ShouldBe(Coordinator.Name);
        d.Outcome.ShouldBe(DecisionOutcome.TreatmentRecommendation);
        d.FollowUpDate.ShouldBe(Today.AddDays(30));
        d.ResponsibleClinicianId.ShouldBe(ResponsibleClinician);
        d.ResponsibleClinicianName.ShouldBe("Dr. Claude Clinician");
        d.SignedHash.ShouldBeNull();
        d.SignatureIsIntact.ShouldBeFalse();
        var stored = d.Content;
        stored.Plan[0].DoseGy.ShouldBeNull("dose is kept for radiotherapy steps only");
        stored.Plan[0].Fractions.ShouldBeNull();
        stored.Plan[0].Details.ShouldBeNull();
        stored.Plan[1].DoseGy.ShouldBe(20m);
        stored.Rationale.ShouldBe("Stabilisation, then EBRT.");
        stored.DiscordanceReason.ShouldBeNull("a concordant decision keeps no discordance reason");
    }

    [Fact]
    public void More_information_needed_keeps_no_plan_intent_or_concordance()
    {
        var d = Draft(MoreInformation() with { Intent = TreatmentIntent.Palliative, NomsConcordance = NomsConcordance.Discordant,
            InformationNeeded = [InformationNeeded.Biopsy, InformationNeeded.Imaging, InformationNeeded.Biopsy] });

        d.Content.Intent.ShouldBeNull();
        d.Content.NomsConcordance.ShouldBeNull();
        d.Content.InformationNeeded.ShouldBe([InformationNeeded.Imaging, InformationNeeded.Biopsy]);
    }

    [Fact]
    public void A_draft_is_revised_and_positions_taken_before_show_as_taken_on_an_earlier_draft()
    {
        var d = Draft();
        var position = d.RecordPosition(MedOnc, PositionKind.Agree, null, Now);
        position.ContentHash.ShouldBe(DecisionHash.Content(d));

        d.Revise(Content() with { Rationale = "SBRT alone." }, Inputs(), Chair, Now.AddMinutes(5));

        d.Content.Rationale.ShouldBe("SBRT alone.");
        d.UpdatedById.ShouldBe(Chair.Id);
        d.UpdatedAt.ShouldBe(Now.AddMinutes(5));
        d.Positions.ShouldHaveSingleItem().ContentHash.ShouldNotBe(DecisionHash.Content(d));
    }

    [Fact]
    public void A_disagreement_needs_its_reason_but_agreement_and_abstention_do_not()
    {
        var d = Draft();
        Should.Throw<DomainConflictException>(() => d.RecordPosition(RadOnc, PositionKind.Disagree, null, Now));
        Should.Throw<DomainConflictException>(() => d.RecordPosition(RadOnc, PositionKind.Disagree, "   ", Now));
        d.Positions.ShouldBeEmpty();

        d.RecordPosition(MedOnc, PositionKind.Agree, null, Now);
        d.RecordPosition(Chair, PositionKind.Abstain, "  ", Now);
        var dissent = d.RecordPosition(RadOnc, PositionKind.Disagree, "  I would give SBRT alone.  ", Now);

        dissent.Text.ShouldBe("I would give SBRT alone.");
        dissent.Discipline.ShouldBe(RadOnc.Discipline);
        d.Positions.Count.ShouldBe(3);
        d.Positions.Single(p => p.MemberId == Chair.Id).Text.ShouldBeNull();
    }

    [Fact]
    public void A_second_position_by_the_same_member_replaces_the_first()
    {
        var d = Draft();
        var first = d.RecordPosition(RadOnc, PositionKind.Disagree, "SBRT alone.", Now);
        var second = d.RecordPosition(RadOnc, PositionKind.Agree, null, Now.AddMinutes(1));

        second.Id.ShouldBe(first.Id);
        d.Positions.ShouldHaveSingleItem().Kind.ShouldBe(PositionKind.Agree);
        d.Positions[0].Text.ShouldBeNull();
        d.Positions[0].RecordedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void Signing_records_the_chair_the_time_the_meaning_and_the_hash_of_content_and_positions()
    {
        var d = Draft();
        d.RecordPosition(RadOnc, PositionKind.Disagree, "SBRT alone.", Now);

        d.Sign(Chair, Now.AddMinutes(2));

        d.Status.ShouldBe(DecisionStatus.Signed);
        d.SignedById.ShouldBe(Chair.Id);
        d.SignerName.ShouldBe(Chair.Name);
        d.SignedAt.ShouldBe(Now.AddMinutes(2));
        d.SignatureMeaning.ShouldBe("approved as board chair");
        d.SignedHash.ShouldBe(DecisionHash.Signed(d));
        d.SignedHash!.ShouldMatch("^[0-9a-f]{64}$");
        d.SignatureIsIntact.ShouldBeTrue();
    }

    [Fact]
    public void A_signed_decision_is_never_revised_positioned_or_signed_again()
    {
        var d = Signed();
        var hash = d.SignedHash;

        Should.Throw<DomainConflictException>(() => d.Revise(Content() with { Rationale = "Other" }, Inputs(), Chair, Now))
            .Message.ShouldContain("amend it instead");
        Should.Throw<DomainConflictException>(() => d.RecordPosition(RadOnc, PositionKind.Agree, null, Now));
        Should.Throw<DomainConflictException>(() => d.RecordPosition(MedOnc, PositionKind.Abstain, null, Now));
        Should.Throw<DomainConflictException>(() => d.Sign(Chair, Now));

        d.Status.ShouldBe(DecisionStatus.Signed);
        d.SignedHash.ShouldBe(hash);
        d.Positions.ShouldHaveSingleItem().Kind.ShouldBe(PositionKind.Agree);
    }

    [Fact]
    public void Only_a_signed_decision_is_superseded_and_it_keeps_its_signature()
    {
        var draft = Draft();
        Should.Throw<DomainConflictException>(() => draft.SupersedeBy(Draft(), Now));

        var signed = Signed();
        var amendment = signed.StartAmendment(2, "Dose corrected", Coordinator, Now);
        signed.SupersedeBy(amendment, Now.AddHours(1));

        signed.Status.ShouldBe(DecisionStatus.Superseded);
        signed.SupersededById.ShouldBe(amendment.Id);
        signed.SupersededAt.ShouldBe(Now.AddHours(1));
        signed.SignatureIsIntact.ShouldBeTrue("superseding does not touch what was signed");
        Should.Throw<DomainConflictException>(() => signed.SupersedeBy(amendment, Now));
    }

    [Fact]
    public void An_amendment_is_a_new_draft_version_of_the_signed_decision_with_its_reason()
    {
        var signed = Signed();

        var amendment = signed.StartAmendment(2, "  Dose corrected after planning  ", Chair, Now.AddDays(1));

        amendment.Id.ShouldNotBe(signed.Id);
        amendment.Status.ShouldBe(DecisionStatus.Draft);
        amendment.Number.ShouldBe(2);
        amendment.IsAmendment.ShouldBeTrue();
        amendment.AmendsId.ShouldBe(signed.Id);
        amendment.AmendmentReason.ShouldBe("Dose corrected after planning");
        amendment.ContentJson.ShouldBe(signed.ContentJson);
        (amendment.CaseId, amendment.MeetingId, amendment.AgendaItemId).ShouldBe((signed.CaseId, signed.MeetingId, signed.AgendaItemId));
        amendment.NomsSuggestionJson.ShouldBe(signed.NomsSuggestionJson);
        amendment.CreatedById.ShouldBe(Chair.Id);
        amendment.Positions.ShouldBeEmpty("positions are taken again on the amendment");
        amendment.SignedHash.ShouldBeNull();
        signed.Status.ShouldBe(DecisionStatus.Signed, "the signed version stays current until the amendment is signed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_amendment_needs_a_reason(string reason) =>
        Should.Throw<DomainConflictException>(() => Signed().StartAmendment(2, reason, Chair, Now));

    [Fact]
    public void Only_the_current_signed_decision_is_amended()
    {
        Should.Throw<DomainConflictException>(() => Draft().StartAmendment(2, "Too early", Chair, Now));
        var signed = Signed();
        signed.SupersedeBy(signed.StartAmendment(2, "First", Chair, Now), Now);
        Should.Throw<DomainConflictException>(() => signed.StartAmendment(3, "Second", Chair, Now)).Message.ShouldContain("Superseded");
    }

    [Fact]
    public void Follow_up_is_recorded_only_on_the_current_signed_decision()
    {
        Should.Throw<DomainConflictException>(() => Draft().RecordFollowUp(1, FollowUpStatus.Implemented, null, null, null, Coordinator, Now))
            .Message.ShouldContain("not signed yet");
        var signed = Signed();
        signed.SupersedeBy(signed.StartAmendment(2, "Changed", Chair, Now), Now);
        Should.Throw<DomainConflictException>(() => signed.RecordFollowUp(1, FollowUpStatus.Implemented, null, null, null, Coordinator, Now))
            .Message.ShouldContain("superseded");
        Should.Throw<DomainConflictException>(() => Signed(MoreInformation()).RecordFollowUp(1, FollowUpStatus.Implemented, null, null, null, Coordinator, Now))
            .Message.ShouldContain("no plan steps");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Follow_up_names_an_existing_plan_step(int step) =>
        Should.Throw<DomainConflictException>(() => Signed().RecordFollowUp(step, FollowUpStatus.Implemented, null, null, null, Coordinator, Now))
            .Message.ShouldContain("steps 1 to 2");

    [Fact]
    public void A_deviation_carries_its_reason_and_only_a_deviation_does()
    {
        var d = Signed();
        Should.Throw<DomainConflictException>(() => d.RecordFollowUp(1, FollowUpStatus.NotImplemented, null, null, null, Coordinator, Now));
        Should.Throw<DomainConflictException>(() => d.RecordFollowUp(1, FollowUpStatus.Implemented, DeviationReason.PatientWish, null, null, Coordinator, Now));
        Should.Throw<DomainConflictException>(() => d.RecordFollowUp(1, FollowUpStatus.Unknown, DeviationReason.Death, null, null, Coordinator, Now));
        Should.Throw<DomainConflictException>(() => d.RecordFollowUp(1, FollowUpStatus.NotImplemented, DeviationReason.Other, "  ", null, Coordinator, Now));
        d.FollowUps.ShouldBeEmpty();

        var partial = d.RecordFollowUp(1, FollowUpStatus.PartiallyImplemented, null, null, "  Decompression only ", Coordinator, Now);
        var other = d.RecordFollowUp(2, FollowUpStatus.NotImplemented, DeviationReason.Other, " Machine down for weeks ", null, Coordinator, Now);

        partial.Reason.ShouldBeNull();
        partial.Note.ShouldBe("Decompression only");
        other.ReasonText.ShouldBe("Machine down for weeks");
        other.RecordedById.ShouldBe(Coordinator.Id);
        other.RecordedByName.ShouldBe(Coordinator.Name);
    }

    [Fact]
    public void The_latest_follow_up_of_each_step_is_its_current_status_and_earlier_ones_stay()
    {
        var d = Signed();
        d.RecordFollowUp(1, FollowUpStatus.Unknown, null, null, null, Coordinator, Now.AddDays(1));
        d.RecordFollowUp(1, FollowUpStatus.Implemented, null, null, null, Coordinator, Now.AddDays(2));

        var current = d.CurrentFollowUps();

        current.Count.ShouldBe(2);
        current[0]!.Status.ShouldBe(FollowUpStatus.Implemented);
        current[1].ShouldBeNull();
        d.FollowUps.Count.ShouldBe(2);
    }

    [Fact]
    public void Follow_up_is_overdue_only_after_the_date_while_a_step_has_no_known_outcome()
    {
        var d = Signed();
        var due = d.FollowUpDate!.Value;

        d.IsFollowUpOverdue(due).ShouldBeFalse("due today is not overdue");
        d.IsFollowUpOverdue(due.AddDays(1)).ShouldBeTrue("no step followed up");

        d.RecordFollowUp(1, FollowUpStatus.Implemented, null, null, null, Coordinator, Now.AddDays(1));
        d.IsFollowUpOverdue(due.AddDays(1)).ShouldBeTrue("step 2 still has no follow-up");

        d.RecordFollowUp(2, FollowUpStatus.Unknown, null, null, null, Coordinator, Now.AddDays(2));
        d.IsFollowUpOverdue(due.AddDays(1)).ShouldBeTrue("unknown is not an outcome");

        d.RecordFollowUp(2, FollowUpStatus.NotImplemented, DeviationReason.PatientWish, null, null, Coordinator, Now.AddDays(3));
        d.IsFollowUpOverdue(due.AddDays(1)).ShouldBeFalse("every step has an outcome");
    }

    [Fact]
    public void A_draft_a_superseded_version_or_a_decision_without_a_date_is_never_overdue()
    {
        var later = Today.AddYears(1);
        Draft().IsFollowUpOverdue(later).ShouldBeFalse();
        Signed(MoreInformation()).IsFollowUpOverdue(later).ShouldBeFalse();
        var superseded = Signed();
        superseded.SupersedeBy(superseded.StartAmendment(2, "Changed", Chair, Now), Now);
        superseded.IsFollowUpOverdue(later).ShouldBeFalse();
    }
}
