namespace TumorBoard.Domain.Common;

/// <summary>A business rule refused the change (an illegal status transition, a broken invariant): HTTP 409.</summary>
public class DomainConflictException : Exception, IRuleTextException
{
    public DomainConflictException(string message) : base(message) { }

    /// <summary>The message in English (<see cref="Exception.Message"/>) and, through <see cref="Text"/>, in the reader's language.</summary>
    public DomainConflictException(RuleText text) : base(text.English) => Text = text;

    public RuleText? Text { get; }
}

/// <summary>The acting user may not do this to this record (record-level rule): HTTP 403.</summary>
public class ForbiddenException : Exception, IRuleTextException
{
    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(RuleText text) : base(text.English) => Text = text;

    public RuleText? Text { get; }
}

/// <summary>The addressed record does not exist: HTTP 404.</summary>
public class NotFoundException : Exception, IRuleTextException
{
    public NotFoundException(string message) : base(message) { }

    public NotFoundException(RuleText text) : base(text.English) => Text = text;

    public RuleText? Text { get; }

    /// <summary>"{entity} {id} was not found.", the entity's word from RuleTexts "Entity.{entity}" in the reader's language
    /// (an entity without a key stays as given).</summary>
    public static NotFoundException For(string entity, object id) => new(new RuleText("NotFound", Entity(entity), id));

    /// <summary>An entity's word ("Case", "Agenda item") as a text of its own, for a sentence in any language.</summary>
    public static object Entity(string entity) =>
        RuleText.Resources.GetString("Entity." + entity, System.Globalization.CultureInfo.InvariantCulture) is null
            ? entity
            : new RuleText("Entity." + entity);
}
