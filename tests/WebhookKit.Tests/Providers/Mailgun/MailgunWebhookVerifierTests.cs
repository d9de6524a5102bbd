using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Mailgun;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Mailgun;

/// <summary>The public Mailgun verifier, outside any endpoint: mailgun-php's known answer in JSON and form bodies, and every refusal.</summary>
public sealed class MailgunWebhookVerifierTests
{
    private static readonly HeaderDictionary JsonHeaders = new() { ["Content-Type"] = "application/json" };
    private static readonly HeaderDictionary FormHeaders = new() { ["Content-Type"] = "application/x-www-form-urlencoded" };

    private static MailgunWebhookVerifier Verifier(long now = MailgunVectors.Timestamp, params string[] keys)
    {
        var options = new MailgunWebhookOptions();
        foreach (var key in keys.Length == 0 ? [MailgunVectors.SigningKey] : keys)
        {
            options.Secrets.Add(key);
        }

        return new MailgunWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static long AllocatedPerCall(Func<bool> call)
    {
        const int Calls = 100;
        for (var i = 0; i < 20; i++)
        {
            call().Should().BeTrue();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static string Block(string timestamp = "\"1403645220\"", string token = MailgunVectors.Token, string signature = MailgunVectors.Signature) =>
        $"\"timestamp\":{timestamp},\"token\":\"{token}\",\"signature\":\"{signature}\"";

    [Fact]
    public void Verify_MailgunKnownAnswerInJson_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, MailgunVectors.Json()));

    [Fact]
    public void Verify_MailgunKnownAnswerInForm_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(FormHeaders, MailgunVectors.Form()));

    [Fact]
    public void Verify_MailgunKnownAnswerAsValues_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify("1403645220", MailgunVectors.Token, MailgunVectors.Signature));

    [Fact]
    public void Verify_MailgunsBadVector_IsRefused() =>
        VerifierAssert.Refused(Verifier().Verify("1403645220", MailgunVectors.OtherToken, MailgunVectors.Signature), WebhookVerificationFailure.SignatureMismatch, MailgunVectors.SigningKey, MailgunVectors.Signature);

    [Fact]
    public void Verify_Json_AllocatesNothing()
    {
        // The token becomes a string only for the provider, as the event id; the public verifier needs none. (A form
        // body's fields are decoded into arrays by the shared form reader: that path is not allocation-free.)
        var verifier = Verifier();
        var json = MailgunVectors.Json();

        var allocated = AllocatedPerCall(() => verifier.Verify(JsonHeaders, json).IsVerified);

        allocated.Should().Be(0);
    }

    [Fact]
    public void Verify_EventDataChanged_IsStillVerified()
    {
        // The signature covers the timestamp and token only: this is Mailgun's scheme, and why the token is single-use.
        var changed = MailgunVectors.Json(eventType: "failed");

        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, changed));
    }

    [Theory]
    [InlineData("1403645220")]
    [InlineData("\"1403645220\"")]
    [InlineData("\"\\u0031403645220\"")]
    public void Verify_TimestampAsStringNumberOrEscaped_IsVerified(string timestamp) =>
        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: Block(timestamp))));

    [Fact]
    public void Verify_UpperCaseHexSignature_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: Block(signature: MailgunVectors.Signature.ToUpperInvariant()))));

    [Fact]
    public void Verify_EscapedTokenCharacter_IsTheSameToken() =>
        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: Block(token: "\\u0035" + MailgunVectors.Token[1..]))));

    [Theory]
    [InlineData("\"1403645520\"", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("\"1403616419\"", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData("\"-1403645220\"", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("\"\"", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("1.4e9", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("true", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"14036452201403645220\"", WebhookVerificationFailure.SignatureMalformed)]
    public void Verify_WrongOrMalformedTimestamp_IsRefused(string timestamp, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: Block(timestamp))), failure, MailgunVectors.SigningKey, MailgunVectors.Signature);

    [Theory]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\"", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("\"timestamp\":\"1403645220\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("\"timestamp\":\"1403645220\",\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"token\":\"owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\",\"signature\":\"00\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":5,\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d3\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6\",\"signature\":\"zzfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"\\u00e9\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("\"timestamp\":\"1403645220\",\"token\":\"\\ud800\",\"signature\":\"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33\"", WebhookVerificationFailure.SignatureMalformed)]
    public void Verify_BlockMissingRepeatingOrMalformingAField_IsRefused(string block, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: block)), failure, MailgunVectors.SigningKey, MailgunVectors.Signature);

    [Fact]
    public void Verify_TokenLongerThan256Bytes_IsMalformed() =>
        VerifierAssert.Refused(Verifier().Verify(JsonHeaders, MailgunVectors.Json(block: Block(token: new string('a', 257)))), WebhookVerificationFailure.SignatureMalformed);

    [Theory]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"signature":{"timestamp":"1403645220","token":"owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr","signature":"00"}}""", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("""{"signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"}""", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("""{"event-data":{"event":"delivered"}}""", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"}""", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"}} {}""", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("""[{"signature":{}}]""", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    public void Verify_BodyWithoutExactlyOneBlock_IsRefused(string json, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(JsonHeaders, Encoding.UTF8.GetBytes(json)), failure, MailgunVectors.SigningKey, MailgunVectors.Signature);

    [Theory]
    [InlineData("timestamp=1403645220&token=5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("timestamp=1403645220&token=5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6&signature=9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33&tok%65n=owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("timestamp=1403645220&token=5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6&signature=9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33&timestamp=1", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("timestamp=1403645220&token=owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr&signature=9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("timestamp=1403645220&token=%ZZ&signature=9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33", WebhookVerificationFailure.SignatureMalformed)]
    public void Verify_FormWithoutExactlyOneOfEachField_IsRefused(string form, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(FormHeaders, Encoding.ASCII.GetBytes(form)), failure, MailgunVectors.SigningKey, MailgunVectors.Signature);

    [Fact]
    public void Verify_FormOfTooManyFields_IsRefusedBeforeDecoding() =>
        VerifierAssert.Refused(Verifier().Verify(FormHeaders, Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Repeat("a=1", 2000)))), WebhookVerificationFailure.TooManyFormFields);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_OldAndNewKeyConfigured_AcceptsEitherDuringRotation(bool newKeyFirst)
    {
        const string newKey = "a-new-http-webhook-signing-key";
        var verifier = newKeyFirst ? Verifier(keys: [newKey, MailgunVectors.SigningKey]) : Verifier(keys: [MailgunVectors.SigningKey, newKey]);

        VerifierAssert.Verified(verifier.Verify(JsonHeaders, MailgunVectors.Json()));
        VerifierAssert.Verified(verifier.Verify(JsonHeaders, MailgunVectors.Json(block: Block(signature: MailgunVectors.Sign(newKey, MailgunVectors.Timestamp, MailgunVectors.Token)))));
    }

    [Fact]
    public void Verify_SubaccountParentSignatureMatchingThePrimaryKey_IsVerified()
    {
        // A subaccount's event: "signature" under the subaccount's key, "parent-signature" under the primary account's.
        var subaccountSignature = MailgunVectors.Sign("subaccount-signing-key-0123456789", MailgunVectors.Timestamp, MailgunVectors.Token);
        var body = MailgunVectors.Json(block: Block(signature: subaccountSignature) + $",\"parent-signature\":\"{MailgunVectors.Signature}\"");

        VerifierAssert.Verified(Verifier().Verify(JsonHeaders, body));
        VerifierAssert.Refused(Verifier(keys: "an-unrelated-signing-key-0123").Verify(JsonHeaders, body), WebhookVerificationFailure.SignatureMismatch);
    }
}
