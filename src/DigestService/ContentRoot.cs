namespace DigestService;

/// <summary>
/// Where appsettings.json and templates/ are read from: the working directory when it holds them (a run from the
/// repository root), else the folder of the binary, where the build copies them.
/// </summary>
public static class ContentRoot
{
    public static string Find()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) && Directory.Exists(Path.Combine(current, "templates"))
            ? current
            : AppContext.BaseDirectory;
    }
}
