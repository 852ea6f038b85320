using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>What <see cref="LifecycleTestData.FullAsync"/> built.</summary>
public sealed record Lifecycle(Board Board, Guid Original, Guid Amendment);

public static class LifecycleTestData
{
    /// <summary>
    /// A case through its whole life: registered, listed on a running meeting with the three specialists present, the three
    /// assessments submitted, a decision recorded with every position (agree, dissent with a reason, abstain), signed,
    /// followed up (step 1 implemented, with the date performed), amended with a reason and the amendment signed, and a
    /// follow-up on the amendment (step 2 not implemented, patient's wish).
    /// </summary>
    public static async Task<Lifecycle> FullAsync(AppFixture app)
    {
        var board = await DecisionTestData.BoardAsync(app);
        var content = await DecisionTestData.ContentAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board, content);
        await app.Send(AppFixture.Neurosurgeon, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command
            { DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = "Systemic therapy first would spare the surgery." });
        await app.Send(AppFixture.RadOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Abstain });
        var original = await DecisionTestData.SignAsync(app, draft.Id);
        var today = app.App.Services.GetRequiredService<BoardClock>().Today;
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
            { DecisionId = original.Id, StepNumber = 1, Status = FollowUpStatus.Implemented, PerformedOn = today, Note = "Decompression T5." });
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = original.Id, Reason = "The pathology report arrived after the meeting.",
            Content = content with { Rationale = content.Rationale + " Pathology confirmed renal cell carcinoma." },
        });
        var signed = await DecisionTestData.SignAsync(app, amendment.Id);
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
            { DecisionId = signed.Id, StepNumber = 2, Status = FollowUpStatus.NotImplemented, Reason = DeviationReason.PatientWish });
        return new Lifecycle(board, original.Id, signed.Id);
    }
}
