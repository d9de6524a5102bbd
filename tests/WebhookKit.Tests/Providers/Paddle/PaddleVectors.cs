namespace WebhookKit.Tests.Providers.Paddle;

/// <summary>
/// Paddle's known answers, from its own Node SDK's webhook validator tests (PaddleHQ/paddle-node-sdk,
/// src/__tests__/notifications/webhooks-validator.node.test.ts): the SDK's secret, bodies and headers, at its fixed clock
/// (2023-11-01T00:00:00Z). Checked independently with
/// <c>printf '%s' '1698796800:{"data": ["1", "2"]}' | openssl dgst -sha256 -hmac VALID_SECRET</c> (and the same for the second body).
/// </summary>
internal static class PaddleVectors
{
    public const string Secret = "VALID_SECRET";
    public const long Now = 1_698_796_800;

    public const string Body = """{"data": ["1", "2"]}""";
    public const string Header = "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9";

    /// <summary>The SDK's "valid signature with multiple hashes": two h1 entries and an unknown h2.</summary>
    public const string SecondBody = """{"data": "value"}""";
    public const string SecondHeader = "ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH";

    /// <summary>The SDK's body "with more space": not the signed bytes.</summary>
    public const string RespacedBody = """{ "data": [ "1", "2" ]}""";
}
