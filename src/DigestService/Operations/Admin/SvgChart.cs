using System.Globalization;
using System.Net;
using System.Text;
using DigestService.Templates;

namespace DigestService.Operations.Admin;

/// <summary>One series of a chart: a label, a colour, and a value per day.</summary>
public sealed record ChartSeries(string Label, string Colour, IReadOnlyDictionary<DateOnly, long> Values);

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no CDN, and nothing the strict CSP refuses (colours are
/// presentation attributes, not style attributes). Each chart has a title for screen readers and a legend in text.
/// </summary>
public static class SvgChart
{
    private const int Width = 640, Height = 220, Left = 44, Right = 8, Top = 10, Bottom = 28;

    /// <summary>One line per series over <paramref name="days"/>.</summary>
    public static RawHtml Lines(string title, IReadOnlyList<DateOnly> days, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, series.SelectMany(s => days.Select(d => s.Values.GetValueOrDefault(d))).DefaultIfEmpty(0).Max());
        var svg = Start(title, days, max);
        foreach (var line in series)
        {
            var points = string.Join(" ", days.Select((day, i) => $"{X(i, days.Count):0.#},{Y(line.Values.GetValueOrDefault(day), max):0.#}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"2\" points=\"{points}\"/>");
        }
        return End(svg, series);
    }

    /// <summary>A bar per day, the series stacked in order.</summary>
    public static RawHtml StackedBars(string title, IReadOnlyList<DateOnly> days, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, days.Select(d => series.Sum(s => s.Values.GetValueOrDefault(d))).DefaultIfEmpty(0).Max());
        var svg = Start(title, days, max);
        var slot = (double)(Width - Left - Right) / Math.Max(1, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            long below = 0;
            foreach (var bar in series)
            {
                var value = bar.Values.GetValueOrDefault(days[i]);
                if (value == 0)
                    continue;
                var top = Y(below + value, max);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{Left + i * slot + slot * 0.15:0.#}\" y=\"{top:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{Y(below, max) - top:0.#}\" fill=\"{bar.Colour}\"><title>{Text($"{days[i]:yyyy-MM-dd} {bar.Label}: {value}")}</title></rect>");
                below += value;
            }
        }
        return End(svg, series);
    }

    private static StringBuilder Start(string title, IReadOnlyList<DateOnly> days, long max)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Text(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Text(title)}</title>");
        // Axis, and grid lines at 0, half and the top with their values.
        foreach (var value in new[] { 0, max / 2.0, max })
        {
            var y = Y(value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">{value:0.#}</text>");
        }
        if (days.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\" fill=\"#57606a\">{days[0]:yyyy-MM-dd}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">{days[^1]:yyyy-MM-dd}</text>");
        }
        return svg;
    }

    private static RawHtml End(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        svg.Append("</svg><ul class=\"legend\">");
        foreach (var s in series)
            svg.Append(CultureInfo.InvariantCulture, $"<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{s.Colour}\"/></svg> {Text(s.Label)}</li>");
        svg.Append("</ul>");
        return new RawHtml(svg.ToString());
    }

    private static double X(int index, int count) => count <= 1 ? Left : Left + (double)index * (Width - Left - Right) / (count - 1);

    private static double Y(double value, double max) => Top + (Height - Top - Bottom) * (1 - value / max);

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
