using System.Xml.Linq;
using DigestService.Store;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DigestService.Web;

/// <summary>
/// Keeps ASP.NET Core's Data Protection keys in the database, so every node of the service signs and reads form tokens
/// with the same key ring: a form loaded from one node posts to another. Whoever can read the database can read the
/// keys, as with the link-signing key kept there.
/// </summary>
public sealed class DatabaseKeyRepository(WebStateStore store) : IXmlRepository
{
    // Data Protection's repository interface is synchronous; it is called when the key ring loads or a key is added.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.DataProtectionKeysAsync().GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.StoreDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
