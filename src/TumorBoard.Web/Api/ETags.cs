using Microsoft.Net.Http.Headers;

namespace TumorBoard.Web.Api;

/// <summary>The xmin row version as a strong ETag, and back from If-Match.</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version}\"";

    /// <summary>null when If-Match is missing (the handler answers 428); 0 never matches (412) when it is unreadable.</summary>
    public static uint? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        return EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag)
               && uint.TryParse(tag.Tag.ToString().Trim('"'), out var v) ? v : 0;
    }

    public static void Set(HttpResponse response, uint version) => response.Headers.ETag = Format(version);
}
