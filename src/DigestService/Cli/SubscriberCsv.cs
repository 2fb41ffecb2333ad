using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace DigestService.Cli;

/// <summary>One row of an import file: its line, the address as written, and the optional columns.</summary>
public sealed record ImportRow(long Line, string Email, SubscriberFields Fields, string? Error);

/// <summary>
/// Reads an import file with CsvHelper (RFC 4180: quoted fields with commas, quotes and line breaks, a BOM, CRLF or LF):
/// with a header naming an <c>email</c> column, the optional columns topics, keywords, authors, timezone, hour, frequency,
/// weekday and max_papers are read too (other columns are ignored); without one, each line is one address.
/// </summary>
public static class SubscriberCsv
{
    public static readonly IReadOnlyList<string> Columns = ["email", "topics", "keywords", "authors", "timezone", "hour", "frequency", "weekday", "max_papers"];

    public static async IAsyncEnumerable<ImportRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CsvMalformedRecord? malformed = null;
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed = record,
        };
        await using var csv = CsvReader.FromFile(path, options);
        Dictionary<string, int>? header = null;
        var first = true;
        while (await csv.ReadAsync(cancellationToken))
        {
            var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (first)
            {
                first = false;
                var names = record.Select(n => n.Trim().ToLowerInvariant()).ToList();
                if (names.Contains("email"))
                {
                    header = Columns.Where(names.Contains).ToDictionary(c => c, c => names.IndexOf(c));
                    continue;
                }
            }
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            var error = malformed is { } bad ? $"the line is not valid CSV ({bad.Reason}): quote a field that holds a quote, and close every quote" : null;
            malformed = null;
            yield return header is null
                ? new ImportRow(csv.LineNumber, record[0], new SubscriberFields(null, null, null, null, null, null, null), error)
                : new ImportRow(csv.LineNumber, Cell("email") ?? "", new SubscriberFields(Cell("topics"), Cell("keywords"), Cell("timezone"), Cell("hour"), Cell("frequency"), Cell("weekday"), Cell("max_papers")) { Authors = Cell("authors") }, error);

            // An empty cell keeps what is stored, as a missing column does.
            string? Cell(string column) =>
                header!.TryGetValue(column, out var index) && index < record.Length && record[index].Length > 0 ? record[index] : null;
        }
    }
}
