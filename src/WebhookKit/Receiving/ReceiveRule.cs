namespace WebhookKit.Receiving;

/// <summary>One row of <see cref="ReceiveOutcomes"/>: how an outcome is answered, logged and counted.</summary>
/// <param name="Metric">The <c>webhookkit.outcome</c> tag, also set on the receive span.</param>
/// <param name="Answer">What is written back.</param>
/// <param name="Problem">The problem details of an error answer; <see langword="null"/> for a 200 or no answer.</param>
/// <param name="Log">Writes the log line.</param>
internal sealed record ReceiveRule(string Metric, ReceiveAnswer Answer, WebhookProblem? Problem, ReceiveLogWriter Log);
