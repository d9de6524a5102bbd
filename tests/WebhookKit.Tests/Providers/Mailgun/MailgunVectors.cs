using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Tests.Providers.Mailgun;

/// <summary>
/// Mailgun's known answer, from mailgun/mailgun-php (MIT), <c>tests/Api/WebhookTest.php</c>
/// (<c>testVerifyWebhookGood</c>, and <c>testVerifyWebhookBad</c>'s other token with the same signature): the signing
/// key, timestamp, token and hex signature of HMAC-SHA256(key, timestamp + token). Checked with Python's <c>hmac</c>
/// before it was written here. The bodies around it are shaped after Mailgun's "Securing Webhooks" and "Webhook
/// Payloads" documentation (a <c>signature</c> object beside <c>event-data</c>), with placeholder event values.
/// </summary>
internal static class MailgunVectors
{
    public const string SigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    public const long Timestamp = 1403645220;
    public const string Token = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";
    public const string Signature = "9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33";
    public const string OtherToken = "owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr";

    /// <summary>A JSON webhook around a signature block; <paramref name="block"/> replaces the block's inner text when given.</summary>
    public static byte[] Json(string eventType = "delivered", string? block = null) => Encoding.UTF8.GetBytes(
        "{\"signature\":{" + (block ?? $"\"timestamp\":\"{Timestamp}\",\"token\":\"{Token}\",\"signature\":\"{Signature}\"") + "},"
        + "\"event-data\":{\"event\":\"" + eventType + "\""
        + ""","id":"CPgfbmQMTCKtHW6uIWtuVe","timestamp":1521472262.908181,"log-level":"info","recipient":"alice@example.com","recipient-domain":"example.com","tags":["my_tag_1"],"user-variables":{"my_var_1":"Mailgun Variable #1"},"message":{"headers":{"message-id":"20130503182626.18666.16540@example.com","from":"Bob <bob@example.com>","to":"Alice <alice@example.com>","subject":"Test"},"size":111},"delivery-status":{"code":250,"message":"OK","description":"","attempt-no":1}}}""");

    /// <summary>A form post with the vector's signature fields and <paramref name="rest"/> before them.</summary>
    public static byte[] Form(string rest = "recipient=alice%40example.com&sender=bob%40example.com&subject=Hi&body-plain=Hello") =>
        Encoding.ASCII.GetBytes($"{rest}&timestamp={Timestamp}&token={Token}&signature={Signature}");

    /// <summary>Signs as Mailgun does, independently of the library: hex HMAC-SHA256(key, timestamp + token).</summary>
    public static string Sign(string key, long timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + token)));
}
