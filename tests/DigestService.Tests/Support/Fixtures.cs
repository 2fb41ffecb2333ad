namespace DigestService.Tests.Support;

/// <summary>The real feed answers under Fixtures/feeds.</summary>
public static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static string HfDay(string date) => Read($"hf-daily-papers-{date}.json");

    public static IEnumerable<string> HfDays =>
        Directory.EnumerateFiles(Folder, "hf-daily-papers-20*.json").Select(f => Path.GetFileNameWithoutExtension(f)["hf-daily-papers-".Length..]).Order();
}
