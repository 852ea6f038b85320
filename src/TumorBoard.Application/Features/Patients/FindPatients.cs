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
            Include(new KeysetQueryValidator<Key>(Order.List));
            RuleFor(q => q.Text).MaximumLength(100);
        }
    }

    /// <summary>The sort key: family name, given name, id (the (family_name, given_name, id) index).</summary>
    public sealed record Key(string FamilyName, string GivenName, Guid Id);

    internal static readonly Keyset<Patient, Key> Order = new("patients",
        q => q.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id),
        q => q.OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName).ThenByDescending(p => p.Id),
        (q, k) => q.Where(p => EF.Functions.GreaterThan(ValueTuple.Create(p.FamilyName, p.GivenName, p.Id), ValueTuple.Create(k.FamilyName, k.GivenName, k.Id))),
        (q, k) => q.Where(p => EF.Functions.LessThan(ValueTuple.Create(p.FamilyName, p.GivenName, p.Id), ValueTuple.Create(k.FamilyName, k.GivenName, k.Id))));

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
            return await Order.PageAsync(patients, query, p => new Row(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex),
                r => new Key(r.FamilyName, r.GivenName, r.Id), ct);
        }
    }
}
