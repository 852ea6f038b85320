using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

public static class FindPatients
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>
    {
        /// <summary>Part of the MRN, family name or given name.</summary>
        public string? Text { get; init; }
    }

    public sealed record Row(Guid Id, string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            Include(new PagedQueryValidator());
            RuleFor(q => q.Text).MaximumLength(100);
        }
    }

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var patients = db.Patients.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var pattern = Like.Contains(query.Text);
                var mrnPattern = Like.MrnContains(query.Text);
                patients = patients.Where(p => (mrnPattern != null && EF.Functions.ILike(p.Mrn, mrnPattern, "\\"))
                    || EF.Functions.ILike(p.FamilyName, pattern, "\\") || EF.Functions.ILike(p.GivenName, pattern, "\\"));
            }
            var total = await patients.CountAsync(ct);
            var rows = await patients.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
                .Skip(query.Skip).Take(query.Size)
                .Select(p => new Row(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex))
                .ToListAsync(ct);
            return new Paged<Row>(rows, query.PageNumber, query.Size, total);
        }
    }
}
