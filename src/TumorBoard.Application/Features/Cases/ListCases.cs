using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Cases;

/// <summary>
/// A page of cases for finding one. Not recorded as a read of each case (no <see cref="Common.Audit.ICaseRead"/>): a list
/// shows many cases at a glance and opens none; opening one (GetCase and the assessment views) is what the trail records.
/// </summary>
public static class ListCases
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>
    {
        public CaseStatus? Status { get; init; }
        public Urgency? Urgency { get; init; }
        public PrimaryHistology? Histology { get; init; }
        /// <summary>The MSCC triage in force (pathways.md §1.1): P1, P2 or Routine.</summary>
        public TriageLevel? Triage { get; init; }
        /// <summary>Part of the patient's MRN, family name or given name.</summary>
        public string? Text { get; init; }
    }

    public sealed record Row(Guid Id, Guid PatientId, string Mrn, string PatientName, CaseStatus Status, Urgency Urgency,
        PrimaryHistology Histology, string Levels, string ClinicalQuestion, DateTimeOffset CreatedAt, TriageLevel Triage);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Urgency).IsInEnum();
            RuleFor(q => q.Histology).IsInEnum();
            RuleFor(q => q.Triage).IsInEnum();
            RuleFor(q => q.Text).MaximumLength(100);
            Include(new KeysetQueryValidator<Key>(Order.List));
        }
    }

    /// <summary>The sort key: urgent first, then newest (the id breaks ties; ids are time-ordered).</summary>
    public sealed record Key(Urgency Urgency, DateTimeOffset CreatedAt, Guid Id);

    /// <summary>
    /// Pages by (urgency, created_at, id) descending: served by the (urgency, created_at, id) index and, with a status or
    /// histology filter, by (status | histology, urgency, created_at, id), read backwards from the cursor.
    /// </summary>
    internal static readonly Keyset<Joined, Key> Order = new("cases",
        q => q.OrderByDescending(x => x.C.Urgency).ThenByDescending(x => x.C.CreatedAt).ThenByDescending(x => x.C.Id),
        q => q.OrderBy(x => x.C.Urgency).ThenBy(x => x.C.CreatedAt).ThenBy(x => x.C.Id),
        (q, k) => After(q, k.Urgency, k.CreatedAt.ToUniversalTime(), k.Id),
        (q, k) => Before(q, k.Urgency, k.CreatedAt.ToUniversalTime(), k.Id));

    static IQueryable<Joined> After(IQueryable<Joined> q, Urgency u, DateTimeOffset t, Guid id) =>
        q.Where(x => EF.Functions.LessThan(ValueTuple.Create(x.C.Urgency, x.C.CreatedAt, x.C.Id), ValueTuple.Create(u, t, id)));

    static IQueryable<Joined> Before(IQueryable<Joined> q, Urgency u, DateTimeOffset t, Guid id) =>
        q.Where(x => EF.Functions.GreaterThan(ValueTuple.Create(x.C.Urgency, x.C.CreatedAt, x.C.Id), ValueTuple.Create(u, t, id)));

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var cases = db.Cases.AsNoTracking();
            if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
            if (query.Urgency is { } urgency) cases = cases.Where(c => c.Urgency == urgency);
            if (query.Histology is { } histology) cases = cases.Where(c => c.Histology == histology);
            // A semi-join on ix_mscc_tracks_triage (triage, case_id); a case without a track yet counts as Routine.
            if (query.Triage is { } triage)
                cases = triage == TriageLevel.Routine
                    ? cases.Where(c => !db.MsccTracks.Any(t => t.CaseId == c.Id && t.Triage != TriageLevel.Routine))
                    : cases.Where(c => db.MsccTracks.Any(t => t.CaseId == c.Id && t.Triage == triage));

            var rows = from c in cases join p in db.Patients on c.PatientId equals p.Id select new Joined { C = c, P = p };
            IQueryable<Patient>? matched = null;
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                // Served by the trigram indexes on the patient's MRN and names.
                var pattern = Like.Contains(query.Text);
                var mrnPattern = Like.MrnContains(query.Text);
                matched = db.Patients.Where(p => (mrnPattern != null && EF.Functions.ILike(p.Mrn, mrnPattern, "\\"))
                    || EF.Functions.ILike(p.FamilyName, pattern, "\\") || EF.Functions.ILike(p.GivenName, pattern, "\\"));
                rows = rows.Where(x => (mrnPattern != null && EF.Functions.ILike(x.P.Mrn, mrnPattern, "\\"))
                    || EF.Functions.ILike(x.P.FamilyName, pattern, "\\") || EF.Functions.ILike(x.P.GivenName, pattern, "\\"));
            }

            var page = await Order.PageAsync(rows, query, x => new
            {
                x.C.Id, x.C.PatientId, x.P.Mrn, x.P.FamilyName, x.P.GivenName, x.C.Status, x.C.Urgency, x.C.Histology,
                x.C.Lesions, x.C.ClinicalQuestion, x.C.CreatedAt,
                Triage = db.MsccTracks.Where(t => t.CaseId == x.C.Id).Select(t => (TriageLevel?)t.Triage).FirstOrDefault(),
            }, x => new Key(x.Urgency, x.CreatedAt, x.Id), ct, (atMost, token) => CountAsync(cases, matched, atMost, token));

            return page.Map(x => new Row(x.Id, x.PatientId, x.Mrn, $"{x.FamilyName}, {x.GivenName}", x.Status,
                x.Urgency, x.Histology, string.Join(", ", x.Lesions.Select(l => l.Levels)), x.ClinicalQuestion, x.CreatedAt,
                x.Triage ?? TriageLevel.Routine));
        }
    }

    /// <summary>
    /// The capped count, from <c>cases</c> alone: every case has its patient (a foreign key), so the join the page needs
    /// for its columns adds no row and only costs a <c>pk_patients</c> look-up per counted case. Without a text filter it
    /// walks the filter's index in the list's order and stops at <paramref name="atMost"/> (index-only where the visibility
    /// map allows). With one, it starts from the patients the trigram index finds and takes each one's cases by
    /// <c>ix_cases_patient_id</c>, unordered, stopping at <paramref name="atMost"/>: a common name matches thousands of
    /// patients (4,167 for "keller" at 100,000 cases), and the planner hashed them against a Seq Scan of all cases, while
    /// walking the list's order to find them reads cases the name does not match (issue #11).
    /// </summary>
    static Task<int> CountAsync(IQueryable<TumorBoardCase> cases, IQueryable<Patient>? matched, int atMost, CancellationToken ct)
    {
        if (matched is null)
            return cases.OrderByDescending(c => c.Urgency).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Take(atMost).CountAsync(ct);
        // Unordered: with the LIMIT the planner takes a nested loop from the matched patients into ix_cases_patient_id and
        // stops at the cap (3,419 buffers at 100,000 cases). Not a Take inside the SelectMany: EF turns that into a
        // ROW_NUMBER() over every case.
        return matched.SelectMany(p => cases.Where(c => c.PatientId == p.Id)).Take(atMost).CountAsync(ct);
    }

    /// <summary>Member-initialised so that EF can filter and order by its parts.</summary>
    internal sealed class Joined
    {
        public TumorBoardCase C { get; init; } = null!;
        public Patient P { get; init; } = null!;
    }
}
