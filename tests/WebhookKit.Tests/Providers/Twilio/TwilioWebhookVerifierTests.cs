using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.Twilio;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Twilio;

/// <summary>The public Twilio verifier, outside any endpoint, given the signed URL: twilio-python's vectors and every refusal.</summary>
public sealed class TwilioWebhookVerifierTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string FormSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string FormSignatureWithPort = "kvajT1Ptam85bY51eRf/AJRuM3w=";
    private const string Form = "application/x-www-form-urlencoded";
    private const string JsonUrl = Url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string JsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";
    private static readonly byte[] FormBody = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212"u8.ToArray();
    private static readonly byte[] JsonBody = """{"property": "value", "boolean": true}"""u8.ToArray();

    private static TwilioWebhookVerifier Verifier(int maxFormFields = 1000, params string[] tokens)
    {
        var options = new TwilioWebhookOptions { MaxFormFields = maxFormFields };
        foreach (var token in tokens.Length == 0 ? [AuthToken] : tokens)
        {
            options.Secrets.Add(token);
        }

        return new TwilioWebhookVerifier(options);
    }

    private static HeaderDictionary Headers(string? signature, string contentType = Form)
    {
        var headers = new HeaderDictionary { ["Content-Type"] = contentType };
        if (signature is not null)
        {
            headers["X-Twilio-Signature"] = signature;
        }

        return headers;
    }

    [Theory]
    [InlineData(Url, FormSignature)]
    [InlineData(Url, FormSignatureWithPort)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", FormSignature)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", FormSignatureWithPort)]
    public void Verify_FormVector_IsVerifiedWithOrWithoutTheDefaultPort(string url, string signature) =>
        VerifierAssert.Verified(Verifier().Verify(url, Headers(signature), FormBody));

    [Fact]
    public void Verify_BodySha256Vector_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(JsonUrl, Headers(JsonSignature, "application/json"), JsonBody));

    [Fact]
    public void Verify_EmptyBodySignedByUrlAlone_IsVerified()
    {
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(Url)));
#pragma warning restore CA5350

        VerifierAssert.Verified(Verifier().Verify(Url, Headers(signature, "text/plain"), []));
    }

    [Theory]
    [InlineData(Url, null, Form, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(Url, "", Form, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8", Form, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData(Url, "45ce69ba8e6c2bb3b4a4e2f8a1b1e1d4c5a1f3a2", Form, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("/myapp.php?foo=1&bar=2", FormSignature, Form, WebhookVerificationFailure.UrlUnknown)]
    [InlineData("https:///myapp.php", FormSignature, Form, WebhookVerificationFailure.UrlUnknown)]
    [InlineData(Url, FormSignature, "application/json", WebhookVerificationFailure.BodyNotSigned)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3", FormSignature, Form, WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", FormSignature, Form, WebhookVerificationFailure.SignatureMismatch)]
    [InlineData(Url, "SSOYDt4T1cUTdK1PDd93/VVr8B8=", Form, WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedUnknownUrlOrWrong_IsRefusedWithAFixedReason(string url, string? signature, string contentType, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(url, Headers(signature, contentType), FormBody), failure, AuthToken, "RSOYDt4T", "SSOYDt4T", "mycompany");

    [Fact]
    public void Verify_BodyNotMatchingBodySha256_IsAMismatch() =>
        VerifierAssert.Refused(
            Verifier().Verify(JsonUrl, Headers(JsonSignature, "application/json"), """{"property": "other", "boolean": true}"""u8),
            WebhookVerificationFailure.SignatureMismatch,
            AuthToken,
            JsonSignature,
            "0a1ff763");

    [Fact]
    public void Verify_FormWithMoreFieldsThanAllowed_IsRefusedBeforeDecoding() =>
        VerifierAssert.Refused(Verifier(maxFormFields: 4).Verify(Url, Headers(FormSignature), FormBody), WebhookVerificationFailure.TooManyFormFields, AuthToken, FormSignature);

    [Fact]
    public void Verify_MatchOnTheLastOfManyTokens_IsVerified()
    {
        var tokens = Enumerable.Range(0, 5).Select(i => $"retired-auth-token-{i}").Append(AuthToken).ToArray();

        VerifierAssert.Verified(Verifier(1000, tokens).Verify(Url, Headers(FormSignatureWithPort), FormBody));
    }

    [Fact]
    public void Verify_WrongSignatureWithManyTokens_IsRefused()
    {
        var tokens = Enumerable.Range(0, 8).Select(i => $"retired-auth-token-{i}").ToArray();

        VerifierAssert.Refused(Verifier(1000, tokens).Verify(Url, Headers(FormSignature), FormBody), WebhookVerificationFailure.SignatureMismatch, [.. tokens, FormSignature]);
    }
}
