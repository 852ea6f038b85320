using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Http;

/// <summary>
/// Checks the query string of an API call against the parameters its endpoint binds from it, before binding runs:
/// minimal APIs bind enums with Enum.TryParse (so "-1", "0" and "1,2" pass as values) and answer a number or date that does
/// not parse with a 400 that names no field. Here an enum takes only its documented names (as binding does, in their case), a number, id, date
/// or flag must parse, and a single value is given once; otherwise a 400 names the parameter. The plan of each endpoint
/// (its handler's parameters, [AsParameters] records expanded) is built once.
/// </summary>
public sealed class QueryStringCheck(RequestDelegate next)
{
    sealed record Parameter(string Name, Type Type, bool IsList, bool Optional);

    static readonly ConcurrentDictionary<Endpoint, Parameter[]> Plans = new();

    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api") && http.Request.QueryString.HasValue
            && http.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            List<ValidationFailure> failures = [];
            foreach (var parameter in Plans.GetOrAdd(endpoint, _ => Plan(endpoint, handler)))
                Check(parameter, http.Request.Query, failures);
            if (failures.Count > 0) throw new ValidationException(failures);
        }
        return next(http);
    }

    static void Check(Parameter p, IQueryCollection query, List<ValidationFailure> failures)
    {
        if (!query.TryGetValue(p.Name, out var values) || values.Count == 0) return;
        if (!p.IsList && values.Count > 1)
        {
            failures.Add(new ValidationFailure(p.Name, $"Give {ExceptionMapping.JsonName(p.Name)} once."));
            return;
        }
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value) && p.Optional) continue;
            if (Problem(p.Type, value ?? "") is { } problem)
            {
                failures.Add(new ValidationFailure(p.Name, problem));
                return;
            }
        }
    }

    /// <summary>Why <paramref name="value"/> is not a <paramref name="type"/>, or null when it is.</summary>
    internal static string? Problem(Type type, string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        if (type.IsEnum)
            return Enum.GetNames(type).Contains(value, StringComparer.Ordinal)
                ? null
                : $"'{shown}' is not one of: {string.Join(", ", Enum.GetNames(type))}.";
        var ok = type switch
        {
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(uint) => uint.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(Guid) => Guid.TryParse(value, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => true,
        };
        if (ok) return null;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) || type == typeof(uint) => $"'{shown}' is not a whole number in range.",
            _ when type == typeof(decimal) => $"'{shown}' is not a number.",
            _ when type == typeof(bool) => $"'{shown}' is not true or false.",
            _ when type == typeof(Guid) => $"'{shown}' is not an id (a GUID).",
            _ when type == typeof(DateOnly) => $"'{shown}' is not a date (yyyy-MM-dd).",
            _ => $"'{shown}' is not a date and time (ISO 8601, e.g. 2026-03-04T15:00:00Z).",
        };
    }

    static Parameter[] Plan(RouteEndpoint endpoint, MethodInfo handler)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        List<Parameter> plan = [];
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.IsDefined(typeof(AsParametersAttribute), false))
            {
                foreach (var (name, type, attributes) in Members(parameter.ParameterType)) Add(name, type, attributes);
            }
            else Add(parameter.Name ?? "", parameter.ParameterType, parameter);
        }
        return [.. plan];

        void Add(string name, Type type, ICustomAttributeProvider attributes)
        {
            if (attributes.IsDefined(typeof(FromBodyAttribute), true) || attributes.IsDefined(typeof(FromServicesAttribute), true)
                || attributes.IsDefined(typeof(FromRouteAttribute), true) || attributes.IsDefined(typeof(FromHeaderAttribute), true)
                || attributes.IsDefined(typeof(FromFormAttribute), true)) return;
            if (attributes.GetCustomAttributes(typeof(FromQueryAttribute), true).OfType<FromQueryAttribute>().FirstOrDefault() is { Name: { } given })
                name = given;
            else if (route.Contains(name)) return;
            var isList = type.IsArray;
            var element = isList ? type.GetElementType()! : type;
            var underlying = Nullable.GetUnderlyingType(element);
            var simple = underlying ?? element;
            if (!simple.IsEnum && !IsChecked(simple)) return;
            plan.Add(new Parameter(name, simple, isList, Optional: underlying is not null || isList || !simple.IsValueType));
        }
    }

    static bool IsChecked(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(uint) || t == typeof(decimal) || t == typeof(bool)
        || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTimeOffset);

    /// <summary>What [AsParameters] binds of a type: its constructor's parameters, else its settable public properties.</summary>
    static IEnumerable<(string Name, Type Type, ICustomAttributeProvider Attributes)> Members(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is { } c && c.GetParameters().Length > 0)
            return c.GetParameters().Select(p => (p.Name ?? "", p.ParameterType, (ICustomAttributeProvider)p));
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (p.Name, p.PropertyType, (ICustomAttributeProvider)p));
    }
}
