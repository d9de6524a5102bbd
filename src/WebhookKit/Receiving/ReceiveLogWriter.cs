using Microsoft.Extensions.Logging;

namespace WebhookKit.Receiving;

/// <summary>Writes an outcome's log line (one of <see cref="Internal.Log"/>'s, with its stable event id) from the request's facts.</summary>
internal delegate void ReceiveLogWriter(ILogger logger, WebhookOptions options, in ReceiveFacts facts);
