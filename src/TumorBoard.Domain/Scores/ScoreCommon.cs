namespace TumorBoard.Domain.Scores;

/// <summary>Version strings stored with every computed score (scores.md, general rule 2).</summary>
public static class ScoreVersions
{
    public const string Sins = "SINS/Fisher2010";
    public const string Escc = "ESCC/Bilsky2010";
    public const string Tokuhashi = "Tokuhashi/Revised2005";
    public const string Tomita = "Tomita/2001";
    public const string Noms = "NOMS/Laufer2013";
}

/// <summary>One out-of-range input: <paramref name="Field"/> is the camelCase input property name.</summary>
public sealed record ScoreInputError(string Field, string Message);

internal static class ScoreHelpers
{
    /// <summary>
    /// Points for one enumerated component, or null (and the field named in <paramref name="missing"/>)
    /// when the value is absent or not a defined member. scores.md general rule 4: no partial totals.
    /// </summary>
    public static int? Component<T>(T? value, Func<T, int> points, string field, List<string> missing)
        where T : struct, Enum
    {
        if (value is { } v && Enum.IsDefined(v)) return points(v);
        missing.Add(field);
        return null;
    }

    /// <summary>Adds an error when an enum value arrived that is not a defined member (e.g. a stray number in JSON).</summary>
    public static void CheckDefined<T>(List<ScoreInputError> errors, string field, T? value)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
            errors.Add(new ScoreInputError(field, $"'{v}' is not a valid {typeof(T).Name}."));
    }

    public static Exception Undefined<T>(T value) where T : struct, Enum =>
        new ArgumentOutOfRangeException(nameof(value), value, $"Undefined {typeof(T).Name}.");
}
