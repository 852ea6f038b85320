using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>Settings under "Audit" (resolved and checked at start-up by the web host).</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Audit";

    /// <summary>The HMAC key (at least 32 characters). From configuration, never from the database.</summary>
    public string CheckpointKey { get; set; } = "";

    /// <summary>The append-only file the checkpoints are written to, one JSON line each.</summary>
    public string CheckpointFile { get; set; } = "";

    /// <summary>How often the chain head is anchored besides every verification.</summary>
    public double CheckpointIntervalMinutes { get; set; } = 5;

    /// <summary>How often the elected sealer looks for committed rows to seal (ADR 0006); rows are sealed within about this long.</summary>
    public int SealIntervalMilliseconds { get; set; } = 250;
}

/// <summary>One line of the checkpoint file: its checkpoint when it parses and its signature holds, else what is wrong.</summary>
public sealed record CheckpointLine(int LineNumber, AuditCheckpoint? Checkpoint, string? Problem);

/// <summary>
/// Writes and reads the signed checkpoints of the audit chain's head (<see cref="AuditCheckpoint"/>): each one is appended
/// to the configured file as one JSON line, flushed to disk, and written to the log (category
/// <c>TumorBoard.Application.Common.Audit.AuditCheckpointLog</c>), so an operator can ship copies to syslog or WORM
/// storage where nobody with database access can change them. Singleton.
/// </summary>
public sealed class AuditCheckpointLog(IOptions<AuditCheckpointOptions> options, TimeProvider clock, ILogger<AuditCheckpointLog> log)
{
    static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    readonly SemaphoreSlim gate = new(1, 1);

    public string FilePath => options.Value.CheckpointFile;
    string Key => options.Value.CheckpointKey;

    public async Task<AuditCheckpoint> AppendAsync(long rowId, string hash, CancellationToken ct)
    {
        var checkpoint = AuditCheckpoint.Sign(rowId, hash, clock.GetUtcNow(), Key);
        var line = JsonSerializer.Serialize(
            new Line(checkpoint.RowId, checkpoint.Hash, checkpoint.AtText, checkpoint.KeyId, checkpoint.Mac), Json);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await gate.WaitAsync(ct);
        try
        {
            if (Path.GetDirectoryName(FilePath) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            // One write of one short line in append mode: concurrent writers (other instances) never interleave within it.
            await using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
            await file.WriteAsync(bytes, ct);
            file.Flush(flushToDisk: true);
        }
        finally { gate.Release(); }
        log.LogInformation("Audit checkpoint {Checkpoint}", line);
        return checkpoint;
    }

    /// <summary>
    /// The last line of the file, read from its end a few KiB at a time (never the whole file: it grows by a line every
    /// interval and every verification), or null when there is none. A last "line" longer than 64 KiB is no checkpoint.
    /// </summary>
    public async Task<CheckpointLine?> NewestAsync(CancellationToken ct)
    {
        if (!File.Exists(FilePath)) return null;
        await using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var end = file.Length;
        while (end > 0 && await ByteAtAsync(file, end - 1, ct) is (byte)'\n' or (byte)'\r') end--;
        if (end == 0) return null;
        const int Chunk = 4096, Longest = 64 * 1024;
        var start = end;
        var text = Array.Empty<byte>();
        while (start > 0 && end - start < Longest)
        {
            var size = (int)Math.Min(Chunk, start);
            start -= size;
            var chunk = new byte[size];
            file.Seek(start, SeekOrigin.Begin);
            await file.ReadExactlyAsync(chunk, ct);
            text = [.. chunk, .. text];
            var newline = Array.LastIndexOf(text, (byte)'\n', (int)(end - start) - 1);
            if (newline >= 0) return Parse(0, Encoding.UTF8.GetString(text, newline + 1, (int)(end - start) - newline - 1));
        }
        return end - start >= Longest ? new(0, null, "The checkpoint file's last line is not a checkpoint (the file was altered or damaged).")
            : Parse(0, Encoding.UTF8.GetString(text, 0, (int)(end - start)));   // 0: "the last line"
    }

    static async Task<byte> ByteAtAsync(FileStream file, long offset, CancellationToken ct)
    {
        var one = new byte[1];
        file.Seek(offset, SeekOrigin.Begin);
        await file.ReadExactlyAsync(one, ct);
        return one[0];
    }

    CheckpointLine Parse(int number, string text)
    {
        var place = number > 0 ? $"line {number}" : "last line";
        Line? line;
        try { line = JsonSerializer.Deserialize<Line>(text, Json); }
        catch (JsonException) { line = null; }
        if (line is not { RowId: > 0, Hash.Length: 64, At: { } at, KeyId: { } keyId, Mac: { } mac }
            || !DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var when))
            return new(number, null, $"The checkpoint file's {place} is not a checkpoint (the file was altered or damaged).");

        var checkpoint = new AuditCheckpoint(line.RowId, line.Hash, when, keyId, mac);
        if (keyId != AuditCheckpoint.KeyIdOf(Key))
            return new(number, null, $"The checkpoint of {at} ({place}) was signed with another key (key id {keyId}): "
                + "it cannot be checked with the configured Audit:CheckpointKey.");
        if (!checkpoint.IsSignedWith(Key))
            return new(number, null, $"The checkpoint of {at} ({place}) does not match its signature: the checkpoint file was altered.");
        return new(number, checkpoint, null);
    }

    sealed record Line(long RowId, string Hash, string? At, string? KeyId, string? Mac);
}
