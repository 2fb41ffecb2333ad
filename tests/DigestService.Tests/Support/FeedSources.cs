namespace DigestService.Tests.Support;

/// <summary>Feed:Sources settings for a <see cref="TestApp"/>, pointing at paths of one <see cref="FeedServer"/>.</summary>
public static class FeedSources
{
    public static TestApp WithSources(this TestApp app, FeedServer server, params (string Name, string Format, string Path)[] sources)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            app.With($"Feed:Sources:{i}:Name", sources[i].Name)
                .With($"Feed:Sources:{i}:Format", sources[i].Format)
                .With($"Feed:Sources:{i}:Url", $"http://127.0.0.1:{server.Port}{sources[i].Path}");
        }
        return app;
    }
}
