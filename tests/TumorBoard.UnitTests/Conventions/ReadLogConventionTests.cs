using TumorBoard.Application.Features.CaseHistory;
using System.Reflection;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Patients;

namespace TumorBoard.UnitTests.Conventions;

/// <summary>
/// DH-11 ("reads of PHI are logged"): every query records its reads through the read-log mechanism (ReadLogBehavior for
/// <see cref="ICaseRead"/>, <see cref="IPatientRead"/> and <see cref="ICaseReadResult"/>; <see cref="CaseReadLog"/> in a
/// handler that records itself), or is in <see cref="UnloggedQueries"/> with its reason.
/// </summary>
public sealed class ReadLogConventionTests
{
    static bool IsLogged(Type query) =>
        typeof(ICaseRead).IsAssignableFrom(query)
        || typeof(IPatientRead).IsAssignableFrom(query)
        || typeof(ICaseReadResult).IsAssignableFrom(Messages.ResponseOf(query, typeof(Mediator.IQuery<>)))
        || HandlerRecordsItself(query);

    /// <summary>The use case's handler takes <see cref="CaseReadLog"/> (it records the read where the message cannot say which case).</summary>
    static bool HandlerRecordsItself(Type query) =>
        query.DeclaringType?.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)
            .Where(t => t.Name == "Handler")
            .SelectMany(t => t.GetConstructors())
            .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(CaseReadLog))) ?? false;

    [Fact]
    public void Every_query_records_its_reads_or_is_listed_as_deliberately_unlogged_with_a_reason()
    {
        var neither = Messages.Queries.Where(q => !IsLogged(q) && !UnloggedQueries.Reasons.ContainsKey(q)).Select(Messages.Name).ToList();
        neither.ShouldBeEmpty("mark these for the read log (ICaseRead, IPatientRead, an ICaseReadResult result) or list them in "
            + "UnloggedQueries with the reason: " + string.Join(", ", neither));
    }

    [Fact]
    public void The_unlogged_list_holds_no_query_that_is_logged_after_all()
    {
        var stale = UnloggedQueries.Reasons.Keys.Where(IsLogged).Select(Messages.Name).ToList();
        stale.ShouldBeEmpty("logged, so not an exception any more: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_unlogged_list_holds_only_queries_each_with_a_reason()
    {
        UnloggedQueries.Reasons.Keys.Where(t => !Messages.Queries.Contains(t)).Select(Messages.Name).ShouldBeEmpty();
        UnloggedQueries.Reasons.Where(r => r.Value.Trim().Length < 20).Select(r => Messages.Name(r.Key)).ShouldBeEmpty();
    }

    [Fact]
    public void Opening_a_patient_the_board_view_or_a_case_is_logged()
    {
        IsLogged(typeof(GetPatient.Query)).ShouldBeTrue();
        IsLogged(typeof(GetBoardView.Query)).ShouldBeTrue();
        IsLogged(typeof(GetCase.Query)).ShouldBeTrue();
        IsLogged(typeof(GetCaseHistory.Query)).ShouldBeTrue();
        IsLogged(typeof(ExportCaseHistory.Query)).ShouldBeTrue();
    }
}
