using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DigestService.Store;

/// <summary>
/// The Data Protection key ring in the database instead of memory, so a form opened before a restart (or on another
/// node of the same database) still verifies. Keys are only ever added; Data Protection itself expires and rotates them.
/// </summary>
public sealed class DataProtectionKeyStore(Database database, TimeProvider clock) : IXmlRepository
{
    // IXmlRepository is synchronous; Microsoft.Data.Sqlite does its I/O synchronously either way.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>(database.Sql["DataProtectionKeys"]).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(database.Sql["StoreDataProtectionKey"], new
        {
            Name = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            Now = Iso.Instant(clock.GetUtcNow()),
        });
    }
}
