using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.PatientLetters;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>The case with its patient and who registered it.</summary>
public sealed record CaseRow(TumorBoardCase Case, GetCase.PatientSummary Patient, string? CreatedByName);

/// <summary>One listing of the case on a meeting's agenda, with the meeting it was on.</summary>
public sealed record ListingRow(Guid ItemId, Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, Guid ChairId,
    AgendaItemStatus Status, bool IsLateAddition, string? LateAdditionReason, string? Reason, DateTimeOffset AddedAt, string? AddedByName);

/// <summary>An audit row about the case, one of its agenda listings, decisions or positions.</summary>
public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string? ActorName, string Action, string EntityType, string EntityId,
    string Operation, string Changes);

/// <summary>
/// Everything a case's decision history is built from, read with six queries whatever the size of the history (no
/// query per row): the case, its agenda listings, its assessments with every version, its waivers, its decision
/// versions with positions and follow-ups, and the audit rows of those records. Each uses an index on the case id
/// (or the audit trail's (entity_type, entity_id, id) index).
/// </summary>
public sealed record CaseHistoryData(CaseRow Case, IReadOnlyList<ListingRow> Listings, IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<AssessmentWaiver> Waivers, IReadOnlyList<BoardDecision> Decisions, IReadOnlyList<AuditRow> Audit)
{
    /// <summary>The board's zone and its name: the events' words give meeting times in it (the instants stay UTC).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
    public string ZoneName { get; init; } = "UTC";
    /// <summary>The letters to the patient about the case's decision versions, with their versions (pathways.md §4).</summary>
    public IReadOnlyList<PatientLetter> Letters { get; init; } = [];

    public static async Task<CaseHistoryData> LoadAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct)
    {
        var tumorCase = await (
            from c in db.Cases.AsNoTracking()
            join p in db.Patients on c.PatientId equals p.Id
            where c.Id == caseId
            select new CaseRow(c, new GetCase.PatientSummary(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex),
                db.Users.Where(u => u.Id == c.CreatedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .FirstOrDefaultAsync(ct) ?? throw NotFoundException.For("Case", caseId);

        var listings = await (
            from i in db.AgendaItems.AsNoTracking()
            join m in db.Meetings.IgnoreAutoIncludes() on i.MeetingId equals m.Id
            where i.CaseId == caseId
            orderby i.AddedAt
            select new ListingRow(i.Id, m.Id, m.Title, m.StartsAt, m.ChairId, i.Status, i.IsLateAddition, i.LateAdditionReason, i.Reason,
                i.AddedAt, db.Users.Where(u => u.Id == i.AddedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Versions).Where(a => a.CaseId == caseId).ToListAsync(ct);
        var waivers = await db.AssessmentWaivers.AsNoTracking().Where(w => w.CaseId == caseId).OrderBy(w => w.WaivedAt).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Number).ToListAsync(ct);

        var audit = await AuditAsync(db, caseId, listings.Select(l => l.ItemId), decisions, ct);
        var letters = await db.PatientLetters.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync(ct);
        return new CaseHistoryData(tumorCase, listings, assessments, waivers, decisions, audit) { Letters = letters };
    }

    /// <summary>The audit rows (additions and changes) of the case, its listings, its decision versions and their positions.</summary>
    static Task<List<AuditRow>> AuditAsync(TumorBoardDbContext db, Guid caseId, IEnumerable<Guid> itemIds,
        IReadOnlyList<BoardDecision> decisions, CancellationToken ct)
    {
        var caseKey = caseId.ToString();
        var items = itemIds.Select(id => id.ToString()).ToList();
        var decisionKeys = decisions.Select(d => d.Id.ToString()).ToList();
        var positions = decisions.SelectMany(d => d.Positions).Select(p => p.Id.ToString()).ToList();
        return db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(TumorBoardCase) && a.EntityId == caseKey)
                || (a.EntityType == nameof(AgendaItem) && items.Contains(a.EntityId))
                || (a.EntityType == nameof(BoardDecision) && decisionKeys.Contains(a.EntityId))
                || (a.EntityType == nameof(DecisionPosition) && positions.Contains(a.EntityId)))
            .Where(a => a.Operation == "Added" || a.Operation == "Modified")
            .OrderBy(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Operation, a.Changes))
            .ToListAsync(ct);
    }

    public ListingRow Listing(Guid itemId) => Listings.First(l => l.ItemId == itemId);
    /// <summary>The discussion a decision was made in; null for an emergency plan made outside a meeting.</summary>
    public ListingRow? Listing(Guid? itemId) => itemId is { } id ? Listing(id) : null;

    public BoardDecision? Decision(Guid? id) => id is null ? null : Decisions.FirstOrDefault(d => d.Id == id);
}
