using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WebhookKit.Mailgun;

namespace WebhookKit.Benchmarks;

/// <summary>
/// Mailgun's rows: the HMAC covers only timestamp + token (about 60 bytes), so the primitive costs the same at every
/// body size; what grows with the body is finding the signature block in it (one <c>Utf8JsonReader</c> pass).
/// </summary>
public partial class SignatureBenchmarks
{
    private const string MailgunKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    private byte[] _mailgunKey = [];
    private byte[] _mailgunSignedContent = [];
    private string _mailgunSignature = string.Empty;
    private byte[] _mailgunBody = [];
    private MailgunWebhookVerifier _mailgunVerifier = null!;
    private HeaderDictionary _mailgunHeaders = null!;

    /// <summary>The primitive: one-shot HMAC-SHA256 over timestamp + token, hex decode of the signature, constant-time compare; nothing allocated.</summary>
    [Benchmark]
    public bool RawHmacSha256TimestampToken()
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> presented = stackalloc byte[32];
        HMACSHA256.HashData(_mailgunKey, _mailgunSignedContent, expected);
        Convert.FromHexString(_mailgunSignature, presented, out _, out _);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>WebhookKit's Mailgun verification: the bounded scan of the JSON body for the signature block, tolerance, HMAC of timestamp + token for every key.</summary>
    [Benchmark]
    public bool WebhookKitMailgun() => _mailgunVerifier.Verify(_mailgunHeaders, _mailgunBody).IsVerified;

    private void SetupMailgun()
    {
        _mailgunKey = Encoding.UTF8.GetBytes(MailgunKey);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string token = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";
        _mailgunSignedContent = Encoding.UTF8.GetBytes(timestamp + token);
        _mailgunSignature = Convert.ToHexStringLower(HMACSHA256.HashData(_mailgunKey, _mailgunSignedContent));
        _mailgunBody = MailgunWebhook(BodyBytes, timestamp, token, _mailgunSignature);
        var options = new MailgunWebhookOptions();
        options.Secrets.Add(MailgunKey);
        _mailgunVerifier = new MailgunWebhookVerifier(options);
        _mailgunHeaders = new HeaderDictionary { ["Content-Type"] = "application/json" };

        Check(RawHmacSha256TimestampToken(), nameof(RawHmacSha256TimestampToken));
        Check(WebhookKitMailgun(), nameof(WebhookKitMailgun));
    }

    /// <summary>A Mailgun JSON webhook of about <paramref name="size"/> bytes: the signature block first, as Mailgun sends it, then event data padded with user variables.</summary>
    private static byte[] MailgunWebhook(int size, string timestamp, string token, string signature)
    {
        var json = new StringBuilder($$"""{"signature":{"timestamp":"{{timestamp}}","token":"{{token}}","signature":"{{signature}}"},"event-data":{"event":"delivered","id":"CPgfbmQMTCKtHW6uIWtuVe","recipient":"alice@example.com","user-variables":{""");
        for (var i = 0; json.Length < size - 64; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"\"var{i}\":\"value number {i} of the padding\"");
        }

        return Encoding.UTF8.GetBytes(json.Append("}}}").ToString());
    }
}
