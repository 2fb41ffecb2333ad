using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using DigestService.Templates;

namespace DigestService.Tests.Templates;

public class TemplateEscapingTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("templates-");

    public void Dispose() => _root.Delete(recursive: true);

    private TemplateCatalog Catalog(params (string Name, string Text)[] templates)
    {
        foreach (var (name, text) in templates)
        {
            var path = Path.Combine(_root.FullName, "templates", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return new TemplateCatalog(new Environment(_root.FullName));
    }

    [Fact]
    public void Html_templates_escape_every_value_and_keep_their_own_markup()
    {
        var catalog = Catalog(("email/x.html.sbn", "<p title=\"{{ value }}\">{{ value }}</p>{{ for v in list }}<i>{{ v }}</i>{{ end }}"));

        var html = catalog.Render("email/x.html", new { Value = "<b>\"&'</b>", List = new[] { "<u>" } });

        Assert.Equal("<p title=\"&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;\">&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</p><i>&lt;u&gt;</i>", html);
    }

    [Fact]
    public void Text_templates_write_values_as_they_are()
    {
        var catalog = Catalog(("email/x.txt.sbn", "{{ value }}"));

        Assert.Equal("<b>&</b>", catalog.Render("email/x.txt", new { Value = "<b>&</b>" }));
    }

    [Fact]
    public void A_layout_wraps_its_folder_without_escaping_the_rendered_body_twice()
    {
        var catalog = Catalog(
            ("web/_layout.html.sbn", "<main>{{ content }}</main>"),
            ("web/page.html.sbn", "<h1>{{ title }}</h1>"));

        Assert.Equal("<main><h1>&lt;x&gt;</h1></main>", catalog.Render("web/page.html", new { Title = "<x>" }));
    }

    [Fact]
    public void A_broken_template_fails_at_start_naming_the_file()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Catalog(("email/bad.html.sbn", "{{ for x in }}")));

        Assert.Contains("bad.html.sbn", error.Message);
    }

    [Fact]
    public void The_variables_of_a_template_are_what_it_and_its_layout_read_in_values_conditions_and_loops()
    {
        var catalog = Catalog(
            ("email/_layout.txt.sbn", "{{ site_name }}: {{ content }}"),
            ("email/x.txt.sbn", "{{ if topics.size > 0 }}{{ for p in papers }}{{ p.title }}{{ end }}{{ end }}"));

        var variables = catalog.VariablesOf("email/x.txt");

        Assert.Subset(variables.ToHashSet(), new HashSet<string> { "content", "papers", "site_name", "topics" });
        Assert.DoesNotContain("size", variables);
        Assert.DoesNotContain("title", variables);
        Assert.DoesNotContain("keywords", variables);
    }

    [Fact]
    public void The_shipped_digest_does_not_read_the_readers_topics_and_the_nothing_new_note_does()
    {
        var catalog = new TemplateCatalog(new Environment(AppContext.BaseDirectory));

        Assert.DoesNotContain("topics", catalog.VariablesOf("email/digest.html"));
        Assert.DoesNotContain("keywords", catalog.VariablesOf("email/digest.txt"));
        Assert.Contains("topics", catalog.VariablesOf("email/nothing-new.html"));
    }

    [Fact]
    public void The_shipped_templates_all_parse()
    {
        var root = Path.Combine(AppContext.BaseDirectory);
        var catalog = new TemplateCatalog(new Environment(root));

        Assert.Contains("email/digest.html", catalog.Names);
        Assert.Contains("email/digest.txt", catalog.Names);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
