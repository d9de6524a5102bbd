using System.Text;

namespace WebhookKit.Tests.Providers.Stripe;

/// <summary>
/// Stripe known answers: v1 = hex HMAC-SHA256 over <c>"{t}.{body}"</c>, keyed with the whole <c>whsec_…</c> string, as
/// Stripe documents ("Verify the signature manually") and its SDKs compute; shared by the provider's and the verifier's tests.
/// </summary>
internal static class StripeVectors
{
    public const string Secret = "whsec_test_secret";
    public const long Timestamp = 1700000000;
    public const string V1 = "74a11abdd08483d064a2a1571e7881b084c522f9f3ccd0b800ec8c74aba47fc2";
    public static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"ping"}""");

    /// <summary>A rotation: the same event signed with an old and a new secret.</summary>
    public const long RotationTimestamp = 1732300000;
    public const string OldSecret = "whsec_old_secret_value";
    public const string NewSecret = "whsec_new_secret_value";
    public const string OldV1 = "1d9852b34656df05d54e64c69197dc96bbd3854cb0c50e345232cd91903a98af";
    public const string NewV1 = "3ba6fc5ffbf85eff0f9ec6d60085a5b025c88b073da16d58b576d3f5263a4b50";
    public static readonly byte[] RotationBody = Encoding.UTF8.GetBytes(
        """{"id":"evt_3Q","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","object":"payment_intent","amount":2000}}}""");
}
