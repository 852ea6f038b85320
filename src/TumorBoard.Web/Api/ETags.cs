using System.Globalization;
using Microsoft.Net.Http.Headers;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Api;

/// <summary>The xmin row version as a strong ETag, and If-Match back as the versions a change may be based on.</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// If-Match as RFC 9110 §13.1.1 evaluates it: absent (or empty) → null, so a change that needs a version answers 428;
    /// <c>*</c> → any current version; otherwise the whole list (every If-Match line) with strong comparison: a weak tag
    /// (<c>W/"7"</c>) or a tag that is not one of our versions never matches, so a list of only those answers 412.
    /// A value that is not an entity-tag list (<c>7</c> without quotes, <c>*</c> mixed with tags) is a 400 naming the header.
    /// </summary>
    public static VersionMatch? FromIfMatch(HttpRequest request)
    {
        var lines = request.Headers.IfMatch.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();
        if (lines.Count == 0) return null;
        if (!EntityTagHeaderValue.TryParseStrictList(lines, out var tags) || tags.Count == 0
            || (tags.Count > 1 && tags.Any(t => t.Equals(EntityTagHeaderValue.Any))))
            throw new BadHeaderException(HeaderNames.IfMatch,
                "If-Match must be * or a list of entity tags as the ETag header gives them, e.g. \"12345\".");
        if (tags.Count == 1 && tags[0].Equals(EntityTagHeaderValue.Any)) return VersionMatch.Any;
        var versions = tags.Where(t => !t.IsWeak)
            .Select(t => uint.TryParse(t.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (uint?)null)
            .OfType<uint>().ToList();
        return versions.Count == 0 ? VersionMatch.None : VersionMatch.OneOf(versions);
    }

    public static void Set(HttpResponse response, uint version) => response.Headers.ETag = Format(version);
}

/// <summary>A request header that cannot be read: 400 problem details naming the header.</summary>
public sealed class BadHeaderException(string header, string message) : BadHttpRequestException(message)
{
    public string Header { get; } = header;
}
