using TumorBoard.Domain.Scores;

namespace TumorBoard.Web.Hosting;

/// <summary>
/// The histology → radiosensitivity table is deployment data (scores.md §3.2): the file named by
/// Scores:RadiosensitivityTablePath (relative to the content root) when set, else the shipped default.
/// Loaded once at startup, so a broken file stops the app instead of a suggestion.
/// </summary>
public static class ScoreTables
{
    public const string PathKey = "Scores:RadiosensitivityTablePath";

    public static RadiosensitivityTable LoadRadiosensitivity(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path)) return RadiosensitivityTable.Default;
        return RadiosensitivityTable.FromJson(File.ReadAllText(Path.Combine(environment.ContentRootPath, path)));
    }
}
