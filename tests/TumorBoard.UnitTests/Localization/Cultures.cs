using System.Globalization;

namespace TumorBoard.UnitTests.Localization;

/// <summary>Runs a check with the current (UI and formatting) culture set to <c>name</c>, and restores both after.</summary>
public static class Cultures
{
    public static void InCulture(string name, Action check)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            check();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
