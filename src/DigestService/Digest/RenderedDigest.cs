namespace DigestService.Digest;

public sealed record RenderedDigest(string Subject, string Html, string Text);
