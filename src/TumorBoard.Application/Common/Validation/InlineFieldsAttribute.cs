namespace TumorBoard.Application.Common.Validation;

/// <summary>
/// The fields of this part of a message are named as the message's own ("Ecog", "Lesions[0].Escc", not "Content.Ecog"):
/// the part is what the API's body carries flat (an assessment's content). <see cref="InputCheck"/> names its findings so;
/// the message's validator does the same with <c>OverridePropertyName("")</c> on the part's rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InlineFieldsAttribute : Attribute;
