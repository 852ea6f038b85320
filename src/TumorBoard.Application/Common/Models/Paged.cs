using System.Globalization;
using FluentValidation;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// One page of a list, with what a client needs to page on. <see cref="Next"/> and <see cref="Previous"/> are cursors
/// (<c>?cursor=</c>): the page after the last row or before the first one, found through the list's index whatever the
/// depth. <see cref="TotalCount"/> is counted only up to <see cref="Paging.CountCap"/>: when there are more rows,
/// <see cref="TotalIsCapped"/> is true and the total is a lower bound ("1,000+"), so no request counts a whole large set.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount) : ICursorPage
{
    /// <summary>True when there are more rows than <see cref="TotalCount"/> says (it stopped counting at the cap).</summary>
    public bool TotalIsCapped { get; init; }
    /// <summary>The cursor of the next page, null on the last page.</summary>
    public string? Next { get; init; }
    /// <summary>The cursor of the previous page, null on the first page.</summary>
    public string? Previous { get; init; }
    /// <summary>Pages by the count so far (a lower bound when <see cref="TotalIsCapped"/>).</summary>
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Previous is not null || Page > 1;
    public bool HasNext => Next is not null;

    /// <summary>The same page with each row turned into <typeparamref name="TOut"/>.</summary>
    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, TotalCount)
    {
        TotalIsCapped = TotalIsCapped, Next = Next, Previous = Previous,
    };
}

/// <summary>A page of any list, as the API's Link header sees it: the cursors of the pages around it.</summary>
public interface ICursorPage
{
    string? Next { get; }
    string? Previous { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    /// <summary>Lists count at most this many rows (then "1,000+"): counting 100,000 cases on every request is the cost.</summary>
    public const int CountCap = 1_000;

    /// <summary>
    /// The last page a client may ask for by number at <paramref name="pageSize"/>: page numbers reach the rows the capped
    /// count counts (the page holding row <see cref="CountCap"/>, e.g. 40 at 25 a page), so OFFSET never skips more than
    /// <see cref="CountCap"/> index entries and a numbered page costs what the count does. Beyond it the list pages by its
    /// <c>next</c> cursor, which costs the same at any depth (README "Lists: cursors, capped counts, follow-up work as data").
    /// </summary>
    public static int MaxPage(int pageSize) => (CountCap + Math.Clamp(pageSize, 1, MaxPageSize) - 1) / Math.Clamp(pageSize, 1, MaxPageSize);
    public const int CursorMaxLength = 512;
}

/// <summary>The paging part every list query shares (?page=&amp;pageSize=&amp;cursor=).</summary>
public abstract record PagedQuery
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    /// <summary>A <c>next</c> or <c>previous</c> cursor from an earlier page of the same list (instead of <c>page</c>).</summary>
    public string? Cursor { get; init; }
    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? Paging.DefaultPageSize;
    /// <summary>The rows before this page (validated bounds keep it small; computed in long so no input can wrap it).</summary>
    public int Skip => (int)Math.Clamp(((long)PageNumber - 1) * Size, 0, int.MaxValue);
}

public sealed class PagedQueryValidator : AbstractValidator<PagedQuery>
{
    public PagedQueryValidator()
    {
        RuleFor(q => q.PageNumber).Must((q, page) => page >= 1 && page <= Paging.MaxPage(q.Size)).OverridePropertyName("page")
            .WithText("Paged_PageRange", q => [Paging.MaxPage(q.Size), Math.Clamp(q.Size, 1, Paging.MaxPageSize),
                Paging.CountCap.ToString("N0", CultureInfo.InvariantCulture)]);
        RuleFor(q => q.Size).InclusiveBetween(1, Paging.MaxPageSize).OverridePropertyName("pageSize")
            .WithText("Paged_PageSize", Paging.MaxPageSize);
    }
}

/// <summary>The paging rules of a list that pages by cursor as well: the cursor must be one this list handed out.</summary>
public sealed class KeysetQueryValidator<TKey> : AbstractValidator<PagedQuery>
{
    public KeysetQueryValidator(string list)
    {
        Include(new PagedQueryValidator());
        RuleFor(q => q.Cursor).Must(c => PageCursor.TryDecode<TKey>(list, c, out _))
            .When(q => q.Cursor is not null).OverridePropertyName("cursor")
            .WithText("CursorNotCursorListUseNext");
        RuleFor(q => q.Page).Null().When(q => q.Cursor is not null).OverridePropertyName("cursor")
            .WithText("GiveEitherPageCursorNotBoth");
    }
}
