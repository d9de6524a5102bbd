using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WebhookKit.PayPal;

/// <summary>
/// A <c>PAYPAL-CERT-URL</c> that may be fetched, and the checks that decide it before anything is: an absolute HTTPS
/// URL without user information, of at most <see cref="MaxChars"/> characters, whose host (and port) is on the
/// allow-list. The header is the sender's choice: PayPal's own SDK fetches any URL it is given, which lets anyone sign
/// with a certificate of their own from a host of their own. An instance exists only for a URL that passed
/// <see cref="TryAllow"/>, and the certificate store takes nothing else, so every URL it keeps was allow-listed.
/// </summary>
internal sealed class PayPalCertificateUrl
{
    /// <summary>The longest certificate URL (PayPal's API schema allows 500 characters).</summary>
    public const int MaxChars = 500;

    /// <summary>The longest host name (DNS: 253 characters), as configured and in its ASCII (IDN) form.</summary>
    public const int MaxHostChars = 253;

    /// <summary>The longest allow-list entry: a host name, a colon and a port.</summary>
    public const int MaxHostEntryChars = MaxHostChars + 6;

    private const int DefaultPort = 443;

    private PayPalCertificateUrl(string text, Uri uri, string allowedHost)
    {
        Text = text;
        Uri = uri;
        AllowedHost = allowedHost;
    }

    /// <summary>Gets the header's value as sent: the certificate store's key, looked up before anything is parsed.</summary>
    public string Text { get; }

    /// <summary>Gets the URL to fetch.</summary>
    public Uri Uri { get; }

    /// <summary>
    /// Gets the allow-list entry the URL matched, as the allow-list holds it (the host in its ASCII form, and
    /// <c>:port</c> off 443; at most <see cref="MaxHostEntryChars"/> characters): the one part of the URL a log line may
    /// name. Never the sender's spelling, path or query.
    /// </summary>
    public string AllowedHost { get; }

    /// <summary>Whether <paramref name="text"/> is an allowed certificate URL; <paramref name="allowed"/> is then the URL to fetch.</summary>
    public static bool TryAllow(string text, (string Host, int Port)[] hosts, [NotNullWhen(true)] out PayPalCertificateUrl? allowed)
    {
        allowed = null;
        if (text.Length is 0 or > MaxChars
            || !Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || parsed.Scheme != Uri.UriSchemeHttps
            || parsed.UserInfo.Length > 0
            || parsed.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            return false;
        }

        foreach (var (host, port) in hosts)
        {
            // An entry without a port allows the default port (443) only; with one, that port only.
            if (parsed.Port == port && string.Equals(parsed.IdnHost, host, StringComparison.OrdinalIgnoreCase))
            {
                allowed = new PayPalCertificateUrl(text, parsed, port == DefaultPort ? host : host + ":" + port.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a configured entry is a host name, an IP address or <c>host:port</c>, and nothing more.</summary>
    public static bool IsValidHostEntry(string? entry) =>
        !string.IsNullOrWhiteSpace(entry)
        && entry.Length <= MaxHostEntryChars
        && !entry.Contains('*', StringComparison.Ordinal)
        && Uri.TryCreate("https://" + entry + "/", UriKind.Absolute, out var parsed)
        && parsed.UserInfo.Length == 0
        && parsed.AbsolutePath == "/"
        && parsed.IdnHost.Length <= MaxHostChars
        && (string.Equals(parsed.Authority, entry, StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Host + ":" + parsed.Port.ToString(CultureInfo.InvariantCulture), entry, StringComparison.OrdinalIgnoreCase));

    /// <summary>The allow-list's entries as hosts and ports, parsed once; entries that do not parse are left out (validation reports them).</summary>
    public static (string Host, int Port)[] ParseHosts(IReadOnlyList<string> entries) =>
        [.. entries.Where(IsValidHostEntry).Select(static entry => new Uri("https://" + entry + "/")).Select(static uri => (uri.IdnHost, uri.Port))];
}
