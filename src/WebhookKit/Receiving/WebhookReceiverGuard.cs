using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace WebhookKit.Receiving;

/// <summary>
/// A receiver's transport guards (<see cref="WebhookTransportOptions.RequireHttps"/> and
/// <see cref="WebhookTransportOptions.AllowedIpRanges"/>), checked on the receive path before the body is read, for
/// every receiver: built-in ones take them from their options, <c>AddReceiver</c> ones from their own (docs/architecture.md).
/// </summary>
internal sealed class WebhookReceiverGuard
{
    private readonly IPNetwork[] _allowedNetworks;

    private WebhookReceiverGuard(bool requireHttps, IPNetwork[] allowedNetworks)
    {
        RequireHttps = requireHttps;
        _allowedNetworks = allowedNetworks;
    }

    public bool RequireHttps { get; }

    public bool HasAllowList => _allowedNetworks.Length > 0;

    /// <summary>The guard of a receiver's transport options, or <see langword="null"/> when it guards nothing.</summary>
    public static WebhookReceiverGuard? Create(WebhookTransportOptions? options)
    {
        if (options is null || (!options.RequireHttps && options.AllowedIpRanges.Count == 0))
        {
            return null;
        }

        var networks = new IPNetwork[options.AllowedIpRanges.Count];
        for (var i = 0; i < networks.Length; i++)
        {
            // Validated at startup; a value that slipped past validation fails closed here rather than allowing everyone.
            if (!TryParseNetwork(options.AllowedIpRanges[i], out networks[i]))
            {
                throw new InvalidOperationException("A webhook receiver's allowed IP range is not valid.");
            }
        }

        return new WebhookReceiverGuard(options.RequireHttps, networks);
    }

    /// <summary>Parses a CIDR range (host bits zero) or a single address (as a /32 or /128).</summary>
    public static bool TryParseNetwork([NotNullWhen(true)] string? value, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.AsSpan().Trim();
        if (text.Contains('/'))
        {
            // IPNetwork silently clears host bits ("10.0.0.1/8" becomes 10.0.0.0/8); refuse them instead, since such a
            // value is more likely a typo (a single address with a wrong prefix) than a network.
            if (!IPNetwork.TryParse(text, out network)
                || !IPAddress.TryParse(text[..text.IndexOf('/')], out var written)
                || !written.Equals(network.BaseAddress))
            {
                return false;
            }

            var baseAddress = network.BaseAddress;
            if (baseAddress.IsIPv4MappedToIPv6 && network.PrefixLength >= 96)
            {
                network = new IPNetwork(baseAddress.MapToIPv4(), network.PrefixLength - 96);
            }

            return true;
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    /// <summary>True when the allow-list is empty or holds the address; an unknown address is refused (fail closed).</summary>
    public bool IsAllowed(IPAddress? address)
    {
        if (_allowedNetworks.Length == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _allowedNetworks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
