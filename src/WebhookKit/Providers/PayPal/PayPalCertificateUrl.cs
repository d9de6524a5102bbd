namespace WebhookKit.PayPal;

/// <summary>
/// Decides whether a <c>PAYPAL-CERT-URL</c> may be fetched, before anything is: an absolute HTTPS URL without user
/// information, of at most <see cref="MaxChars"/> characters, whose host (and port) is on the allow-list. The header is
/// the sender's choice: PayPal's own SDK fetches any URL it is given, which lets anyone sign with a certificate of
/// their own from a host of their own.
/// </summary>
internal static class PayPalCertificateUrl
{
    /// <summary>The longest certificate URL (PayPal's API schema allows 500 characters).</summary>
    public const int MaxChars = 500;

    /// <summary>Whether <paramref name="text"/> is an allowed certificate URL; <paramref name="uri"/> is then the URL to fetch.</summary>
    public static bool TryAllow(string text, (string Host, int Port)[] hosts, out Uri? uri)
    {
        uri = null;
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
                uri = parsed;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a configured entry is a host name, an IP address or <c>host:port</c>, and nothing more.</summary>
    public static bool IsValidHostEntry(string? entry) =>
        !string.IsNullOrWhiteSpace(entry)
        && !entry.Contains('*', StringComparison.Ordinal)
        && Uri.TryCreate("https://" + entry + "/", UriKind.Absolute, out var parsed)
        && parsed.UserInfo.Length == 0
        && parsed.AbsolutePath == "/"
        && (string.Equals(parsed.Authority, entry, StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Host + ":" + parsed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), entry, StringComparison.OrdinalIgnoreCase));

    /// <summary>The allow-list's entries as hosts and ports, parsed once; entries that do not parse are left out (validation reports them).</summary>
    public static (string Host, int Port)[] ParseHosts(IReadOnlyList<string> entries) =>
        [.. entries.Where(IsValidHostEntry).Select(static entry => new Uri("https://" + entry + "/")).Select(static uri => (uri.IdnHost, uri.Port))];
}
