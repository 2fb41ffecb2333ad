using System.Net;

namespace DigestService.Web;

/// <summary>The key a client is rate-limited by: its IPv4 address, or the /64 of its IPv6 address (one home or server gets a whole /64).</summary>
public static class ClientAddress
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
