using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// A list position handed to clients: base64url of JSON naming the list, the direction and the sort key of the row it
/// starts after (or before). Opaque to clients and not secret: a tampered cursor names another position in the same list,
/// which the query's own filters and the caller's role still govern, so it can show nothing the caller may not see. Any
/// text that does not decode to this list's key is refused (400 naming <c>cursor</c>).
/// </summary>
public static class PageCursor
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Encode<TKey>(string list, bool backward, TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<TKey>(list, backward, key), Json));

    public static bool TryDecode<TKey>(string list, string? text, out (bool Backward, TKey Key) position)
    {
        position = default;
        if (string.IsNullOrEmpty(text) || text.Length > Paging.CursorMaxLength) return false;
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            var envelope = JsonSerializer.Deserialize<Envelope<TKey>>(bytes, Json);
            if (envelope is null || envelope.L != list || envelope.K is null) return false;
            position = (envelope.B, envelope.K);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    sealed record Envelope<TKey>(string L, bool B, TKey K);
}
