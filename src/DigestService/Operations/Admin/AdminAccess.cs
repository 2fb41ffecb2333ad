using System.Net;
using System.Text;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Admin;

/// <summary>
/// Who may see /admin: nobody unless Admin:PasswordHash or Admin:AllowLoopback is set (then it answers 404 as if it
/// did not exist); with a hash, HTTP Basic with that password (any user name); with AllowLoopback, loopback clients.
/// The client address is the one the forwarded-headers middleware settled on, so a local proxy does not count as loopback.
/// A header that passed lately is taken from <see cref="VerifiedCredentials"/> without running PBKDF2 again.
/// </summary>
public sealed class AdminAccess(IOptions<AdminOptions> options, VerifiedCredentials verified) : IEndpointFilter
{
    private const string Challenge = "Basic realm=\"DigestService admin\", charset=\"UTF-8\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var admin = options.Value;
        var http = context.HttpContext;
        if (!admin.Enabled)
            return Results.NotFound();
        if (admin.AllowLoopback && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))
            return await next(context);
        if (admin.PasswordHash.Length > 0 && IsVerified(http.Request.Headers.Authorization.ToString(), admin.PasswordHash))
            return await next(context);
        http.Response.Headers.WWWAuthenticate = Challenge;
        return Results.Text("Sign in with the admin password.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private bool IsVerified(string header, string passwordHash)
    {
        if (verified.Contains(header))
            return true;
        if (PasswordFrom(header) is not { } password || !PasswordHash.Verify(password, passwordHash))
            return false;
        verified.Add(header);
        return true;
    }

    private static string? PasswordFrom(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
