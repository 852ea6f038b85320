using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;

using TumorBoard.Domain.Mscc;

namespace TumorBoard.Web.Api;

public static class MeetingsEndpoints
{
    public sealed record AddCaseBody(Guid CaseId, string? LateAdditionReason);
    public sealed record ReasonBody(string? Reason);
    public sealed record OrderBody(List<Guid>? ItemIds);
    public sealed record MoveBody(int Offset);
    public sealed record MinutesBody(int? Minutes);
    /// <summary>Everyone present (an empty list: nobody); a missing or null list is refused, never read as "nobody".</summary>
    public sealed record AttendanceBody(List<Guid> PresentUserIds);
    public sealed record Planned(IReadOnlyList<Guid> MeetingIds);

    public static RouteGroupBuilder MapMeetingsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/meetings").WithTags("Meetings");
        g.MapGet("/", (([AsParameters] ListMeetings.Query q, ISender s, CancellationToken ct) => Ok(s.Send(q, ct)))).WithName("ListMeetings");
        g.MapGet("/next-with-room", NextWithRoom).WithName("NextMeetingWithRoom");
        g.MapGet("/{meetingId:guid}", Get).WithName("GetMeeting");
        g.MapGet("/{meetingId:guid}/agenda/{itemId:guid}/board", (Guid meetingId, Guid itemId, ISender s, CancellationToken ct) =>
            Ok(s.Send(new GetBoardView.Query(meetingId, itemId), ct))).WithName("GetBoardView");
        g.MapPost("/", Plan).WithName("PlanMeeting");
        g.MapPut("/{meetingId:guid}", Update).WithName("UpdateMeeting");
        g.MapPost("/{meetingId:guid}/agenda", AddCase).WithName("AddCaseToAgenda");
        g.MapPost("/{meetingId:guid}/agenda/{itemId:guid}/remove", (Guid meetingId, Guid itemId, ReasonBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new RemoveCaseFromAgenda.Command { MeetingId = meetingId, ItemId = itemId, Reason = b.Reason ?? "", ExpectedVersion = ifMatch.Version }, ct)).WithName("RemoveCaseFromAgenda");
        g.MapPut("/{meetingId:guid}/agenda/order", (Guid meetingId, OrderBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new ReorderAgenda.Command { MeetingId = meetingId, ItemIds = b.ItemIds, ExpectedVersion = ifMatch.Version }, ct)).WithName("ReorderAgenda");
        g.MapPost("/{meetingId:guid}/agenda/{itemId:guid}/move", (Guid meetingId, Guid itemId, MoveBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new ReorderAgenda.Command { MeetingId = meetingId, ItemId = itemId, Offset = b.Offset, ExpectedVersion = ifMatch.Version }, ct)).WithName("MoveAgendaItem");
        g.MapPut("/{meetingId:guid}/agenda/{itemId:guid}/minutes", (Guid meetingId, Guid itemId, MinutesBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new SetAgendaMinutes.Command { MeetingId = meetingId, ItemId = itemId, Minutes = b.Minutes, ExpectedVersion = ifMatch.Version }, ct)).WithName("SetAgendaMinutes");
        g.MapPut("/{meetingId:guid}/attendance", (Guid meetingId, AttendanceBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new RecordAttendance.Command { MeetingId = meetingId, PresentUserIds = b.PresentUserIds, ExpectedVersion = ifMatch.Version }, ct)).WithName("RecordAttendance");
        g.MapPost("/{meetingId:guid}/start", (Guid meetingId, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new StartMeeting.Command { MeetingId = meetingId, ExpectedVersion = ifMatch.Version }, ct)).WithName("StartMeeting");
        g.MapPost("/{meetingId:guid}/close", (Guid meetingId, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new CloseMeeting.Command { MeetingId = meetingId, ExpectedVersion = ifMatch.Version }, ct)).WithName("CloseMeeting");
        g.MapPost("/{meetingId:guid}/cancel", (Guid meetingId, ReasonBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new CancelMeeting.Command { MeetingId = meetingId, Reason = b.Reason, ExpectedVersion = ifMatch.Version }, ct)).WithName("CancelMeeting");
        g.MapPost("/{meetingId:guid}/agenda/{itemId:guid}/discussed", (Guid meetingId, Guid itemId, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = itemId, ExpectedVersion = ifMatch.Version }, ct)).WithName("MarkAgendaItemDiscussed");
        g.MapPost("/{meetingId:guid}/agenda/{itemId:guid}/defer", (Guid meetingId, Guid itemId, ReasonBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
            Change(s, res, new DeferCase.Command { MeetingId = meetingId, ItemId = itemId, Reason = b.Reason, ExpectedVersion = ifMatch.Version }, ct)).WithName("DeferAgendaItem");
        return g;
    }

    static async Task<Ok<T>> Ok<T>(ValueTask<T> result) => TypedResults.Ok(await result);

    static async Task<Results<Ok<ListMeetings.Row>, NoContent>> NextWithRoom(Urgency? urgency, TriageLevel? triage, ISender s,
        CancellationToken ct) =>
        await s.Send(new NextMeetingWithRoom.Query(urgency ?? Urgency.Urgent, triage), ct) is { } row ? TypedResults.Ok(row) : TypedResults.NoContent();

    static async Task<Ok<GetMeeting.Result>> Get(Guid meetingId, HttpResponse res, ISender s, CancellationToken ct) =>
        Respond(res, await s.Send(new GetMeeting.Query(meetingId), ct));

    static async Task<Created<Planned>> Plan(PlanMeeting.Command command, ISender s, CancellationToken ct)
    {
        var ids = await s.Send(command, ct);
        return TypedResults.Created($"/api/v1/meetings/{ids[0]}", new Planned(ids));
    }

    static async Task<Ok<GetMeeting.Result>> Update(Guid meetingId, UpdateMeeting.Command command, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct) =>
        Respond(res, await s.Send(command with { MeetingId = meetingId, ExpectedVersion = ifMatch.Version }, ct));

    static async Task<Created<GetMeeting.Result>> AddCase(Guid meetingId, AddCaseBody b, IfMatch ifMatch, HttpResponse res, ISender s, CancellationToken ct)
    {
        var added = await s.Send(new AddCaseToAgenda.Command
        {
            MeetingId = meetingId, CaseId = b.CaseId, LateAdditionReason = b.LateAdditionReason, ExpectedVersion = ifMatch.Version,
        }, ct);
        ETags.Set(res, added.Meeting.Version);
        return TypedResults.Created($"/api/v1/meetings/{meetingId}#agenda-{added.ItemId}", added.Meeting);
    }

    /// <summary>Every change answers with the meeting as its command saved it, never with a second read after the commit.</summary>
    static async Task<Ok<GetMeeting.Result>> Change(ISender s, HttpResponse res, ICommand<GetMeeting.Result> command, CancellationToken ct) =>
        Respond(res, await s.Send(command, ct));

    static Ok<GetMeeting.Result> Respond(HttpResponse res, GetMeeting.Result meeting)
    {
        ETags.Set(res, meeting.Version);
        return TypedResults.Ok(meeting);
    }
}
