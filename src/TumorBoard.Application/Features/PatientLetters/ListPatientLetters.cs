using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>
/// The letters of a decision version's amendment chain, newest decision version first: the letter of this version and
/// those of the versions it amends (each marked superseded), so the page shows what the patient was told before. Small
/// by nature (one letter per signed version), so not paged.
/// </summary>
public static class ListPatientLetters
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, Guid DecisionId, int DecisionNumber, string DecisionHash, LetterStatus Status, PatientLanguage Language,
        int CurrentVersionNumber, IReadOnlyList<LetterVersionRow> Versions, LetterSentView? Sent, DateTimeOffset CreatedAt,
        string CreatedByName, uint Version);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            var decision = await db.Decisions.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(d => d.Id == q.DecisionId, ct)
                ?? throw NotFoundException.For("Decision", q.DecisionId);
            var chain = await db.Decisions.AsNoTracking().IgnoreAutoIncludes().Where(d => d.CaseId == decision.CaseId && d.Number <= decision.Number)
                .ToDictionaryAsync(d => d.Id, ct);
            var ids = new List<Guid>();
            for (Guid? id = decision.Id; id is { } current && chain.TryGetValue(current, out var d); id = d.AmendsId) ids.Add(current);
            var letters = await db.PatientLetters.AsNoTracking().Where(l => ids.Contains(l.DecisionId)).ToListAsync(ct);
            return [.. letters.OrderByDescending(l => l.DecisionNumber).Select(l =>
            {
                var view = PatientLetterView.From(l, chain[l.DecisionId]);
                return new Row(l.Id, l.DecisionId, l.DecisionNumber, l.DecisionHash, view.Status, l.Language, l.CurrentVersionNumber,
                    view.Versions, view.Sent, l.CreatedAt, l.CreatedByName, l.Version);
            })];
        }
    }
}
