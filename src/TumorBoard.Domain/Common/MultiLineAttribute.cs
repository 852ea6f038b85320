namespace TumorBoard.Domain.Common;

/// <summary>
/// Free text that may span lines (a textarea: a rationale, a reason, a note, the clinical question): tabs and line breaks
/// are allowed in it. Every other text is one line, without control characters (checked for every message by the
/// application's input check).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;
