using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DigestService.Tests.Deploy;

/// <summary>What can be checked of the deploy files without Docker or a systemd host: they parse and hold what they need.</summary>
public partial class DeployFilesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigestService.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("DigestService.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Read("deploy/compose.yaml")));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void Compose_builds_the_service_with_a_volume_a_health_check_and_a_grace_period_above_the_shutdown_timeout()
    {
        var digest = Map(Map(Compose(), "services"), "digest");
        Assert.Equal("deploy/Dockerfile", Scalar(Map(digest, "build"), "dockerfile"));
        Assert.Contains("digest-data:/data", ((YamlSequenceNode)digest.Children[new YamlScalarNode("volumes")]).Select(v => ((YamlScalarNode)v).Value));
        var test = ((YamlSequenceNode)Map(digest, "healthcheck").Children[new YamlScalarNode("test")]).Select(v => ((YamlScalarNode)v).Value).ToList();
        Assert.Equal(["CMD", "dotnet", "DigestService.dll", "health"], test);
        Assert.True(TimeSpan.FromSeconds(int.Parse(Scalar(digest, "stop_grace_period").TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)) > TimeSpan.FromSeconds(25));
        var environment = Map(digest, "environment");
        foreach (var key in new[] { "Site__BaseUrl", "Smtp__Host", "Smtp__Password", "Smtp__From", "Digest__PostalAddress", "Admin__PasswordHash" })
            Assert.True(environment.Children.ContainsKey(new YamlScalarNode(key)), key);
        Assert.True(Map(Compose(), "volumes").Children.ContainsKey(new YamlScalarNode("digest-data")));
    }

    [Fact]
    public void The_dev_profile_adds_mailpit_and_only_it()
    {
        var services = Map(Compose(), "services");
        var mailpit = Map(services, "mailpit");
        Assert.StartsWith("axllent/mailpit", Scalar(mailpit, "image"));
        Assert.Equal(["dev"], ((YamlSequenceNode)mailpit.Children[new YamlScalarNode("profiles")]).Select(p => ((YamlScalarNode)p).Value));
        Assert.False(Map(services, "digest").Children.ContainsKey(new YamlScalarNode("profiles")));
    }

    [Fact]
    public void Every_variable_compose_reads_is_in_the_example_env_file()
    {
        var used = ComposeVariable().Matches(Read("deploy/compose.yaml")).Select(m => m.Groups[1].Value).ToHashSet();
        var example = Read("deploy/.env.example").Split('\n').Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim()).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(example));
    }

    [Fact]
    public void The_image_checks_its_health_with_the_health_verb_and_the_build_context_leaves_local_data_out()
    {
        Assert.Matches("(?m)^HEALTHCHECK .*CMD \\[\"dotnet\", \"DigestService.dll\", \"health\"\\]", Read("deploy/Dockerfile"));
        var ignored = Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        foreach (var pattern in new[] { "data/", "**/*.db", "**/.env", "**/bin/", "**/obj/", ".git/" })
            Assert.Contains(pattern, ignored);
    }

    [Fact]
    public async Task The_systemd_unit_is_type_notify_and_verifies()
    {
        var unit = Read("deploy/digestservice.service");
        Assert.Matches("(?m)^Type=notify$", unit);
        Assert.Matches("(?m)^User=digest$", unit);
        if (!File.Exists("/usr/bin/systemd-analyze"))
            return; // systemd-analyze is not on this machine; the rest above still holds.
        var verify = Process.Start(new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", Path.Combine(Root, "deploy/digestservice.service")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync();
        Assert.True(verify.ExitCode == 0, errors);
        Assert.DoesNotContain("digestservice.service:", errors);
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)(:-[^}]*)?\}")]
    private static partial Regex ComposeVariable();
}
