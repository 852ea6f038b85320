using System.Text.Json;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>
/// The whole decision history of a case as one machine-readable document for inspection (DH-8, REG-3): the case and
/// patient, every agenda listing, every assessment version with its content and the scores computed from it, the
/// waivers, every decision version in full (as <see cref="GetDecision"/> shows it: content, positions, signature
/// manifestation with hash and integrity, amendment chain, follow-ups) and the timeline of <see cref="GetCaseHistory"/>.
/// </summary>
public static class ExportCaseHistory
{
    public const string Format = "tumorboard.case-history/1";

    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Document>, ICaseRead;

    public sealed record Document(string Format, DateTimeOffset ExportedAt, string? ExportedBy, CaseSummary Case,
        IReadOnlyList<ListingRow> Listings, IReadOnlyList<AssessmentRecord> Assessments, IReadOnlyList<WaiverRecord> Waivers,
        IReadOnlyList<DecisionView> Decisions, IReadOnlyList<HistoryEvent> Events);

    public sealed record CaseSummary(Guid Id, CaseStatus Status, string? WithdrawalReason, GetCase.PatientSummary Patient, CaseDetails Details,
        DateTimeOffset CreatedAt, string? CreatedByName, DateTimeOffset UpdatedAt);

    public sealed record AssessmentRecord(Guid Id, Discipline Discipline, AssessmentStatus Status, int CurrentVersionNumber,
        int? SubmittedVersionNumber, IReadOnlyList<AssessmentVersionRecord> Versions);

    /// <summary>One assessment version exactly as saved: the content and the scores and warnings computed from it then.</summary>
    public sealed record AssessmentVersionRecord(Guid Id, int Number, AssessmentVersionKind Kind, Guid AuthorId, string AuthorName,
        DateTimeOffset CreatedAt, string? Reason, JsonElement Content, JsonElement Computed);

    public sealed record WaiverRecord(Guid Id, Guid MeetingId, Guid AgendaItemId, Discipline Discipline, string Reason, Guid WaivedById,
        string WaivedByName, DateTimeOffset WaivedAt);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : IQueryHandler<Query, Document>
    {
        public async ValueTask<Document> Handle(Query query, CancellationToken ct)
        {
            var data = (await CaseHistoryData.LoadAsync(db, query.CaseId, ct)) with { Zone = clock.Zone, ZoneName = clock.ZoneName };
            var now = clock.UtcNow;
            var c = data.Case.Case;
            return new Document(Format, now, user.DisplayName,
                new CaseSummary(c.Id, c.Status, c.WithdrawalReason, data.Case.Patient, c.Details, c.CreatedAt, data.Case.CreatedByName, c.UpdatedAt),
                data.Listings,
                [.. data.Assessments.OrderBy(a => a.Discipline).Select(Assessment)],
                [.. data.Waivers.Select(w => new WaiverRecord(w.Id, w.MeetingId, w.AgendaItemId, w.Discipline, w.Reason, w.WaivedById,
                    w.WaivedByName, w.WaivedAt))],
                [.. data.Decisions.Select(d => View(d, data, clock.Today))],
                CaseHistoryTimeline.Build(data));
        }

        static AssessmentRecord Assessment(Domain.Assessments.Assessment a) => new(a.Id, a.Discipline, a.Status, a.CurrentVersionNumber,
            a.SubmittedVersionNumber, [.. a.Versions.OrderBy(v => v.Number).Select(v => new AssessmentVersionRecord(v.Id, v.Number, v.Kind,
                v.AuthorId, v.AuthorName, v.CreatedAt, v.Reason, AssessmentReads.Json(v.ContentJson), AssessmentReads.Json(v.ComputedJson)))]);

        static DecisionView View(BoardDecision d, CaseHistoryData data, DateOnly today)
        {
            var listing = data.Listing(d.AgendaItemId);
            return DecisionView.From(d, listing?.MeetingTitle, listing?.MeetingStartsAt, listing?.ChairId,
                data.Decision(d.AmendsId)?.Number, data.Decision(d.SupersededById)?.Number, today);
        }
    }
}
