using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// How one list pages by its sort key: the order forwards and backwards, "after this key" and "before this key" (row-value
/// comparisons that PostgreSQL answers from the list's index), and the key of a row.
/// </summary>
public sealed class Keyset<TSource, TKey>(
    string list,
    Func<IQueryable<TSource>, IOrderedQueryable<TSource>> forward,
    Func<IQueryable<TSource>, IOrderedQueryable<TSource>> backward,
    Func<IQueryable<TSource>, TKey, IQueryable<TSource>> after,
    Func<IQueryable<TSource>, TKey, IQueryable<TSource>> before)
{
    public string List => list;

    /// <summary>
    /// One page of <paramref name="rows"/> (filtered, not ordered): by cursor when the query has one, else by page number
    /// (OFFSET over the index, bounded by <see cref="Paging.MaxPage"/> to the counted rows). Fetches one row more than the page to know whether
    /// there is a next one, and counts at most <see cref="Paging.CountCap"/> + 1 rows, and not at all when the first page
    /// already holds them all: one or two statements, whatever the size of the list. <paramref name="countAtMost"/>, when
    /// given, counts instead (up to its argument, the cap + 1): a list whose page needs a join its count does not (the case
    /// list's patients) counts from fewer tables.
    /// </summary>
    public async Task<Paged<TRow>> PageAsync<TRow>(IQueryable<TSource> rows, PagedQuery query, Expression<Func<TSource, TRow>> select,
        Func<TRow, TKey> keyOf, CancellationToken ct, Func<int, CancellationToken, Task<int>>? countAtMost = null)
    {
        var size = query.Size;
        List<TRow> items;
        bool more, backwards = false, fromCursor = query.Cursor is not null;
        if (fromCursor)
        {
            // The validator refused anything that does not decode.
            if (!PageCursor.TryDecode<TKey>(list, query.Cursor, out var at))
                throw new InvalidOperationException("The cursor was not validated.");
            backwards = at.Backward;
            var page = backwards ? backward(before(rows, at.Key)) : forward(after(rows, at.Key));
            items = await page.Take(size + 1).Select(select).ToListAsync(ct);
            more = items.Count > size;
            if (more) items.RemoveAt(size);
            if (backwards) items.Reverse();
        }
        else
        {
            var ordered = forward(rows);
            IQueryable<TSource> page = query.Skip > 0 ? ordered.Skip(query.Skip) : ordered;
            items = await page.Take(size + 1).Select(select).ToListAsync(ct);
            more = items.Count > size;
            if (more) items.RemoveAt(size);
        }

        // Before this page there is something when we came backwards and found more, came forwards from a cursor, or skipped.
        var hasBefore = backwards ? more : fromCursor || query.Skip > 0;
        var hasAfter = backwards || more;
        string? next = hasAfter && items.Count > 0 ? PageCursor.Encode(list, false, keyOf(items[^1])) : null;
        string? previous = hasBefore && items.Count > 0 ? PageCursor.Encode(list, true, keyOf(items[0])) : null;

        int total;
        var capped = false;
        if (!fromCursor && !more && (items.Count > 0 || query.Skip == 0)) total = query.Skip + items.Count;
        else
        {
            // In the list's order, so that the count walks the same index as the page and stops after CountCap + 1 entries.
            // Unordered, the planner guesses that a LIMIT over a filter is met early in a sequential scan; when the matching
            // rows lie late in the table (ReadyForBoard: the newest cases) that scan reads all of it (issue #11).
            total = countAtMost is not null
                ? await countAtMost(Paging.CountCap + 1, ct)
                : await forward(rows).Take(Paging.CountCap + 1).CountAsync(ct);
            if (total > Paging.CountCap)
            {
                capped = true;
                total = Math.Max(Paging.CountCap, fromCursor ? 0 : query.Skip + items.Count);
            }
        }
        return new Paged<TRow>(items, fromCursor ? 0 : query.PageNumber, size, total)
        {
            TotalIsCapped = capped, Next = next, Previous = previous,
        };
    }
}
