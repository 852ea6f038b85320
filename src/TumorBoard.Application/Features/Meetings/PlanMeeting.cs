using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Plans one meeting, or a weekly series of them in one step.</summary>
public static class PlanMeeting
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : MeetingFields, ICommand<IReadOnlyList<Guid>>
    {
        /// <summary>1 for a single meeting; N creates N meetings one week apart.</summary>
        public int WeeklyOccurrences { get; init; } = 1;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db)
        {
            Include(new MeetingFieldsValidator(clock, db));
            RuleFor(c => c.WeeklyOccurrences).InclusiveBetween(1, 52).WithText("SeriesHas152WeeklyMeetings");
            // Measured back from the horizon, so that no start (however far off) makes the arithmetic overflow.
            RuleFor(c => c.WeeklyOccurrences)
                .Must((c, n) => c.StartsAt is not { } start || n is < 1 or > 52 || start > LatestStart(clock)
                    || start <= LatestStart(clock).AddDays(-7 * (n - 1)))
                .WithText("Meeting_SeriesHorizon", _ => [ClinicalDates.PlanningYearsAhead, ClinicalDates.Show(ClinicalDates.LatestPlanned(clock))]);
        }
    }

    static DateTimeOffset LatestStart(BoardClock clock) =>
        new(ClinicalDates.LatestPlanned(clock).ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Command c, CancellationToken ct)
        {
            var now = clock.UtcNow;
            Guid? series = c.WeeklyOccurrences > 1 ? Guid.CreateVersion7() : null;
            var cutoffOffset = c.StartsAt!.Value - (c.SubmissionCutoff ?? c.StartsAt!.Value - Meeting.DefaultCutoff);
            List<Guid> ids = [];
            for (var week = 0; week < c.WeeklyOccurrences; week++)
            {
                var start = c.StartsAt.Value.AddDays(7 * week);
                var meeting = Meeting.Plan(new MeetingPlan(c.Title, start, c.DurationMinutes, c.Location, c.VideoLink,
                    c.ChairId!.Value, c.Capacity, start - cutoffOffset), series, user.RequiredId, now);
                db.Meetings.Add(meeting);
                ids.Add(meeting.Id);
            }
            await db.SaveChangesAsync(ct);
            return ids;
        }
    }
}

public static class ChairRules
{
    public static async Task<bool> IsActiveSpecialistAsync(TumorBoardDbContext db, Guid? userId, CancellationToken ct) =>
        userId is { } id && await (from u in db.Users
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where u.Id == id && u.IsActive && r.Name == Roles.Specialist
                                   select u.Id).AnyAsync(ct);
}

/// <summary>What a coordinator enters about a meeting; shared by PlanMeeting and UpdateMeeting.</summary>
public record MeetingFields
{
        public string Title { get; init; } = "";
        /// <summary>The start in UTC (pages convert from the configured time zone).</summary>
        public DateTimeOffset? StartsAt { get; init; }
        public int DurationMinutes { get; init; } = 90;
        public string? Location { get; init; }
        public string? VideoLink { get; init; }
        public Guid? ChairId { get; init; }
        public int Capacity { get; init; } = 12;
        /// <summary>Optional; default 24 h before the start.</summary>
        public DateTimeOffset? SubmissionCutoff { get; init; }
}

public sealed class MeetingFieldsValidator : AbstractValidator<MeetingFields>
{
        /// <summary>How long before the start the agenda may close.</summary>
        public static readonly TimeSpan MaxCutoffLead = TimeSpan.FromDays(365);

        public MeetingFieldsValidator(BoardClock clock, TumorBoardDbContext db)
        {
            RuleFor(c => c.Title).NotEmpty().WithText("EnterTitle").MaximumLength(200);
            RuleFor(c => c.StartsAt).NotNull().WithText("EnterStart")
                .Must(s => s is null || s > clock.UtcNow).WithText("MeetingStartFuture")
                .WithinPlanningHorizon(clock, "Subject_MeetingStart");
            RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 480).WithText("Duration15480Minutes");
            RuleFor(c => c.Capacity).InclusiveBetween(1, 100).WithText("Capacity1100Cases");
            RuleFor(c => c.Location).MaximumLength(200);
            RuleFor(c => c.VideoLink).MaximumLength(500)
                .Must(v => v is null || (Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps))
                .WithText("VideoLinkHttpsAddress");
            RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Location) || !string.IsNullOrWhiteSpace(c.VideoLink))
                .WithName("Location").OverridePropertyName("Location").WithText("GiveLocationVideoLinkBoth");
            RuleFor(c => c.SubmissionCutoff).BoardInstant(clock, "Subject_SubmissionCutoff");
            RuleFor(c => c.SubmissionCutoff).Must((c, cut) => cut is null || c.StartsAt is null || cut <= c.StartsAt)
                .WithText("SubmissionCutOffBeforeStart")
                .Must((c, cut) => cut is null || c.StartsAt is null || c.StartsAt.Value - cut.Value <= MaxCutoffLead)
                .WithText("Meeting_CutoffLead", MaxCutoffLead.TotalDays);
            RuleFor(c => c.ChairId).NotNull().WithText("ChooseChair");
            RuleFor(c => c.ChairId)   // separate rule: a When() in the chain would switch off NotNull as well
                .MustAsync((id, ct) => ChairRules.IsActiveSpecialistAsync(db, id, ct)).When(c => c.ChairId is not null)
                .WithText("ChairActiveSpecialist");
        }
    }
