using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>Signs bodies as GitHub does: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256&gt;</c>.</summary>
public sealed class GitHubSigner
{
    private readonly byte[] _key;

    internal GitHubSigner(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>Computes the <c>X-Hub-Signature-256</c> value for a body.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns><c>sha256=</c> followed by the lower-case hex HMAC-SHA256.</returns>
    public string Sign(ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));

    /// <summary>Computes the legacy <c>X-Hub-Signature</c> (SHA-1) value for a body.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns><c>sha1=</c> followed by the lower-case hex HMAC-SHA1.</returns>
    public string SignSha1(ReadOnlySpan<byte> body)
    {
#pragma warning disable CA5350 // GitHub's legacy signature scheme.
        return "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(_key, body));
#pragma warning restore CA5350
    }
}
