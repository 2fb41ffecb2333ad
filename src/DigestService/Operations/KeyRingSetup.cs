using System.Security.Cryptography.X509Certificates;
using DigestService.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace DigestService.Operations;

/// <summary>
/// ASP.NET Core Data Protection (form tokens, the antiforgery cookie) with its key ring in the database, so a form
/// loaded before a restart still submits after it and every node of one database shares the keys. At rest the keys
/// are encrypted with DPAPI on Windows, or with the certificate in DataProtection:CertificateFile when one is given;
/// otherwise they are stored as Data Protection writes them (Linux has no machine key store to lean on), and the
/// database file's permissions are what protects them.
/// </summary>
public static class KeyRingSetup
{
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        // The default application name is the content root path: a moved install or a new container would lose its keys.
        var dataProtection = services.AddDataProtection().SetApplicationName("DigestService");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((options, store) => options.XmlRepository = store);
        var certificateFile = configuration["DataProtection:CertificateFile"];
        if (!string.IsNullOrEmpty(certificateFile))
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificateFile, configuration["DataProtection:CertificatePassword"]));
        else if (OperatingSystem.IsWindows())
            dataProtection.ProtectKeysWithDpapi();
        return services;
    }
}
