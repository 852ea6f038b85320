using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Mscc;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings.Agenda;

/// <summary>Schedules a ReadyForBoard case onto a planned meeting (the case becomes Scheduled).</summary>
public static class AddCaseToAgenda
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<AgendaItemAdded>
    {
        public Guid MeetingId { get; init; }
        public Guid CaseId { get; init; }
        /// <summary>Required after the submission cut-off unless the case is urgent or a P1 emergency of the MSCC fast track (audited).</summary>
        [MultiLine]
        public string? LateAdditionReason { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CaseId).NotEmpty().WithText("ChooseCase");
            RuleFor(c => c.LateAdditionReason).MaximumLength(1000);
        }
    }

    /// <summary>The new agenda item and the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed record AgendaItemAdded(Guid ItemId, GetMeeting.Result Meeting);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, AgendaItemAdded>
    {
        public async ValueTask<AgendaItemAdded> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            var tumorCase = await MeetingAccess.CaseAsync(db, c.CaseId, ct);
            var now = clock.UtcNow;
            // The triage matters only for a late addition without a reason (a P1 case needs none): asked only then.
            var triage = meeting.IsPastCutoff(now) && tumorCase.Urgency != Urgency.Urgent && string.IsNullOrWhiteSpace(c.LateAdditionReason)
                ? await db.MsccTracks.Where(t => t.CaseId == tumorCase.Id).Select(t => t.Triage).FirstOrDefaultAsync(ct)
                : TriageLevel.Routine;
            var item = meeting.AddCase(tumorCase, c.LateAdditionReason, user.RequiredId, now, triage);
            // meeting xmin + capacity check + one-open-agenda index guard races
            var saved = await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
            return new AgendaItemAdded(item.Id, saved);
        }
    }
}
