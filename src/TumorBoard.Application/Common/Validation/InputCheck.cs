using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using FluentValidation.Results;
using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Common.Validation;

/// <summary>
/// The check every message passes before its validators run (ValidationBehavior), so that no field can forget it:
/// every text (<see cref="TextRules"/>; multi-line only where the property says <see cref="MultiLineAttribute"/>), every
/// enum value (only defined members), and every list and nested part that the message declares non-nullable (a JSON
/// <c>null</c> for <c>lesions</c> or <c>[null]</c> is refused, never read as "empty" or left to fail later). It walks the
/// settable public properties of the message and of the parts it contains (our own types only), with the property paths
/// FluentValidation uses ("Lesions[0].ImagingDate"; a part marked <see cref="InlineFieldsAttribute"/> adds no name of its
/// own). The walk is planned once per type.
/// </summary>
public static class InputCheck
{
    public const string NullList = "Send a list here (it may be empty), not null.";
    public const string NullEntry = "This entry of the list is null: send the entry or leave it out.";
    public const string NullPart = "Send this part of the request, not null.";
    const int MaxDepth = 8;

    enum Kind { Text, Enum, Part, Other }

    sealed record Element(Kind Kind, Type Type, bool MayBeNull, bool MultiLine);

    sealed record Field(PropertyInfo Property, Element Value, Element? Item, bool MayBeNull, bool Inline = false);

    static readonly ConcurrentDictionary<Type, Field[]> Plans = new();

    /// <summary>Every problem found in <paramref name="message"/>; empty when it may go on to its validators.</summary>
    public static List<ValidationFailure> Check(object message)
    {
        List<ValidationFailure> failures = [];
        Walk(message, "", failures, 0);
        return failures;
    }

    static void Walk(object part, string prefix, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var field in Plans.GetOrAdd(part.GetType(), Plan))
        {
            var path = prefix + field.Property.Name;
            var value = field.Property.GetValue(part);
            if (field.Item is not { } item)
            {
                if (value is null && !field.MayBeNull && field.Value.Kind == Kind.Part) failures.Add(new ValidationFailure(path, NullPart));
                else if (value is not null && field.Inline) Walk(value, prefix, failures, depth + 1);
                else if (value is not null) CheckValue(value, field.Value, path, failures, depth);
                continue;
            }
            if (value is null)
            {
                if (!field.MayBeNull) failures.Add(new ValidationFailure(path, NullList));
                continue;
            }
            if (item.Kind == Kind.Other && !item.MayBeNull) continue;   // e.g. a list of ids: nothing to look at
            var i = 0;
            foreach (var entry in (IEnumerable)value)
            {
                if (entry is null)
                {
                    if (!item.MayBeNull) failures.Add(new ValidationFailure($"{path}[{i}]", NullEntry));
                }
                else CheckValue(entry, item, $"{path}[{i}]", failures, depth);
                i++;
            }
        }
    }

    static void CheckValue(object value, Element element, string path, List<ValidationFailure> failures, int depth)
    {
        switch (element.Kind)
        {
            case Kind.Text when TextRules.Problem((string)value, element.MultiLine) is { } problem:
                failures.Add(new ValidationFailure(path, problem));
                break;
            case Kind.Enum when !Enum.IsDefined(element.Type, value):
                failures.Add(new ValidationFailure(path,
                    $"'{Convert.ToInt64(value, CultureInfo.InvariantCulture)}' is not one of: {string.Join(", ", Enum.GetNames(element.Type))}."));
                break;
            case Kind.Part:
                Walk(value, path + ".", failures, depth + 1);
                break;
        }
    }

    static Field[] Plan(Type type)
    {
        var nullability = new NullabilityInfoContext();
        List<Field> fields = [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Only what a client can set: computed properties (PageNumber, Summary, IsTreatment) are not input.
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true } || property.GetMethod is null) continue;
            var info = nullability.Create(property);
            var multiLine = Attribute.IsDefined(property, typeof(MultiLineAttribute), inherit: true);
            var mayBeNull = info.ReadState != NullabilityState.NotNull;
            if (ItemType(property.PropertyType) is { } itemType)
            {
                var itemInfo = property.PropertyType.IsArray ? info.ElementType
                    : info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null;
                var item = ElementOf(itemType, itemInfo is null || itemInfo.ReadState != NullabilityState.NotNull, multiLine);
                fields.Add(new Field(property, item, item, mayBeNull));
                continue;
            }
            var element = ElementOf(property.PropertyType, mayBeNull, multiLine);
            var inline = element.Kind == Kind.Part && Attribute.IsDefined(property, typeof(InlineFieldsAttribute), inherit: true);
            if (element.Kind != Kind.Other) fields.Add(new Field(property, element, null, mayBeNull, inline));
        }
        return [.. fields];
    }

    static Element ElementOf(Type type, bool mayBeNull, bool multiLine)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var t = underlying ?? type;
        var kind = t == typeof(string) ? Kind.Text
            : t.IsEnum ? Kind.Enum
            : t.IsClass && IsOurs(t) ? Kind.Part
            : Kind.Other;
        return new Element(kind, t, mayBeNull || underlying is not null, multiLine);
    }

    /// <summary>The element type of a list-like property (not of text), or null.</summary>
    static Type? ItemType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    static bool IsOurs(Type type) => type.Namespace?.StartsWith("TumorBoard.", StringComparison.Ordinal) == true;
}
