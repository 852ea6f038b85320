using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Errors;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// "One current decision and one open draft per case" is the database's rule, not only the handlers' (issue #10): the
/// partial unique indexes exist, refuse a second row however it is written, and every index the model and the conflict
/// messages name is really there.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class DecisionIndexTests(AppFixture app) : DatabaseTest(app)
{
    [Theory]
    [InlineData(true, "ux_decisions_one_current_per_case")]
    [InlineData(false, "ux_decisions_one_draft_per_case")]
    public async Task A_second_current_or_draft_decision_inserted_in_sql_is_refused(bool signed, string index)
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        if (signed) await SignAsync(app, draft.Id);

        // As the app's own role: a copy of the row as a next version, with the same status.
        await using var conn = new NpgsqlConnection(app.App.AppConnectionString);
        await conn.OpenAsync();
        await using var copy = new NpgsqlCommand($"""
            CREATE TEMP TABLE decision_copy AS SELECT * FROM decisions WHERE id = '{draft.Id}';
            UPDATE decision_copy SET id = gen_random_uuid(), number = number + 1;
            INSERT INTO decisions SELECT * FROM decision_copy;
            """, conn);
        var refusal = await Should.ThrowAsync<PostgresException>(() => copy.ExecuteNonQueryAsync());

        refusal.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        refusal.ConstraintName.ShouldBe(index);
        (await app.QueryDbAsync(db => db.Decisions.CountAsync(d => d.CaseId == board.CaseId))).ShouldBe(1);
    }

    [Fact]
    public async Task Every_unique_index_a_conflict_message_names_exists_in_the_database()
    {
        var existing = await IndexesAsync();
        foreach (var name in ExceptionMapping.UniqueConflicts.Keys)
            existing.ShouldContainKey(name, $"the 409 message for {name} names an index the database does not have");
        existing["ux_decisions_one_current_per_case"].ShouldBe((true, "((status)::text = 'Signed'::text)"));
        existing["ux_decisions_one_draft_per_case"].ShouldBe((true, "((status)::text = 'Draft'::text)"));
    }

    [Fact]
    public async Task Every_index_of_the_model_exists_in_the_database_unique_and_partial_as_configured()
    {
        var existing = await IndexesAsync();
        var model = await app.QueryDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(t => t.GetIndexes().Select(i => (Name: i.GetDatabaseName()!, i.IsUnique, Partial: i.GetFilter() is not null)))
            .ToList()));

        model.Count.ShouldBeGreaterThan(30);
        foreach (var index in model)
        {
            existing.ShouldContainKey(index.Name);
            (existing[index.Name].Unique, existing[index.Name].Predicate is not null).ShouldBe((index.IsUnique, index.Partial), index.Name);
        }
    }

    async Task<Dictionary<string, (bool Unique, string? Predicate)>> IndexesAsync()
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public'
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new Dictionary<string, (bool, string?)>();
        while (await reader.ReadAsync())
            result[reader.GetString(0)] = (reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return result;
    }
}
