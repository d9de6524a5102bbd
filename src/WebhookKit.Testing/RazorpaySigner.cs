using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>Signs bodies as Razorpay does: <c>X-Razorpay-Signature: &lt;hex HMAC-SHA256&gt;</c> of the raw body, keyed with the webhook secret.</summary>
public sealed class RazorpaySigner
{
    private readonly byte[] _key;

    internal RazorpaySigner(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Razorpay-Signature";

    /// <summary>The header that carries the event id.</summary>
    public const string EventIdHeader = "X-Razorpay-Event-Id";

    /// <summary>Computes the <c>X-Razorpay-Signature</c> value for a body.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The lower-case hex HMAC-SHA256.</returns>
    public string Sign(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));
}
