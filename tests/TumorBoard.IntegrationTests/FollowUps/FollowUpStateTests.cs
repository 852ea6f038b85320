using TumorBoard.Application.Features.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.FollowUps;

/// <summary>
/// Follow-up work kept as data (issue #11): decision_follow_up_states, kept by triggers in the transaction of each write,
/// stays what the decisions and their follow-ups say, and the overdue list read from it is the list the old per-step
/// computation gave.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpStateTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    DateOnly Today => app.App.Services.GetRequiredService<BoardClock>().Today;

    [Fact]
    public async Task The_kept_state_follows_signing_a_follow_up_an_amendment_and_the_next_follow_up()
    {
        var draft = await RecordAsync(app, await BoardAsync(app));
        (await StateAsync(draft.Id)).ShouldBeNull();   // a draft is nothing to follow up

        var signed = await SignAsync(app, draft.Id);
        var state = (await StateAsync(signed.Id)).ShouldNotBeNull();
        (state.PlanSteps, state.OpenSteps).ShouldBe((2, 2));
        state.ResponsibleClinicianId.ShouldBe(await app.UserIdAsync(AppFixture.Clinician));
        state.FollowUpDate.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        state.DueOrder.ShouldBe(state.FollowUpDate!.Value);

        await FollowUpAsync(signed.Id, 1, FollowUpStatus.Implemented);
        (await StateAsync(signed.Id))!.OpenSteps.ShouldBe(1);

        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = signed.Id, Reason = "Step 2 dropped; follow up earlier",
            Content = await ContentAsync(app) with { Plan = [(await ContentAsync(app)).Plan[0]], FollowUpDate = Today.AddDays(10) },
        });
        (await StateAsync(signed.Id)).ShouldNotBeNull();   // still current until the amendment is signed
        (await StateAsync(amendment.Id)).ShouldBeNull();

        await SignAsync(app, amendment.Id);
        (await StateAsync(signed.Id)).ShouldBeNull();      // superseded: no longer followed up
        var amended = (await StateAsync(amendment.Id)).ShouldNotBeNull();
        (amended.PlanSteps, amended.OpenSteps, amended.FollowUpDate, amended.DueOrder)
            .ShouldBe((1, 1, (DateOnly?)Today.AddDays(10), Today.AddDays(10)));

        await FollowUpAsync(amendment.Id, 1, FollowUpStatus.Unknown);
        (await StateAsync(amendment.Id))!.OpenSteps.ShouldBe(1);   // "unknown" keeps the step open
        await FollowUpAsync(amendment.Id, 1, FollowUpStatus.Implemented);
        (await StateAsync(amendment.Id))!.OpenSteps.ShouldBe(0);
        await StatesAgreeWithTheDecisionsAsync();
    }

    [Fact]
    public async Task The_overdue_list_is_what_counting_each_step_gives_on_a_mixed_set()
    {
        // Past due with every step open, one open, none open (one by "partially implemented"), a later "unknown" reopening
        // a step, due today, due later, and a superseded version.
        var dues = new[] { -9, -7, -5, -3, -1, 0, 4 };
        List<Guid> ids = [];
        foreach (var days in dues) ids.Add((await SignedDueAsync(Today.AddDays(days))).Id);
        await FollowUpAsync(ids[1], 1, FollowUpStatus.Implemented);
        await FollowUpAsync(ids[2], 1, FollowUpStatus.Implemented);
        await FollowUpAsync(ids[2], 2, FollowUpStatus.PartiallyImplemented);
        await FollowUpAsync(ids[3], 1, FollowUpStatus.NotImplemented, DeviationReason.PatientWish);
        await FollowUpAsync(ids[3], 2, FollowUpStatus.Implemented);
        await FollowUpAsync(ids[3], 1, FollowUpStatus.Unknown);
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
            { DecisionId = ids[4], Reason = "Timing corrected", Content = await ContentAsync(app) });
        await SignAsync(app, amendment.Id);

        var listed = await app.Send(AppFixture.Coordinator, new ListOverdueFollowUps.Query { PageSize = 100 });
        var expected = await CountedOverdueAsync(Today);
        listed.Items.Select(r => (r.DecisionId, r.OpenSteps, r.PlanSteps)).ShouldBe(expected);
        expected.Select(e => e.Id).ShouldBe([ids[0], ids[1], ids[3]]);
        listed.TotalCount.ShouldBe(3);

        // Page by page through the cursor: the same rows, in the same order.
        var first = await app.Send(AppFixture.Coordinator, new ListOverdueFollowUps.Query { PageSize = 2 });
        var second = await app.Send(AppFixture.Coordinator, new ListOverdueFollowUps.Query { PageSize = 2, Cursor = first.Next });
        first.Items.Concat(second.Items).Select(r => r.DecisionId).ShouldBe(expected.Select(e => e.Id));
        second.Next.ShouldBeNull();
        await StatesAgreeWithTheDecisionsAsync();
    }

    /// <summary>The computation the lists made on every request before issue #11: each step's latest follow-up, per decision.</summary>
    async Task<List<(Guid Id, int OpenSteps, int PlanSteps)>> CountedOverdueAsync(DateOnly today)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT * FROM (
              SELECT d.id, d.follow_up_date, d.signed_at,
                     (SELECT count(*)::int FROM generate_series(1, coalesce(jsonb_array_length(d.content -> 'plan'), 0)) AS s(n)
                       WHERE coalesce((SELECT f.status FROM decision_follow_ups f WHERE f.decision_id = d.id AND f.step_number = s.n
                                        ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1), 'Unknown') = 'Unknown') AS open_steps,
                     coalesce(jsonb_array_length(d.content -> 'plan'), 0) AS plan_steps
                FROM decisions d WHERE d.status = 'Signed') x
             WHERE follow_up_date < @today AND open_steps > 0
             ORDER BY follow_up_date, signed_at, id
            """, conn);
        cmd.Parameters.AddWithValue("today", today);
        List<(Guid, int, int)> rows = [];
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetInt32(3), reader.GetInt32(4)));
        return rows;
    }

    /// <summary>Every current signed decision has exactly one state, with its plan and open steps as its follow-ups say.</summary>
    async Task StatesAgreeWithTheDecisionsAsync()
    {
        var decisions = await app.QueryDbAsync(db => db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Signed).ToListAsync());
        var states = await app.QueryDbAsync(db => db.DecisionFollowUpStates.AsNoTracking().ToDictionaryAsync(s => s.DecisionId));
        states.Count.ShouldBe(decisions.Count);
        foreach (var d in decisions)
        {
            var s = states[d.Id];
            (s.CaseId, s.PlanSteps, s.FollowUpDate, s.ResponsibleClinicianId, s.SignedAt)
                .ShouldBe((d.CaseId, d.Content.Plan.Count, d.FollowUpDate, d.ResponsibleClinicianId, d.SignedAt!.Value));
            s.OpenSteps.ShouldBe(d.CurrentFollowUps().Count(f => f is null || f.Status == FollowUpStatus.Unknown));
        }
    }

    async Task<DecisionFollowUpState?> StateAsync(Guid decisionId) =>
        await app.QueryDbAsync(db => db.DecisionFollowUpStates.AsNoTracking().SingleOrDefaultAsync(s => s.DecisionId == decisionId));

    async Task<DecisionSaved> SignedDueAsync(DateOnly due)
    {
        var draft = await RecordAsync(app, await BoardAsync(app), await ContentAsync(app) with { FollowUpDate = due >= Today ? due : Today });
        if (due < Today)
        {
            // A past follow-up date cannot be entered (the form refuses it): written into the draft before signing, as the
            // neighbouring FollowUpTests do, so the signature covers it.
            await using var conn = new NpgsqlConnection(app.App.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                UPDATE decisions SET follow_up_date = @due, content = jsonb_set(content, '{followUpDate}', to_jsonb(@text))
                 WHERE id = @id AND status = 'Draft'
                """, conn);
            cmd.Parameters.AddWithValue("due", due);
            cmd.Parameters.AddWithValue("text", due.ToString("yyyy-MM-dd"));
            cmd.Parameters.AddWithValue("id", draft.Id);
            (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        return await SignAsync(app, draft.Id);
    }

    Task<DecisionSaved> FollowUpAsync(Guid decisionId, int step, FollowUpStatus status, DeviationReason? reason = null) =>
        app.Send(AppFixture.Clinician, new RecordFollowUp.Command { DecisionId = decisionId, StepNumber = step, Status = status, Reason = reason });
}
