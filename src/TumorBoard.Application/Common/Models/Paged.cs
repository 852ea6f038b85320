using FluentValidation;

namespace TumorBoard.Application.Common.Models;

/// <summary>One page of a list, with what a client needs to page on.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    /// <summary>The last page a client may ask for: with at most <see cref="MaxPageSize"/> rows a page, OFFSET stays below a million.</summary>
    public const int MaxPage = 10_000;
}

/// <summary>The paging part every list query shares (?page=&amp;pageSize=).</summary>
public abstract record PagedQuery
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? Paging.DefaultPageSize;
    /// <summary>The rows before this page (validated bounds keep it small; computed in long so no input can wrap it).</summary>
    public int Skip => (int)Math.Clamp(((long)PageNumber - 1) * Size, 0, int.MaxValue);
}

public sealed class PagedQueryValidator : AbstractValidator<PagedQuery>
{
    public PagedQueryValidator()
    {
        RuleFor(q => q.PageNumber).InclusiveBetween(1, Paging.MaxPage).OverridePropertyName("page")
            .WithMessage($"page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.Size).InclusiveBetween(1, Paging.MaxPageSize).OverridePropertyName("pageSize")
            .WithMessage($"pageSize must be between 1 and {Paging.MaxPageSize}.");
    }
}
