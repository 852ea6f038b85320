namespace TumorBoard.Web.Texts;

/// <summary>
/// The pages' own words (Ui.resx, English, keyed by the English text; Ui.de/.fr/.it.resx), read in views as <c>T["…"]</c>
/// (<c>IStringLocalizer&lt;Ui&gt;</c>, injected in Pages/_ViewImports). One file for the whole interface rather than one per
/// page: the same words ("Cases", "Sign in") are translated once and read the same on every page. The clinical vocabulary
/// is DisplayWords' (Domain), the validation messages ValidationTexts' (Application), the problem titles ProblemTexts'.
/// README "Languages".
/// </summary>
public sealed class Ui;
