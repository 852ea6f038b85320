using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Reports;

/// <summary>
/// Records that the report of a signed decision version went to the referrer (pathways.md §2, measure 11): the channel,
/// the recipient (the case's referring clinician unless another is named), when it left (now unless given; not in the
/// future beyond a few minutes of clock skew, not before the signature) and a note. Append-only and audited; a wrong entry
/// is followed by a correct one. A draft decision has no report to send (409).
/// </summary>
public static class RecordReportDispatch
{
    [RequiresRole(Roles.Coordinator, Roles.Clinician)]
    public sealed record Command : ICommand<ReportDispatchView>
    {
        public Guid DecisionId { get; init; }
        /// <summary>Required: nullable so that a missing channel is an error, never a silent "Post".</summary>
        public ReportChannel? Channel { get; init; }
        /// <summary>Who received it; empty means the case's referring clinician.</summary>
        public string? Recipient { get; init; }
        /// <summary>When it left (an instant with its offset; the page enters it in the board's local time); empty means now.</summary>
        public DateTimeOffset? SentAt { get; init; }
        [MultiLine]
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        public Validator(BoardClock clock)
        {
            RuleFor(c => c.Channel).NotNull()
                .WithText("ChooseHowReportWasSentPost").IsInEnum();
            RuleFor(c => c.Recipient).MaximumLength(ReportDispatch.RecipientMaxLength);
            RuleFor(c => c.SentAt).Must(t => t is null || (t >= ClinicalDates.EarliestInstant && t <= clock.UtcNow.Add(ClockSkew)))
                .WithText("Report_SentAtRange", ClinicalDates.Show(ClinicalDates.Earliest));
            RuleFor(c => c.Note).MaximumLength(ReportDispatch.NoteMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, ReportDispatchView>
    {
        public async ValueTask<ReportDispatchView> Handle(Command c, CancellationToken ct)
        {
            var decision = await ReportDispatchAccess.DecisionAsync(db, c.DecisionId, ct);
            var sentAt = c.SentAt ?? clock.UtcNow;
            if (decision.SignedAt is { } signedAt && sentAt < signedAt)
                throw Invalid(nameof(Command.SentAt),
                    $"The report cannot have been sent before the decision was signed ({TimeZoneInfo.ConvertTime(signedAt, clock.Zone):yyyy-MM-dd HH:mm}).");
            var recipient = string.IsNullOrWhiteSpace(c.Recipient)
                ? await db.Cases.Where(x => x.Id == decision.CaseId).Select(x => x.ReferringClinician).FirstOrDefaultAsync(ct)
                : c.Recipient;
            if (decision.Status != DecisionStatus.Draft && string.IsNullOrWhiteSpace(recipient))
                throw Invalid(nameof(Command.Recipient), "Name who the report was sent to: the case names no referring clinician.");
            var dispatch = ReportDispatch.Record(decision, c.Channel!.Value, recipient ?? "", sentAt, c.Note,
                await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            db.ReportDispatches.Add(dispatch);
            await db.SaveChangesAsync(ct);
            return await ReportDispatchView.Project(db.ReportDispatches.AsNoTracking().Where(x => x.Id == dispatch.Id)).FirstAsync(ct);
        }

        static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
    }
}
