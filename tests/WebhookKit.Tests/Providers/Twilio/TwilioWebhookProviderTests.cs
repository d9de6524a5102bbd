using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Tests.Providers.Twilio;

/// <summary>
/// twilio-python's request validator vectors through <c>AddTwilio</c>: form parameters, the URL
/// with and without its default port, the <c>bodySHA256</c> variant, a public base URL, token rotation, ids, bad input.
/// </summary>
public sealed class TwilioWebhookProviderTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string UrlWithPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    private const string Signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string SignatureWithPort = "kvajT1Ptam85bY51eRf/AJRuM3w=";
    private const string BodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string JsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly byte[] JsonBody = Encoding.UTF8.GetBytes("""{"property": "value", "boolean": true}""");

    // The vector's parameters, form-encoded in another order than the sorted one the signature uses.
    private static readonly byte[] FormBody = Encoding.UTF8.GetBytes(
        "CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309");

    private static ReceiverHarness Create(string? publicBaseUrl = null, params string[] tokens) =>
        ReceiverHarness.Create(
            "twilio",
            webhooks => webhooks.AddTwilio(o =>
            {
                o.AllowShortSecrets = true; // twilio-python's vectors use the 5-byte auth token "12345".
                foreach (var token in tokens.Length == 0 ? [AuthToken] : tokens)
                {
                    o.Secrets.Add(token);
                }

                o.PublicBaseUrl = publicBaseUrl;
            }));

    private static WebhookRequest Request(string url, string? signature, byte[]? body = null, string contentType = Form, params (string Name, string Value)[] extra)
    {
        (string, string)[] headers = signature is null ? extra : [("X-Twilio-Signature", signature), .. extra];
        return ReceiverHarness.Request(body ?? FormBody, contentType, url, headers);
    }

    private static string Sign(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    [Fact]
    public void Read_FormVector_IsAcceptedAsCallIdentifiedBySid()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Url, Signature));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("CA1234567890ABCDE", "there is no idempotency token and no call status");
        result.EventType.Should().Be("call");
        using var payload = JsonDocument.Parse(result.Payload);
        payload.RootElement.GetProperty("From").GetString().Should().Be("+14158675309");
        payload.RootElement.GetProperty("Digits").GetString().Should().Be("1234");
    }

    [Theory]
    [InlineData(Url, Signature)]
    [InlineData(Url, SignatureWithPort)]
    [InlineData(UrlWithPort, Signature)]
    [InlineData(UrlWithPort, SignatureWithPort)]
    public void Read_UrlWithOrWithoutDefaultPort_IsAcceptedEitherWay(string requestUrl, string signature)
    {
        using var receiver = Create();

        receiver.Read(Request(requestUrl, signature)).Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_BodySha256Vector_IsAcceptedWithSignatureOverTheUrlAlone()
    {
        using var receiver = Create();

        var result = receiver.Read(Request($"{Url}&bodySHA256={BodyHash}", JsonSignature, JsonBody, "application/json"));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventType.Should().Be("webhook");
        result.EventId.Should().Be(BodyHash, "with no idempotency token the id is the body's hash");
        result.Payload.Should().BeNull("the JSON body is the payload");
    }

    [Fact]
    public void Read_BodySha256VectorWithTamperedBody_IsUnauthorized()
    {
        using var receiver = Create();

        var result = receiver.Read(Request($"{Url}&bodySHA256={BodyHash}", JsonSignature, Encoding.UTF8.GetBytes("""{"property": "value", "boolean": false}"""), "application/json"));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_BodySha256VectorWithOtherHashInUrl_IsUnauthorized()
    {
        using var receiver = Create();
        var otherHash = Convert.ToHexStringLower(SHA256.HashData("{}"u8));

        receiver.Read(Request($"{Url}&bodySHA256={otherHash}", JsonSignature, JsonBody, "application/json")).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_JsonBodyWithoutBodySha256_IsUnauthorized()
    {
        using var receiver = Create();
        var signature = Sign(AuthToken, Url, []);

        var result = receiver.Read(Request(Url, signature, JsonBody, "application/json"));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized, "the signature would not cover the body");
    }

    [Fact]
    public void Read_BehindProxyWithPublicBaseUrl_VerifiesThePublicUrl()
    {
        using var receiver = Create("https://mycompany.com");

        var result = receiver.Read(Request("http://10.0.0.7:8080/myapp.php?foo=1&bar=2", Signature));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_BehindProxyWithoutPublicBaseUrl_IsUnauthorized()
    {
        using var receiver = Create();

        receiver.Read(Request("http://10.0.0.7:8080/myapp.php?foo=1&bar=2", Signature)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_PublicBaseUrlWithPathPrefix_PrefixesTheRequestPath()
    {
        using var receiver = Create("https://mycompany.com/app/");
        var signature = Sign(AuthToken, "https://mycompany.com/app/webhooks/twilio", [new("MessageSid", "SM1"), new("MessageStatus", "sent")]);

        var result = receiver.Read(Request("http://localhost:5000/webhooks/twilio", signature, "MessageSid=SM1&MessageStatus=sent"u8.ToArray()));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_PrimaryAndSecondaryAuthToken_AcceptsEitherDuringRotation(bool vectorTokenFirst)
    {
        using var receiver = vectorTokenFirst ? Create(null, AuthToken, "secondary") : Create(null, "secondary", AuthToken);

        receiver.Read(Request(Url, Signature)).Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_IdempotencyTokenHeader_IsTheEventId()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Url, Signature, extra: ("I-Twilio-Idempotency-Token", "c6b6e3b9-d07c-4f3d-9d0a-1d2e2c0f3a11")));

        result.EventId.Should().Be("c6b6e3b9-d07c-4f3d-9d0a-1d2e2c0f3a11");
    }

    [Theory]
    [InlineData("MessageSid=SM42&MessageStatus=delivered&AccountSid=AC1", "SM42:delivered", "message")]
    [InlineData("SmsSid=SM42&SmsStatus=received&Body=hi", "SM42:received", "message")]
    [InlineData("CallSid=CA42&CallStatus=completed", "CA42:completed", "call")]
    [InlineData("EventType=onMessageAdded&ConversationSid=CH1&MessageSid=IM1", "IM1", "onMessageAdded")]
    public void Read_StatusCallbackWithoutIdHeader_IsIdentifiedBySidAndStatus(string form, string expectedId, string expectedType)
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes(form);
        var signature = Sign(AuthToken, Url, QueryStringParameters(form));

        var result = receiver.Read(Request(Url, signature, body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be(expectedId);
        result.EventType.Should().Be(expectedType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8C8=")]
    [InlineData("4523980eddd3e1f1c8ad7dcc3b0577be53cb9b0f")]
    public void Read_MalformedOrWrongSignature_IsUnauthorized(string signature)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Url, signature));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(AuthToken).And.NotContain("RSOYDt4T");
    }

    [Fact]
    public void Read_MissingSignature_IsUnauthorized()
    {
        using var receiver = Create();

        receiver.Read(Request(Url, null)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("CallSid=CA1234567890ABCDE&Digits=1235&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309")]
    [InlineData("CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309&Extra=1")]
    [InlineData("CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212")]
    public void Read_TamperedParameters_IsUnauthorized(string form)
    {
        using var receiver = Create();

        receiver.Read(Request(Url, Signature, Encoding.UTF8.GetBytes(form))).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/other.php?foo=1&bar=2")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void Read_OtherUrl_IsUnauthorized(string url)
    {
        using var receiver = Create();

        receiver.Read(Request(url, Signature)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_RequestWithoutUrl_IsUnauthorized()
    {
        using var receiver = Create();
        var headers = new HeaderDictionary { ["X-Twilio-Signature"] = Signature, ["Content-Type"] = Form };

        receiver.Read(new WebhookRequest(headers, FormBody)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_InvalidPercentEncoding_IsUnauthorized()
    {
        using var receiver = Create();

        receiver.Read(Request(Url, Signature, "CallSid=%ZZ"u8.ToArray())).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://mycompany.com")]
    [InlineData("https://mycompany.com/?a=1")]
    [InlineData("/relative")]
    public void AddTwilio_InvalidPublicBaseUrl_FailsAtStartupNamingTheKey(string publicBaseUrl)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddTwilio(), ("Webhooks:twilio:Secrets:0", "twilio-auth-token-0123456789"), ("Webhooks:Twilio:PublicBaseUrl", publicBaseUrl));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'twilio'").And.Contain("Webhooks:twilio:PublicBaseUrl");
    }

    private static List<KeyValuePair<string, string>> QueryStringParameters(string form) =>
        [.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form).Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.ToString()))];
}
