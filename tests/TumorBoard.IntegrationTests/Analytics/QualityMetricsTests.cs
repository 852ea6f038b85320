using FluentValidation;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Analytics.AnalyticsTestData;

namespace TumorBoard.IntegrationTests.Analytics;

/// <summary>Each quality measure of pathways.md §2 against a hand-built board with known numerators and denominators.</summary>
[Collection(AppCollection.Name)]
public sealed class QualityMetricsTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Each_measure_counts_the_hand_built_numerator_and_denominator()
    {
        await BoardAsync(app);

        var r = await app.Send(AppFixture.Coordinator, Around(app));

        r.Metrics.Select(m => m.Key).ShouldBe(QualityMetrics.All.Select(m => m.Key));
        r.Fraction("coverage").ShouldBe("1/3");
        r.Metric("coverage").Value.ShouldBe(0.3333);
        r.Fraction("prospective").ShouldBe("0/1");   // step 1 performed today, before the meeting's own date (it lies days ahead): retrospective
        r.Fraction("attendance").ShouldBe("1/1");
        r.Metric("attendance").Parts.Where(p => p.Group == "discipline").Select(p => (p.Key, p.Numerator, p.Denominator))
            .OrderBy(p => p.Key).ShouldBe([("MedicalOncology", (long?)1, 1L), ("Neurosurgery", (long?)1, 1L), ("RadiationOncology", (long?)1, 1L)]);
        r.Metric("attendance").Parts.Where(p => p.Group == "discipline").Select(p => p.Label).ShouldContain("Medical oncology");
        r.Metric("attendance").Parts.Where(p => p.Group == "member" && p.Numerator == 1).Count().ShouldBe(3);
        r.Fraction("case-quorum").ShouldBe("1/1");
        r.Metric("case-quorum").Parts.ShouldHaveSingleItem().Numerator.ShouldBe((long?)0);
        r.Fraction("listing-completeness").ShouldBe("26/26");
        r.Metric("listing-completeness").Parts.Count.ShouldBe(13);
        r.Fraction("deferral").ShouldBe("1/2");
        var reason = r.Metric("deferral").Parts.ShouldHaveSingleItem();
        (reason.Label, reason.Numerator, reason.Denominator).ShouldBe((DeferralReason, (long?)1, 1L));
        r.Fraction("more-information-needed").ShouldBe("0/1");
        r.Fraction("noms-concordance").ShouldBe("1/1");
        r.Fraction("implementation").ShouldBe("1/1");   // step 2 is not due yet: its follow-up date lies ahead
        r.Metric("implementation").Parts.ShouldContain(p => p.Group == "status" && p.Key == "Implemented" && p.Label == "Implemented" && p.Numerator == 1);
        r.Fraction("re-discussion").ShouldBe("0/1");
        r.Metric("referral-to-decision").Denominator.ShouldBe(1);
        r.Metric("referral-to-decision").Numerator.ShouldBeNull();
        (r.Metric("referral-to-decision").Median ?? -1).ShouldBeGreaterThanOrEqualTo(0);
        r.Metric("referral-to-decision").Value.ShouldBe(r.Metric("referral-to-decision").Median);
        (r.Metric("decision-to-treatment").Denominator, r.Metric("decision-to-treatment").Median).ShouldBe((1L, (double?)0));
        r.Fraction("report-sent").ShouldBe("0/1");   // no dispatch recorded (ReportDispatchTests)
        r.Fraction("amendments").ShouldBe("0/1");
        // the fast-track measures count settled clocks (FastTrackMetricsTests); every measure is counted
        r.Metric("fast-track-breaches").Numerator.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(r.Metric("fast-track-breaches").Denominator!.Value);
        r.Metrics.ShouldAllBe(m => m.Available && m.UnavailableReason == null);
        r.Months.ShouldHaveSingleItem().Decisions.ShouldBe(1);
        r.TimeToDecision.Sum(b => b.Count).ShouldBe(1);
    }

    [Fact]
    public async Task An_emergency_plan_made_outside_a_meeting_counts_by_the_day_it_was_signed_on_either_basis()
    {
        var caseId = await Decisions.EmergencyPlanTestData.P1CaseAsync(app);
        await Decisions.EmergencyPlanTestData.SignedAsync(app, caseId);

        foreach (var basis in new[] { PeriodBasis.MeetingDate, PeriodBasis.DecisionDate })
        {
            var r = await app.Send(AppFixture.Coordinator, Around(app) with { PeriodBy = basis });
            r.Fraction("amendments").ShouldBe("0/1");   // a signed version, the first
            r.Metric("referral-to-decision").Denominator.ShouldBe(1);   // the treatment plan agreed (issue #14 §1)
            r.Fraction("noms-concordance").ShouldBe("1/1");
            r.Fraction("case-quorum").ShouldBe("0/1");   // no assessment submitted for the case
            r.Months.ShouldHaveSingleItem().Decisions.ShouldBe(1);
            r.TimeToDecision.Sum(b => b.Count).ShouldBe(1);
        }
        var earlier = await app.Send(AppFixture.Coordinator, new GetQualityMetrics.Query { From = Today(app).AddDays(-40), To = Today(app).AddDays(-1) });
        earlier.Fraction("amendments").ShouldBe("0/0");
    }

    [Fact]
    public async Task An_amendment_is_counted_and_the_version_filter_chooses_the_current_or_every_signed_version()
    {
        var built = await BoardAsync(app);
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = built.Decision.Id, Reason = "Radiotherapy dose corrected",
            Content = await Decisions.DecisionTestData.ContentAsync(app) with { Rationale = "Dose corrected after radiotherapy planning." },
        });
        await Decisions.DecisionTestData.SignAsync(app, amendment.Id);

        var latest = await app.Send(AppFixture.Coordinator, Around(app));
        var all = await app.Send(AppFixture.Coordinator, Around(app) with { Versions = VersionScope.All });

        latest.Fraction("amendments").ShouldBe("1/1");
        all.Fraction("amendments").ShouldBe("1/1");
        latest.Fraction("case-quorum").ShouldBe("1/1");
        all.Fraction("case-quorum").ShouldBe("2/2");
        latest.Metric("referral-to-decision").Denominator.ShouldBe(1);   // the first decision only, whatever the versions
        all.Versions.ShouldBe(VersionScope.All);
    }

    [Fact]
    public async Task The_filters_narrow_every_measure_and_an_empty_denominator_has_no_value()
    {
        await BoardAsync(app);

        var otherPrimary = await app.Send(AppFixture.Coordinator, Around(app) with { Histology = PrimaryHistology.Thyroid });
        otherPrimary.Fraction("coverage").ShouldBe("0/0");
        otherPrimary.Metric("coverage").Value.ShouldBeNull();
        otherPrimary.Fraction("case-quorum").ShouldBe("0/0");
        otherPrimary.Metric("referral-to-decision").Median.ShouldBeNull();

        var other = await app.Send(AppFixture.Coordinator, Around(app) with { Outcome = DecisionOutcome.MoreInformationNeeded });
        other.Fraction("noms-concordance").ShouldBe("0/0");
        other.Fraction("deferral").ShouldBe("1/2");   // listing measures do not depend on the outcome

        var byReferrer = await app.Send(AppFixture.Coordinator, Around(app) with { Referrer = "nobody of that name" });
        byReferrer.Fraction("coverage").ShouldBe("0/0");

        var byDecisionDate = await app.Send(AppFixture.Coordinator, new GetQualityMetrics.Query
        {
            From = Today(app), To = Today(app), PeriodBy = PeriodBasis.DecisionDate,
        });
        byDecisionDate.Fraction("case-quorum").ShouldBe("1/1");   // signed today, though the meeting lies ahead
        byDecisionDate.Fraction("attendance").ShouldBe("0/0");    // meetings count by their own date

        var radiology = await app.Send(AppFixture.Coordinator, Around(app) with { Discipline = Discipline.Radiology });
        radiology.Fraction("case-quorum").ShouldBe("0/0");
        radiology.Metric("attendance").Parts.ShouldAllBe(p => p.Group == "member");
    }

    [Fact]
    public async Task Implementation_counts_steps_done_fully_or_partly_over_the_steps_due_with_the_latest_state_and_its_reason()
    {
        var built = await BoardAsync(app);   // step 1 implemented today; step 2 not due (its follow-up date lies ahead)
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
        {
            DecisionId = built.Decision.Id, StepNumber = 2, Status = FollowUpStatus.NotImplemented, Reason = DeviationReason.PatientWish,
        });

        var r = await app.Send(AppFixture.Coordinator, Around(app));
        r.Fraction("implementation").ShouldBe("1/2");   // a step with a follow-up recorded is due, whatever its date
        var parts = r.Metric("implementation").Parts;
        parts.Where(p => p.Group == "status").Select(p => (p.Key, p.Numerator, p.Denominator)).OrderBy(p => p.Key)
            .ShouldBe([("Implemented", (long?)1, 2L), ("NotImplemented", (long?)1, 2L)]);
        var reason = parts.Where(p => p.Group == "reason").ShouldHaveSingleItem();
        (reason.Key, reason.Label, reason.Numerator, reason.Denominator)
            .ShouldBe((nameof(DeviationReason.PatientWish), TumorBoard.Domain.Common.DisplayWords.Of(DeviationReason.PatientWish), (long?)1, 1L));

        // The latest follow-up of a step is its state: step 2 now unknown (shown apart), step 1 partly done (still counted).
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command { DecisionId = built.Decision.Id, StepNumber = 2, Status = FollowUpStatus.Unknown });
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
        {
            DecisionId = built.Decision.Id, StepNumber = 1, Status = FollowUpStatus.PartiallyImplemented, Reason = DeviationReason.MedicalReason,
            PerformedOn = Today(app),
        });

        var later = await app.Send(AppFixture.Coordinator, Around(app));
        later.Fraction("implementation").ShouldBe("1/2");
        later.Metric("implementation").Parts.Where(p => p.Group == "status").Select(p => p.Key).Order(StringComparer.Ordinal)
            .ShouldBe(["PartiallyImplemented", "Unknown"]);
        later.Metric("implementation").Parts.Where(p => p.Group == "reason").ShouldHaveSingleItem().Key.ShouldBe(nameof(DeviationReason.MedicalReason));
        later.Months.ShouldHaveSingleItem().StepsDue.ShouldBe(2);
        later.Months.Single().StepsImplemented.ShouldBe(1);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_under_its_field()
    {
        var failure = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator,
            new GetQualityMetrics.Query { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 4, 30), Referrer = new string('x', 201) }));
        failure.Errors.Select(e => e.PropertyName).Order().ShouldBe(["Referrer", "To"]);
    }

    [Fact]
    public async Task An_administrator_sees_no_clinical_measure()
    {
        await Should.ThrowAsync<TumorBoard.Domain.Common.ForbiddenException>(() => app.Send(AppFixture.Admin, new GetQualityMetrics.Query()));
    }
}
