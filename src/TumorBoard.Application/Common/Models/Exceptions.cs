using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Common.Models;

/// <summary>An update was sent without the version it was based on (HTTP 428).</summary>
public sealed class VersionRequiredException() : Exception(Rule.English), IRuleTextException
{
    static readonly RuleText Rule = new("VersionRequired");

    public RuleText? Text => Rule;
}

/// <summary>The record changed since the client read it (HTTP 412 on the API; a message on the pages). The entity's word
/// ("case", "patient letter") is read from RuleTexts "Record.{entity}" in the reader's language.</summary>
public sealed class StaleVersionException(string entity) : Exception(TextFor(entity).English), IRuleTextException
{
    public RuleText? Text { get; } = TextFor(entity);

    static RuleText TextFor(string entity) => new("StaleVersion",
        RuleText.Resources.GetString("Record." + entity, System.Globalization.CultureInfo.InvariantCulture) is null ? entity : new RuleText("Record." + entity));
}
