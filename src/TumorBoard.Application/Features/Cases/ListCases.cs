using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
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
        /// <summary>Part of the patient's MRN, family name or given name.</summary>
        public string? Text { get; init; }
    }

    public sealed record Row(Guid Id, Guid PatientId, string Mrn, string PatientName, CaseStatus Status, Urgency Urgency,
        PrimaryHistology Histology, string Levels, string ClinicalQuestion, DateTimeOffset CreatedAt);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Urgency).IsInEnum();
            RuleFor(q => q.Histology).IsInEnum();
            RuleFor(q => q.Text).MaximumLength(100);
            Include(new PagedQueryValidator());
        }
    }

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var cases = db.Cases.AsNoTracking();
            if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
            if (query.Urgency is { } urgency) cases = cases.Where(c => c.Urgency == urgency);
            if (query.Histology is { } histology) cases = cases.Where(c => c.Histology == histology);

            var rows = from c in cases join p in db.Patients on c.PatientId equals p.Id select new { c, p };
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var pattern = Like.Contains(query.Text);
                var mrnPattern = Like.MrnContains(query.Text);
                rows = rows.Where(x => (mrnPattern != null && EF.Functions.ILike(x.p.Mrn, mrnPattern, "\\"))
                    || EF.Functions.ILike(x.p.FamilyName, pattern, "\\") || EF.Functions.ILike(x.p.GivenName, pattern, "\\"));
            }

            var total = await rows.CountAsync(ct);
            var page = await rows
                .OrderByDescending(x => x.c.Urgency).ThenByDescending(x => x.c.CreatedAt).ThenBy(x => x.c.Id)
                .Skip(query.Skip).Take(query.Size)
                .Select(x => new
                {
                    x.c.Id, x.c.PatientId, x.p.Mrn, x.p.FamilyName, x.p.GivenName, x.c.Status, x.c.Urgency, x.c.Histology,
                    x.c.Lesions, x.c.ClinicalQuestion, x.c.CreatedAt,
                })
                .ToListAsync(ct);

            var items = page.Select(x => new Row(x.Id, x.PatientId, x.Mrn, $"{x.FamilyName}, {x.GivenName}", x.Status,
                x.Urgency, x.Histology, string.Join(", ", x.Lesions.Select(l => l.Levels)), x.ClinicalQuestion, x.CreatedAt)).ToList();
            return new Paged<Row>(items, query.PageNumber, query.Size, total);
        }
    }
}
