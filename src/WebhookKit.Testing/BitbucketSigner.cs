using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as Bitbucket Cloud does: <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256&gt;</c> of the raw body, keyed
/// with the webhook's secret (GitHub's legacy header name, with SHA-256).
/// </summary>
public sealed class BitbucketSigner
{
    private readonly byte[] _key;

    internal BitbucketSigner(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>Computes the <c>X-Hub-Signature</c> value for a body.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns><c>sha256=</c> followed by the lower-case hex HMAC-SHA256.</returns>
    public string Sign(ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));
}
