using System.Security.Cryptography;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.GitHub;

/// <summary>
/// GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, raw body); legacy
/// <c>X-Hub-Signature: sha1=&lt;hex&gt;</c> only when enabled. Id from <c>X-GitHub-Delivery</c>, type from <c>X-GitHub-Event</c>.
/// Form-encoded deliveries are verified over the raw form body; their JSON is the <c>payload</c> field.
/// </summary>
internal sealed class GitHubWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "github";
    private const string Signature256Header = "X-Hub-Signature-256";
    private const string Signature1Header = "X-Hub-Signature";
    private const string DeliveryHeader = "X-GitHub-Delivery";
    private const string EventHeader = "X-GitHub-Event";
    private const string FormMediaType = "application/x-www-form-urlencoded";

    private static readonly string[] Forwarded =
        [EventHeader, DeliveryHeader, "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-ID", "X-GitHub-Hook-Installation-Target-Type", "User-Agent"];

    private static readonly string[][] Required = [[Signature256Header]];
    private static readonly string[][] RequiredWithSha1 = [[Signature256Header, Signature1Header]];

    private readonly byte[][] _keys;
    private readonly HmacKey[] _sha256Keys;
    private readonly bool _allowSha1;
    private readonly int _maxFormFields;

    public GitHubWebhookProvider(GitHubWebhookOptions options)
    {
        _keys = [.. options.Secrets.Select(System.Text.Encoding.UTF8.GetBytes)];
        _sha256Keys = [.. _keys.Select(key => new HmacKey(HashAlgorithmName.SHA256, key))];
        _allowSha1 = options.AllowSha1Signatures;
        _maxFormFields = options.MaxFormFields;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders => _allowSha1 ? RequiredWithSha1 : Required;

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;

        // The verified MAC identifies the body for the receive path's body-digest claim (no second hash of the body).
        byte[] bodyMac;
        var sha256 = headers[Signature256Header];
        if (sha256.Count > 0)
        {
            if (!SignatureMath.TryGetSingle(sha256, out var signature) || !VerifySha256(signature, body))
            {
                return WebhookProviderResult.Unauthorized("X-Hub-Signature-256 missing, malformed or not matching");
            }

            bodyMac = Convert.FromHexString(signature.AsSpan(7));
        }
        else if (_allowSha1 && headers[Signature1Header].Count > 0)
        {
            if (!SignatureMath.TryGetSingle(headers[Signature1Header], out var signature) || !VerifySha1(signature, body))
            {
                return WebhookProviderResult.Unauthorized("X-Hub-Signature missing, malformed or not matching");
            }

            bodyMac = Convert.FromHexString(signature.AsSpan(5));
        }
        else
        {
            return WebhookProviderResult.Unauthorized("X-Hub-Signature-256 missing");
        }

        if (!SignatureMath.TryGetSingle(headers[DeliveryHeader], out var deliveryId))
        {
            return WebhookProviderResult.BadRequest("X-GitHub-Delivery missing or repeated");
        }

        if (!SignatureMath.TryGetSingle(headers[EventHeader], out var eventType))
        {
            return WebhookProviderResult.BadRequest("X-GitHub-Event missing or repeated");
        }

        // X-GitHub-Delivery and X-GitHub-Event are not covered by the signature: the receive path also claims the body.
        if (IsFormEncoded(headers.ContentType))
        {
            return FormPayloadReader.TryReadField(body, "payload"u8, _maxFormFields, out var payload) switch
            {
                FormReadStatus.Read => WebhookProviderResult.Accepted(deliveryId, eventType, payload, eventIdSigned: false, bodyMac),
                FormReadStatus.TooManyFields => WebhookProviderResult.BadRequest("form-encoded delivery has too many fields"),
                FormReadStatus.Repeated => WebhookProviderResult.BadRequest("form-encoded delivery has more than one payload field"),
                _ => WebhookProviderResult.BadRequest("form-encoded delivery has no payload field"),
            };
        }

        return WebhookProviderResult.Accepted(deliveryId, eventType, null, eventIdSigned: false, bodyMac);
    }

    /// <summary>
    /// True for <c>application/x-www-form-urlencoded</c>, with or without parameters. Compares the media type
    /// (what precedes any <c>;</c>, trimmed) without parsing the header into an object, so JSON deliveries allocate nothing.
    /// </summary>
    private static bool IsFormEncoded(Microsoft.Extensions.Primitives.StringValues contentType)
    {
        if (contentType.Count != 1 || contentType[0] is not { } value)
        {
            return false;
        }

        var mediaType = value.AsSpan();
        var parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType[..parameters];
        }

        return mediaType.Trim().Equals(FormMediaType, StringComparison.OrdinalIgnoreCase);
    }

    private bool VerifySha256(string header, ReadOnlySpan<byte> body)
    {
        Span<byte> presented = stackalloc byte[SignatureMath.Sha256Length];
        if (!header.StartsWith("sha256=", StringComparison.Ordinal) || !SignatureMath.TryDecodeHex(header.AsSpan(7), presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        var match = false;
        foreach (var key in _sha256Keys)
        {
            key.Compute(default, body, expected);
            match |= CryptographicOperations.FixedTimeEquals(presented, expected);
        }

        return match;
    }

    private bool VerifySha1(string header, ReadOnlySpan<byte> body)
    {
        Span<byte> presented = stackalloc byte[SignatureMath.Sha1Length];
        if (!header.StartsWith("sha1=", StringComparison.Ordinal) || !SignatureMath.TryDecodeHex(header.AsSpan(5), presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureMath.Sha1Length];
        var match = false;
        foreach (var key in _keys)
        {
#pragma warning disable CA5350 // GitHub's legacy signature is HMAC-SHA1; only used when explicitly enabled.
            HMACSHA1.HashData(key, body, expected);
#pragma warning restore CA5350
            match |= CryptographicOperations.FixedTimeEquals(presented, expected);
        }

        return match;
    }
}
