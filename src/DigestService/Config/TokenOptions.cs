namespace DigestService.Config;

/// <summary>
/// Keys that sign links, by id. Add a key and make it current to rotate: links signed with older keys keep working
/// while their key is listed. With no key configured, one is generated once and kept in the database.
/// </summary>
public sealed class TokenOptions : ISelfValidatingOptions
{
    public Dictionary<string, string> Keys { get; set; } = [];
    public string CurrentKeyId { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        foreach (var (id, secret) in Keys)
        {
            if (!IsKeyId(id))
                yield return $"Tokens:Keys:{id}: a key id is 1 to 16 letters or digits.";
            if (string.IsNullOrEmpty(secret) || secret.Length < 32)
                yield return $"Tokens:Keys:{id} must be at least 32 characters of secret.";
        }
        if (CurrentKeyId.Length > 0 && !Keys.ContainsKey(CurrentKeyId))
            yield return $"Tokens:CurrentKeyId '{CurrentKeyId}' is not one of Tokens:Keys.";
    }

    public static bool IsKeyId(string id) => id.Length is > 0 and <= 16 && id.All(char.IsAsciiLetterOrDigit);
}
