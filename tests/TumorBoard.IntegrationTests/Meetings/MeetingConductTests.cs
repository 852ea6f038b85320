using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>
/// Running a meeting is five use cases, one per verb: each names itself in the audit trail and declares who may send it,
/// so the pipeline (not the handler) refuses the wrong role.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MeetingConductTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_audit_trail_names_each_conduct_step_after_its_own_use_case()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        var cancelled = (await MeetingTestData.MeetingWithCasesAsync(app, cases: 1)).MeetingId;

        var before = await app.QueryDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;

        await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = meetingId });
        await app.Send(AppFixture.Coordinator, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = items[0] });
        await app.Send(AppFixture.Coordinator, new DeferCase.Command { MeetingId = meetingId, ItemId = items[1], Reason = "Awaiting biopsy" });
        await app.Send(AppFixture.Coordinator, new CloseMeeting.Command { MeetingId = meetingId });
        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = cancelled, Reason = "Holiday" });

        // Every row the five steps wrote, grouped by the action that wrote it, in the order the steps ran.
        var actions = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.Id > before)
            .GroupBy(a => a.Action).Select(g => new { Action = g.Key, First = g.Min(a => a.Id) })
            .OrderBy(g => g.First).Select(g => g.Action).ToListAsync());
        actions.ShouldBe(["StartMeeting", "MarkCaseDiscussed", "DeferCase", "CloseMeeting", "CancelMeeting"]);
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    public static TheoryData<Type, string[]> Declared() => new()
    {
        { typeof(StartMeeting.Command), [Roles.Coordinator, Roles.Specialist] },
        { typeof(CloseMeeting.Command), [Roles.Coordinator, Roles.Specialist] },
        { typeof(CancelMeeting.Command), [Roles.Coordinator] },
        { typeof(DeferCase.Command), [Roles.Coordinator, Roles.Specialist] },
        { typeof(MarkCaseDiscussed.Command), [Roles.Coordinator, Roles.Specialist] },
    };

    [Theory]
    [MemberData(nameof(Declared))]
    public void Each_conduct_step_declares_its_roles_on_its_own_command(Type command, string[] roles) =>
        command.GetCustomAttributes<RequiresRoleAttribute>().SelectMany(a => a.Roles).Order().ShouldBe(roles.Order());

    [Fact]
    public async Task The_chair_may_not_cancel_the_meeting_and_the_pipeline_refuses_before_the_handler_runs()
    {
        var (meetingId, _, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);

        // No reason: the validator would refuse too; the role check comes first.
        var refusal = await Should.ThrowAsync<ForbiddenException>(() =>
            app.Send(AppFixture.Neurosurgeon, new CancelMeeting.Command { MeetingId = meetingId }));
        refusal.Message.ShouldBe($"This needs the role {Roles.Coordinator}.");   // the pipeline's words, not a handler's

        // A meeting that does not exist: still the role answer, because the role is checked before anything is loaded.
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.Send(AppFixture.Neurosurgeon, new CancelMeeting.Command { MeetingId = Guid.NewGuid(), Reason = "Holiday" }));
    }

    /// <summary>The chair is the meeting's own: another specialist passes the role check but not the record rule.</summary>
    [Fact]
    public async Task A_specialist_who_is_not_the_chair_may_run_no_conduct_step()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);

        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc, new StartMeeting.Command { MeetingId = meetingId }));
        await app.Send(AppFixture.Neurosurgeon, new StartMeeting.Command { MeetingId = meetingId });
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.Send(AppFixture.MedOnc, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = items[0] }));
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.Send(AppFixture.RadOnc, new DeferCase.Command { MeetingId = meetingId, ItemId = items[0], Reason = "Awaiting biopsy" }));
        await app.Send(AppFixture.Neurosurgeon, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = items[0] });
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Clinician, new CloseMeeting.Command { MeetingId = meetingId }));
        await app.Send(AppFixture.Neurosurgeon, new CloseMeeting.Command { MeetingId = meetingId });
    }
}
