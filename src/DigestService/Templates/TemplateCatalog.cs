using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

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

    /// <summary>
    /// The names (as templates spell them: <c>topics</c>, <c>site_name</c>) of the values that <paramref name="name"/>
    /// and its layout read from the model: what a render can depend on (with the template's own loop variables).
    /// </summary>
    public IReadOnlySet<string> VariablesOf(string name)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var layout = $"{Path.GetDirectoryName(name)}/_layout{Path.GetExtension(name)}";
        foreach (var template in new[] { name, layout })
        {
            if (_templates.TryGetValue(template, out var parsed))
                Collect(parsed.Page, names);
        }
        return names;
    }

    private static void Collect(ScriptNode? node, HashSet<string> names)
    {
        if (node is null)
            return;
        if (node is ScriptVariableGlobal variable)
            names.Add(variable.Name);
        // In topics.size, "size" is a member of topics, not a value of the model.
        if (node is ScriptMemberExpression member)
        {
            Collect(member.Target, names);
            return;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
            Collect(node.GetChildren(i), names);
    }

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
