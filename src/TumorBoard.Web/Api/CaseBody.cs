using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using TumorBoard.Application.Features.Cases;

namespace TumorBoard.Web.Api;

/// <summary>
/// What <c>PUT /api/v1/cases/{id}</c> takes: the case as <c>GET</c> answers it, edited — the clinical fields nested in
/// <c>details</c>; <c>id</c>, <c>patient</c>, <c>status</c>, <c>missingForBoard</c>, the created/updated stamps and
/// <c>version</c> are read-only and ignored (the version to change comes from <c>If-Match</c>) — or, as before, the
/// clinical fields flat at the top level. Not both: a body with <c>details</c> and a flat clinical field is refused
/// (400 naming <c>details</c>), since neither could be chosen without dropping what the client sent.
/// </summary>
public sealed record CaseBody : CaseFields
{
    /// <summary>The clinical fields as GET nests them.</summary>
    public CaseFields? Details { get; init; }

    static readonly PropertyInfo[] FlatFields = typeof(CaseFields).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
    static readonly CaseFields Blank = new();

    /// <summary>The edit as the command takes it; validation messages name the fields where the body put them.</summary>
    public UpdateCase.Command ToCommand()
    {
        if (Details is null) return new UpdateCase.Command(this);
        if (FlatFields.FirstOrDefault(HasFlatValue) is { } flat)
            throw new ValidationException([new ValidationFailure(nameof(Details),
                $"Send the clinical fields either inside \"details\" (as GET answers the case) or flat at the top level, not both " +
                $"(\"{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(flat.Name)}\" was sent at the top level too).")]);
        return new UpdateCase.Command(Details);
    }

    bool HasFlatValue(PropertyInfo property) => property.GetValue(this) switch
    {
        null => false,
        System.Collections.ICollection list => list.Count > 0,
        var value => !value.Equals(property.GetValue(Blank)),
    };

    /// <summary>Names a field of the nested form as <c>details.…</c>, so the client finds it where it sent it.</summary>
    public ValidationException Nested(ValidationException failure) => Details is null ? failure
        : new ValidationException(failure.Errors.Select(e => FlatFields.Any(p => e.PropertyName == p.Name
                || e.PropertyName.StartsWith(p.Name + ".", StringComparison.Ordinal) || e.PropertyName.StartsWith(p.Name + "[", StringComparison.Ordinal))
            ? new ValidationFailure($"{nameof(Details)}.{e.PropertyName}", e.ErrorMessage, e.AttemptedValue) { ErrorCode = e.ErrorCode }
            : e));
}
