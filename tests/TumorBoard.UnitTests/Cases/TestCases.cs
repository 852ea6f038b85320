using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Application.Common.Models;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace TumorBoard.UnitTests.Cases;

/// <summary>Cases in every status, built through the domain's own transitions.</summary>
public static class TestCases
{
    public static readonly Guid Actor = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A case with the complete minimum dataset.</summary>
    public static CaseDetails Complete() => new()
    {
        Histology = PrimaryHistology.Breast,
        DiagnosisDate = new DateOnly(2023, 2, 1),
        Lesions = [new SpinalLesion { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T12,
            Compartments = [Compartment.VertebralBody], ImagingDate = new DateOnly(2026, 3, 1) }],
        Pain = PainCharacter.Mechanical, Frankel = FrankelGrade.D, Myelopathy = false, Urgency = Urgency.Routine,
        Ecog = 1, ExtraspinalBoneMetastases = 0, VisceralMetastases = VisceralMetastases.None, BrainMetastases = false,
        ClinicalQuestion = "Stabilisation or radiotherapy alone?", ReferringClinician = "Dr. Referrer",
    };

    public static TumorBoardCase In(CaseStatus status, CaseDetails? details = null)
    {
        var c = TumorBoardCase.Register(Guid.NewGuid(), details ?? Complete(), Actor, Now);
        switch (status)
        {
            case CaseStatus.Draft: break;
            case CaseStatus.ReadyForBoard: c.MarkReady(Actor, Now); break;
            case CaseStatus.Scheduled: c.MarkReady(Actor, Now); c.Schedule(Actor, Now); break;
            case CaseStatus.Discussed: c.MarkReady(Actor, Now); c.Schedule(Actor, Now); c.MarkDiscussed(Actor, Now); break;
            case CaseStatus.Decided: c.MarkReady(Actor, Now); c.Schedule(Actor, Now); c.MarkDecided(Actor, Now); break;
            case CaseStatus.Closed: c.MarkReady(Actor, Now); c.Schedule(Actor, Now); c.MarkDecided(Actor, Now); c.Close(Actor, Now); break;
            case CaseStatus.Withdrawn: c.Withdraw("Patient declined", Actor, Now); break;
        }
        c.Status.ShouldBe(status);
        return c;
    }
}

/// <summary>The board's clock standing still at <see cref="TestCases.Now"/>: a FakeTimeProvider in the board's default zone.</summary>
public static class FixedClock
{
    public static readonly BoardClock At2026 = new(new FakeTimeProvider(TestCases.Now), Options.Create(new BoardOptions()));
    public static DateOnly Today => At2026.Today;
}
