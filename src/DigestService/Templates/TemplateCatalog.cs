using Scriban;
using Scriban.Runtime;

namespace DigestService.Templates;

/// <summary>
/// Every template under templates/, parsed once at start-up (a broken template fails the start, not the 7 a.m. send).
/// Names are paths without the extension: <c>email/digest.html</c>. A template is wrapped in the <c>_layout</c> of its
/// folder and kind when there is one; <c>.html</c> templates escape every value they write.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public TemplateCatalog(IHostEnvironment environment)
    {
        Root = Path.Combine(environment.ContentRootPath, "templates");
        if (!Directory.Exists(Root))
            throw new InvalidOperationException($"The templates folder is missing: {Root}");
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.sbn", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(Root, file).Replace('\\', '/')[..^".sbn".Length];
            var template = Template.Parse(File.ReadAllText(file), file);
            if (template.HasErrors)
                errors.AddRange(template.Messages.Select(m => m.ToString()));
            _templates[name] = template;
        }
        if (errors.Count > 0)
            throw new InvalidOperationException("Broken template: " + string.Join("; ", errors));
    }

    public string Root { get; }

    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Renders <paramref name="name"/> (e.g. <c>email/digest.html</c>) with <paramref name="model"/>, inside its layout.</summary>
    public string Render(string name, object model)
    {
        var html = name.EndsWith(".html", StringComparison.Ordinal);
        var body = RenderOne(name, model, html, content: null);
        var layout = $"{Path.GetDirectoryName(name)}/_layout{Path.GetExtension(name)}";
        return _templates.ContainsKey(layout) ? RenderOne(layout, model, html, body) : body;
    }

    private string RenderOne(string name, object model, bool html, string? content)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new KeyNotFoundException($"No template named '{name}' under {Root}.");
        var context = html ? new HtmlEscapingContext() : new TemplateContext();
        context.StrictVariables = true;
        var globals = new ScriptObject();
        globals.Import(model, renamer: context.MemberRenamer);
        if (content is not null)
            globals["content"] = html ? new RawHtml(content) : content;
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
