using NetArchTest.Rules;

namespace DigestService.Tests.Architecture;

/// <summary>
/// The stages point one way (README, "How it works"): a namespace may use only those listed before it, and the
/// leaves use no other part of the service. A new upward arrow fails here, naming the types that draw it.
/// </summary>
public class StageDirectionTests
{
    /// <summary>Leaves: shared helpers below everything; they use nothing else of the service.</summary>
    public static readonly string[] Leaves = ["Papers", "Addresses", "Templates"];

    /// <summary>The stages, bottom to top. The root namespace (Program, CommandLine, StartupChecks) composes them all.</summary>
    public static readonly string[] Stages = ["Config", "Store", "Links", "Telemetry", "Feed", "Digest", "Delivery", "Web", "Operations", "Jobs", "Cli"];

    public static TheoryData<string, string> LowerAndHigher()
    {
        var pairs = new TheoryData<string, string>();
        for (var low = 0; low < Stages.Length; low++)
            for (var high = low + 1; high < Stages.Length; high++)
                pairs.Add(Stages[low], Stages[high]);
        return pairs;
    }

    public static TheoryData<string> LeafNames() => [.. Leaves];

    [Theory]
    [MemberData(nameof(LowerAndHigher))]
    public void A_stage_does_not_use_a_stage_above_it(string lower, string higher) =>
        AssertNoDependency(lower, higher, "DigestService." + higher);

    [Theory]
    [MemberData(nameof(LeafNames))]
    public void A_leaf_uses_no_stage_and_no_other_leaf(string leaf) =>
        AssertNoDependency(leaf, "the rest of the service",
            [.. Stages.Concat(Leaves).Where(other => other != leaf).Select(other => "DigestService." + other), "DigestService.Program", "DigestService.CommandLine", "DigestService.StartupChecks", "DigestService.ContentRoot"]);

    [Fact]
    public void No_stage_uses_the_composition_root() =>
        AssertNoDependencyFrom(Stages.Concat(Leaves), "DigestService.Program", "DigestService.CommandLine", "DigestService.StartupChecks");

    [Fact]
    public void Every_namespace_is_a_stage_or_a_leaf()
    {
        var known = Stages.Concat(Leaves).Select(name => "DigestService." + name).ToList();
        var strays = typeof(Program).Assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith("DigestService.", StringComparison.Ordinal) && !known.Any(k => ns == k || ns.StartsWith(k + ".", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        Assert.Empty(strays);
    }

    private static void AssertNoDependency(string from, string what, params string[] dependencies)
    {
        var result = InNamespace(from).ShouldNot().HaveDependencyOnAny(dependencies).GetResult();
        Assert.True(result.IsSuccessful, $"{from} must not use {what}, but these types do: {Failing(result)}");
    }

    private static void AssertNoDependencyFrom(IEnumerable<string> namespaces, params string[] dependencies)
    {
        foreach (var from in namespaces)
            AssertNoDependency(from, string.Join(", ", dependencies), dependencies);
    }

    private static PredicateList InNamespace(string name) =>
        Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespaceMatching($@"^DigestService\.{name}(\..+)?$");

    private static string Failing(TestResult result) =>
        string.Join("; ", (result.FailingTypes ?? []).Select(type => $"{type.FullName} {type.Explanation}".Trim()));
}
