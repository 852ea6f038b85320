using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Audit;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>
/// Signed checkpoints of the chain's head, kept outside the database (issue #10): what a superuser can do to the table
/// without breaking the chain itself (cut its end, empty it, cut a row and link over the gap, rewrite the newest row)
/// no longer verifies, and neither does an altered checkpoint file.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class AuditCheckpointTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>The sealed rows' ids in chain order.</summary>
    async Task<List<long>> IdsAsync() =>
        await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).Select(s => s.EntryId).ToListAsync());

    async Task<AuditSeal> HeadAsync() =>
        await app.QueryDbAsync(db => db.AuditSeals.OrderByDescending(s => s.Position).FirstAsync());

    async Task ChangesAsync()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        await app.SealPendingAsync();
    }

    /// <summary>What a superuser can do: run with every trigger off (session_replication_role = replica).</summary>
    async Task AsSuperuserWithoutTriggersAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SET session_replication_role = replica; {sql}; SET session_replication_role = origin;", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    string[] Lines() => File.ReadAllLines(app.App.CheckpointFile);

    [Fact]
    public async Task A_normal_run_verifies_against_its_checkpoints_and_anchors_each_verified_head()
    {
        await ChangesAsync();
        var first = await app.VerifyAuditTrailAsync();
        first.Valid.ShouldBeTrue(first.Reason);
        first.CheckedCheckpoints.ShouldBe(0);
        var firstHead = (await IdsAsync())[^1];
        first.Checkpoint.ShouldNotBeNull().RowId.ShouldBe(firstHead);

        await ChangesAsync();
        var second = await app.VerifyAuditTrailAsync();

        second.Valid.ShouldBeTrue(second.Reason);
        second.Reason.ShouldBe("The chain is intact.");
        second.CheckedCheckpoints.ShouldBe(1);
        var head = await HeadAsync();
        second.Checkpoint.ShouldNotBeNull().ShouldBe(new CheckpointSummary(head.EntryId, head.Hash, second.Checkpoint.At));
        var lines = Lines();
        lines.Length.ShouldBe(2);
        var written = JsonDocument.Parse(lines[1]).RootElement;
        written.GetProperty("rowId").GetInt64().ShouldBe(head.EntryId);
        written.GetProperty("hash").GetString().ShouldBe(head.Hash);
        var signed = AuditCheckpoint.Sign(head.EntryId, head.Hash, second.Checkpoint.At, app.App.CheckpointKey);
        written.GetProperty("mac").GetString().ShouldBe(signed.Mac);
        written.GetProperty("keyId").GetString().ShouldBe(AuditCheckpoint.KeyIdOf(app.App.CheckpointKey));
        (await app.VerifyAuditTrailAsync()).CheckedCheckpoints.ShouldBe(1, "only the newest checkpoint: the chain vouches for the rows before it");
    }

    [Fact]
    public async Task Deleting_the_newest_rows_is_detected_and_named()
    {
        await ChangesAsync();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
        var ids = await IdsAsync();
        var (head, keep) = (ids[^1], ids[^3]);

        await AsSuperuserWithoutTriggersAsync($"DELETE FROM audit_seals WHERE entry_id > {keep}; DELETE FROM audit_entries WHERE id > {keep}");

        var result = await app.VerifyAuditTrailAsync();
        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(head);
        result.Reason.ShouldStartWith($"The trail ends at row {keep}, but the checkpoint of ");
        result.Reason.ShouldContain($"names row {head}: the rows after {keep} up to {head} are missing.");
        result.Checkpoint.ShouldBeNull();
        Lines().Length.ShouldBe(1);   // a broken trail is not anchored

        // What is left is an unbroken chain: only the checkpoint shows the cut.
        File.Delete(app.App.CheckpointFile);
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("TRUNCATE audit_entries, audit_seals")]
    [InlineData("DELETE FROM audit_entries; DELETE FROM audit_seals")]
    public async Task An_emptied_trail_is_detected(string sql)
    {
        await ChangesAsync();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
        var head = (await IdsAsync())[^1];

        await AsSuperuserWithoutTriggersAsync(sql);

        var result = await app.VerifyAuditTrailAsync();
        result.Valid.ShouldBeFalse();
        result.CheckedRows.ShouldBe(0);
        result.FirstBrokenRowId.ShouldBe(head);
        result.Reason.ShouldStartWith("The audit trail is empty, but the checkpoint of ");
        result.Reason.ShouldContain($"names row {head}: every row up to {head} is missing.");
    }

    [Fact]
    public async Task A_checkpointed_row_cut_out_and_linked_over_is_detected()
    {
        await ChangesAsync();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
        var head = (await IdsAsync())[^1];
        // The anchored head goes; the app's next rows link to the row before it, so the chain itself is unbroken.
        await AsSuperuserWithoutTriggersAsync($"DELETE FROM audit_seals WHERE entry_id = {head}; DELETE FROM audit_entries WHERE id = {head}");
        await ChangesAsync();
        var seals = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).Select(s => s.Position).ToListAsync());
        seals.ShouldBe(Enumerable.Range(1, seals.Count).Select(p => (long)p), "the sealer linked the new rows over the gap");

        var result = await app.VerifyAuditTrailAsync();

        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(head);
        result.Reason.ShouldStartWith($"Row {head}, named by the checkpoint of ");
        result.Reason.ShouldContain("is missing from the trail");
    }

    [Fact]
    public async Task The_newest_row_rewritten_with_a_recomputed_hash_is_detected()
    {
        await ChangesAsync();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
        var seal = await HeadAsync();
        var row = await app.QueryDbAsync(db => db.AuditEntries.AsNoTracking().FirstAsync(a => a.Id == seal.EntryId));
        var forged = new AuditEntry
        {
            Id = row.Id, OccurredAt = row.OccurredAt, ActorId = row.ActorId, ActorName = row.ActorName, Action = row.Action,
            EntityType = row.EntityType, EntityId = row.EntityId, Operation = row.Operation, Changes = """{"forged":true}""",
        };
        var forgedHash = AuditHash.Compute(forged, seal.PreviousHash);
        await AsSuperuserWithoutTriggersAsync($"UPDATE audit_entries SET changes = '{forged.Changes}' WHERE id = {row.Id}; "
            + $"UPDATE audit_seals SET hash = '{forgedHash}' WHERE entry_id = {row.Id}");

        var result = await app.VerifyAuditTrailAsync();

        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(row.Id);
        result.Reason.ShouldStartWith($"Row {row.Id} does not hold the hash the checkpoint of ");
    }

    [Fact]
    public async Task A_checkpoint_line_changed_in_the_file_is_detected()
    {
        await ChangesAsync();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
        var ids = await IdsAsync();
        var line = Lines().ShouldHaveSingleItem();
        // Moving the anchor back (so that a cut tail would pass) keeps the signature of the original line.
        File.WriteAllText(app.App.CheckpointFile, line.Replace($"\"rowId\":{ids[^1]}", $"\"rowId\":{ids[^2]}") + "\n");

        var result = await app.VerifyAuditTrailAsync();

        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBeNull();
        result.Reason.ShouldContain("(last line) does not match its signature: the checkpoint file was altered.");
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_or_a_damaged_line_is_refused()
    {
        await ChangesAsync();
        var ids = await IdsAsync();
        var head = (await HeadAsync()).Hash;
        var foreign = AuditCheckpoint.Sign(ids[^1], head, DateTimeOffset.UtcNow, "another key that is also long enough to be used");
        File.WriteAllText(app.App.CheckpointFile, JsonSerializer.Serialize(new
        {
            rowId = foreign.RowId, hash = foreign.Hash, at = foreign.AtText, keyId = foreign.KeyId, mac = foreign.Mac,
        }) + "\n");

        var result = await app.VerifyAuditTrailAsync();
        result.Valid.ShouldBeFalse();
        result.Reason.ShouldContain("(last line) was signed with another key");

        File.WriteAllText(app.App.CheckpointFile, "{\"rowId\":1,\"hash\":\n");
        (await app.VerifyAuditTrailAsync()).Reason.ShouldBe("The checkpoint file's last line is not a checkpoint (the file was altered or damaged).");
        (await AnchorAsync()).ShouldBeNull("the periodic writer does not write after a damaged line");
        Lines().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_periodic_anchor_writes_the_head_and_stops_when_the_trail_was_cut()
    {
        await ChangesAsync();
        var ids = await IdsAsync();

        var written = await AnchorAsync();
        written.ShouldNotBeNull().RowId.ShouldBe(ids[^1]);
        written.IsSignedWith(app.App.CheckpointKey).ShouldBeTrue();
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();

        await AsSuperuserWithoutTriggersAsync($"DELETE FROM audit_entries WHERE id >= {ids[^2]}");

        (await AnchorAsync()).ShouldBeNull();
        Lines().Length.ShouldBe(2);    // the periodic one and the verification's; none for the cut trail
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeFalse();
    }

    async Task<AuditCheckpoint?> AnchorAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditHeadAnchor>().AnchorAsync(CancellationToken.None);
    }
}
