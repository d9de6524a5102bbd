namespace WebhookKit.Receiving;

/// <summary>What the receive path writes back for an outcome (<see cref="ReceiveRule.Answer"/>).</summary>
internal enum ReceiveAnswer
{
    /// <summary>200 with an empty body.</summary>
    Ok,

    /// <summary>200 with the provider's handshake answer (<see cref="ReceiveFacts.ProviderAnswer"/>).</summary>
    ProviderAnswer,

    /// <summary>The rule's problem details, at its status (with <c>Retry-After</c> for 503 and <c>Allow</c> for 405).</summary>
    Problem,

    /// <summary>The status the server chose (<see cref="ReceiveFacts.StatusCode"/>): the rule's problem for 400, otherwise the bare status.</summary>
    ServerStatus,

    /// <summary>Nothing: the client is gone.</summary>
    Nothing,
}
