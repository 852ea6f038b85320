using System.Reflection;
using Mediator;
using TumorBoard.Application.Features.Patients;

namespace TumorBoard.UnitTests.Conventions;

/// <summary>
/// Every message the pipeline can receive, found by reflection over the Application assembly (the only assembly that
/// declares messages: Web sends them and declares none), so a new use case is held to the conventions without a change here.
/// </summary>
public static class Messages
{
    public static readonly Assembly Application = typeof(GetPatient).Assembly;

    /// <summary>Concrete commands, queries and requests (notifications do not pass the pipeline behaviours).</summary>
    public static IReadOnlyList<Type> All { get; } = Application.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t)
            && !typeof(INotification).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Type> Queries { get; } = All.Where(t => ResponseOf(t, typeof(IQuery<>)) is not null).ToList();

    /// <summary>The response type of a message implementing <paramref name="open"/> (IQuery&lt;&gt;, ICommand&lt;&gt;…), else null.</summary>
    public static Type? ResponseOf(Type message, Type open) => message.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == open)?.GetGenericArguments()[0];

    /// <summary>"GetPatient.Query" rather than the nested type's bare "Query".</summary>
    public static string Name(Type t) => t.DeclaringType is { } outer ? $"{outer.Name}.{t.Name}" : t.Name;
}
