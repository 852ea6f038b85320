using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using static TumorBoard.UnitTests.Decisions.TestDecisions;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>The SHA-256 the chair's signature is bound to (DH-4): stable, sensitive to every field, bound to the record.</summary>
public sealed class DecisionHashTests
{
    /// <summary>One change per content field, each kept by normalisation (so the stored content really differs).</summary>
    public static TheoryData<string> Changes() =>
        [.. ContentChanges.Keys];

    static readonly Dictionary<string, Func<DecisionContent, DecisionContent>> ContentChanges = new()
    {
        ["outcome"] = c => c with { Outcome = DecisionOutcome.StandardOfCareConfirmed },
        ["plan step kind"] = c => c with { Plan = [c.Plan[0] with { Kind = PlanStepKind.SeparationSurgery }, c.Plan[1]] },
        ["plan step order"] = c => c with { Plan = [c.Plan[1], c.Plan[0]] },
        ["plan step added"] = c => c with { Plan = [.. c.Plan, new PlanStep { Kind = PlanStepKind.BoneModifyingAgent, Timing = StepTiming.Soon }] },
        ["target level"] = c => c with { Plan = [c.Plan[0] with { TargetLevels = [SpinalLevel.T10, SpinalLevel.T11, SpinalLevel.T12] }, c.Plan[1]] },
        ["dose"] = c => c with { Plan = [c.Plan[0], c.Plan[1] with { DoseGy = 24m }] },
        ["fractions"] = c => c with { Plan = [c.Plan[0], c.Plan[1] with { Fractions = 2 }] },
        ["timing"] = c => c with { Plan = [c.Plan[0] with { Timing = StepTiming.Emergency }, c.Plan[1]] },
        ["step details"] = c => c with { Plan = [c.Plan[0] with { Details = "Posterior approach" }, c.Plan[1]] },
        ["intent"] = c => c with { Intent = TreatmentIntent.LocalControl },
        ["rationale"] = c => c with { Rationale = c.Rationale + " Reviewed." },
        ["concordance"] = c => c with { NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.Comorbidity },
        ["patient preferences"] = c => c with { PatientPreferences = "Prefers radiotherapy alone." },
        ["preferences not available"] = c => c with { PatientPreferences = null, PatientPreferencesNotAvailable = true,
            PatientPreferencesNotAvailableReason = "Patient sedated in ICU." },
        ["responsible clinician"] = c => c with { ResponsibleClinicianId = Guid.NewGuid() },
        ["follow-up date"] = c => c with { FollowUpDate = c.FollowUpDate!.Value.AddDays(1) },
    };

    [Fact]
    public void The_hash_is_lower_case_hex_SHA_256_and_stable()
    {
        var d = Draft();
        var hash = DecisionHash.Content(d);
        hash.ShouldMatch("^[0-9a-f]{64}$");
        DecisionHash.Content(d).ShouldBe(hash);
        DecisionHash.Sha256(DecisionJson.Serialize(DecisionHash.Canonical(d, positions: false))).ShouldBe(hash);
    }

    [Fact]
    public void Revising_with_equal_content_keeps_the_hash()
    {
        var d = Draft();
        var before = DecisionHash.Content(d);
        // An equal content written differently: fresh lists, untrimmed text, levels repeated, dose on a surgical step.
        var again = Content() with
        {
            Rationale = "  " + Content().Rationale + " ",
            Plan = [Content().Plan[0] with { TargetLevels = [SpinalLevel.T12, SpinalLevel.T11, SpinalLevel.T12], DoseGy = 10m }, Content().Plan[1] with { }],
        };

        d.Revise(again, Inputs(), Coordinator, Now.AddMinutes(3));

        DecisionHash.Content(d).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_content_field_changes_the_hash(string field)
    {
        var d = Draft();
        var before = DecisionHash.Content(d);
        var beforeSigned = DecisionHash.Signed(d);

        d.Revise(ContentChanges[field](Content()), Inputs(), Coordinator, Now);

        DecisionHash.Content(d).ShouldNotBe(before, field);
        DecisionHash.Signed(d).ShouldNotBe(beforeSigned, field);
    }

    [Fact]
    public void More_information_needed_items_change_the_hash()
    {
        var d = Draft(MoreInformation());
        var before = DecisionHash.Content(d);
        d.Revise(MoreInformation() with { InformationNeeded = [InformationNeeded.Imaging, InformationNeeded.Consult] }, Inputs(), Coordinator, Now);
        DecisionHash.Content(d).ShouldNotBe(before);
    }

    [Fact]
    public void The_suggestion_and_the_waivers_the_board_had_change_the_hash()
    {
        var d = Draft();
        var before = DecisionHash.Content(d);
        d.Revise(Content(), Inputs(nomsJson: """{"suggestion":"ConventionalEbrt"}"""), Coordinator, Now);
        var withOtherSuggestion = DecisionHash.Content(d);
        d.Revise(Content(), Inputs(waivers: [new WaiverSnapshot(Discipline.MedicalOncology, "On leave", "Dr. Nora Neurosurg", Now)]), Coordinator, Now);

        withOtherSuggestion.ShouldNotBe(before);
        DecisionHash.Content(d).ShouldNotBe(withOtherSuggestion);
        DecisionHash.Content(d).ShouldNotBe(before);
    }

    [Fact]
    public void A_position_changes_the_signed_hash_but_not_the_content_hash()
    {
        var d = Draft();
        var content = DecisionHash.Content(d);
        var signed0 = DecisionHash.Signed(d);

        d.RecordPosition(MedOnc, PositionKind.Agree, null, Now);
        var signed1 = DecisionHash.Signed(d);
        d.RecordPosition(MedOnc, PositionKind.Disagree, "SBRT alone.", Now);
        var signed2 = DecisionHash.Signed(d);
        d.RecordPosition(MedOnc, PositionKind.Disagree, "SBRT alone, 24 Gy.", Now);
        var signed3 = DecisionHash.Signed(d);

        DecisionHash.Content(d).ShouldBe(content);
        new[] { signed0, signed1, signed2, signed3 }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void The_order_positions_were_taken_in_does_not_change_the_signed_hash()
    {
        var target = Target();
        var a = Draft(target: target);
        var b = BoardDecision.Record(target, 1, Content(), Inputs(), Coordinator, Now);
        // Same decision id is needed for equal hashes: compare the canonical positions instead.
        a.RecordPosition(MedOnc, PositionKind.Agree, null, Now);
        a.RecordPosition(RadOnc, PositionKind.Abstain, null, Now);
        b.RecordPosition(RadOnc, PositionKind.Abstain, null, Now);
        b.RecordPosition(MedOnc, PositionKind.Agree, null, Now);

        DecisionJson.Serialize(DecisionHash.Canonical(a, positions: true).Positions)
            .ShouldBe(DecisionJson.Serialize(DecisionHash.Canonical(b, positions: true).Positions));
    }

    [Fact]
    public void The_amendment_reason_is_part_of_the_hashed_form()
    {
        var amendment = Signed().StartAmendment(2, "Dose corrected", Chair, Now);
        var canonical = DecisionHash.Canonical(amendment, positions: false);
        canonical.AmendmentReason.ShouldBe("Dose corrected");
        canonical.AmendsId.ShouldBe(amendment.AmendsId);

        var otherReason = DecisionHash.Sha256(DecisionJson.Serialize(canonical with { AmendmentReason = "Dose corrected after review" }));

        DecisionHash.Content(amendment).ShouldNotBe(otherReason);
        DecisionHash.Sha256(DecisionJson.Serialize(canonical)).ShouldBe(DecisionHash.Content(amendment));
    }

    [Fact]
    public void An_amendment_with_the_same_content_hashes_differently_from_the_version_it_amends()
    {
        var signed = Signed();
        var amendment = signed.StartAmendment(2, "Reason", Chair, Now);
        amendment.ContentJson.ShouldBe(signed.ContentJson);
        DecisionHash.Content(amendment).ShouldNotBe(DecisionHash.Content(signed));
    }

    [Fact]
    public void Two_decisions_with_equal_content_hash_differently_because_the_record_is_named()
    {
        var target = Target();
        var first = Draft(target: target);
        var second = Draft(target: target);
        first.ContentJson.ShouldBe(second.ContentJson);
        DecisionHash.Content(first).ShouldNotBe(DecisionHash.Content(second));

        var canonical = DecisionHash.Canonical(first, positions: true);
        (canonical.DecisionId, canonical.CaseId, canonical.MeetingId, canonical.AgendaItemId, canonical.Number)
            .ShouldBe((first.Id, target.CaseId, target.MeetingId, target.AgendaItemId, 1));
    }

    [Fact]
    public void A_stored_signature_is_intact_until_the_signed_content_changes()
    {
        var d = Signed();
        d.SignatureIsIntact.ShouldBeTrue();
        // What a direct database edit would do: the stored content no longer matches the signed hash.
        typeof(BoardDecision).GetProperty(nameof(BoardDecision.ContentJson))!
            .SetValue(d, DecisionJson.Serialize(d.Content with { Rationale = "Changed behind the board's back." }));
        d.SignatureIsIntact.ShouldBeFalse();
    }
}
