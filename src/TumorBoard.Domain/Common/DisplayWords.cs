using System.Text.RegularExpressions;

namespace TumorBoard.Domain.Common;

/// <summary>
/// Member and field names as a reader sees them in histories, comparisons and reports: "TreatmentRecommendation" ->
/// "Treatment recommendation", "SbrtSrs" -> "SBRT/SRS". Short codes ("T5", "D") stay as they are.
/// </summary>
public static partial class DisplayWords
{
    static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["SbrtSrs"] = "SBRT/SRS", ["ConventionalEbrt"] = "Conventional EBRT", ["EnBlocResection"] = "En bloc resection",
        ["ReferralPalliativeCare"] = "Referral to palliative care", ["ReferralPain"] = "Referral to pain management",
        ["ReferralRehabilitation"] = "Referral to rehabilitation", ["ReferralClinicalTrial"] = "Referral to a clinical trial",
        ["AfterPreviousStep"] = "After the previous step", ["StandardOfCareConfirmed"] = "Standard of care confirmed",
        ["Ecog"] = "ECOG", ["Asia"] = "ASIA", ["ReadyForBoard"] = "Ready for board", ["PatientWish"] = "Patient's wish",
        ["FollowUpRecorded"] = "Follow-up recorded",
    };

    public static string Of(Enum value) => Of(value.ToString());

    public static string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v.ToString()) : "";

    public static string Of(string name)
    {
        if (Special.TryGetValue(name, out var words)) return words;
        if (name.Length <= 3) return name;
        var spaced = Spacing().Replace(name, " ").Trim();
        return spaced.Length == 0 ? name : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Z])")]
    private static partial Regex Spacing();
}
