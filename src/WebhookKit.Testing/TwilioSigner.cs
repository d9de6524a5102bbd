using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs requests as Twilio does: <c>X-Twilio-Signature</c> is the base64 HMAC-SHA1, keyed with the auth token, of the
/// full URL Twilio posts to followed by the form parameters sorted by name, each name followed by its value. A body
/// that is not a form is signed through the URL's <c>bodySHA256</c> query parameter: sign that URL with no parameters.
/// </summary>
public sealed class TwilioSigner
{
    private readonly byte[] _key;

    internal TwilioSigner(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        _key = Encoding.UTF8.GetBytes(authToken);
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>The header that carries the event id (not signed), the same on Twilio's retries.</summary>
    public const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    /// <summary>Computes the <c>X-Twilio-Signature</c> value for a URL and form parameters.</summary>
    /// <param name="url">The absolute URL, query included, exactly as the receiver rebuilds it (its <c>PublicBaseUrl</c>, or the request URL, followed by the path and query).</param>
    /// <param name="parameters">The form parameters, decoded, in any order; <see langword="null"/> or none for a URL alone.</param>
    /// <returns>The base64 HMAC-SHA1.</returns>
    public string Sign(string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var signed = new StringBuilder(url);

        // Twilio sorts by name; equal names (a repeated parameter) by value, as the receiver does.
        foreach (var (name, value) in (parameters ?? []).Order(ParameterOrder.Instance))
        {
            signed.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(signed.ToString())));
#pragma warning restore CA5350
    }

    private sealed class ParameterOrder : IComparer<KeyValuePair<string, string>>
    {
        public static readonly ParameterOrder Instance = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
        {
            var byName = string.CompareOrdinal(x.Key, y.Key);
            return byName != 0 ? byName : string.CompareOrdinal(x.Value, y.Value);
        }
    }
}
