using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>
/// axe-core (shipped inside Deque.AxeCore.Playwright, nothing downloaded) run on the page as it is shown, with the
/// WCAG 2.0/2.1 A and AA rules plus axe's best practices (landmarks, one main, headings), which the audit used too.
/// </summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>Fails with every violation written out when axe finds any on the page.</summary>
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        if (await ViolationsAsync(page, what) is { } violations)
            Assert.Fail(violations);
    }

    /// <summary>The violations on the page written out (rule, impact, help, and each element with what is wrong), or null when there are none.</summary>
    public static async Task<string?> ViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        return result.Violations.Length == 0 ? null : Describe($"{what} at {page.ViewportSize?.Width}px", result.Violations);
    }

    private static string Describe(string what, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{what}:\n");
        foreach (var violation in violations)
        {
            text.Append($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]\n");
            foreach (var node in violation.Nodes)
            {
                // The checks that failed: for "any" checks, fixing one of them is enough.
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.Append($"    at {node.Target}: {string.Join(" / ", checks)}\n      {node.Html}\n");
            }
        }
        return text.ToString();
    }
}
