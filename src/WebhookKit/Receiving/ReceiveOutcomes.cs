using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The one table of the receive path's outcomes: for each, its <c>webhookkit.outcome</c> tag, its answer and problem
/// type, and its log line (docs/architecture.md, "Outcomes"; docs/status-codes.md and docs/operations.md list
/// the same rows, and a test keeps them so). A new outcome is a member of <see cref="ReceiveOutcome"/>, a row here and a
/// line in <see cref="Log"/>.
/// </summary>
internal static class ReceiveOutcomes
{
    private static readonly WebhookProblem BadRequestProblem = new(StatusCodes.Status400BadRequest, "bad-request", "Bad Request", "The delivery has no event id or type, or its body cannot be read.");
    private static readonly WebhookProblem UnauthorizedProblem = new(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", "The delivery's signature could not be verified.");
    private static readonly WebhookProblem UnavailableProblem = new(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service Unavailable", "The delivery cannot be accepted right now; retry later.");

    private static readonly ReceiveRule[] Rules = CreateRules();

    /// <summary>Gets the rule of <paramref name="outcome"/>.</summary>
    public static ReceiveRule Of(ReceiveOutcome outcome) => Rules[(int)outcome];

    /// <summary>Gets every row, in the order of <see cref="ReceiveOutcome"/>.</summary>
    public static IReadOnlyList<ReceiveRule> All => Rules;

    private static ReceiveRule[] CreateRules()
    {
        var rules = new ReceiveRule[Enum.GetValues<ReceiveOutcome>().Length];
        void Row(ReceiveOutcome outcome, string metric, ReceiveAnswer answer, WebhookProblem? problem, ReceiveLogWriter log) =>
            rules[(int)outcome] = new ReceiveRule(metric, answer, problem, log);

        // Refused before the body is read: a refused sender costs no more than its headers.
        Row(ReceiveOutcome.UnknownReceiver, "not_found", ReceiveAnswer.Problem,
            new(StatusCodes.Status404NotFound, "unknown-receiver", "Not Found", "No webhook receiver has this name."),
            static (logger, _, in facts) => Log.UnknownReceiver(logger, facts.Detail!));
        Row(ReceiveOutcome.MethodNotAllowed, "method_not_allowed", ReceiveAnswer.Problem,
            new(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method Not Allowed", "Webhook deliveries must be POST requests."),
            static (logger, _, in facts) => Log.MethodNotAllowed(logger, facts.Detail!));
        Row(ReceiveOutcome.HttpsRequired, "https_required", ReceiveAnswer.Problem,
            new(StatusCodes.Status403Forbidden, "https-required", "Forbidden", "This receiver accepts deliveries over HTTPS only."),
            static (logger, _, in facts) => Log.HttpsRequired(logger, facts.Receiver));
        Row(ReceiveOutcome.IpNotAllowed, "ip_not_allowed", ReceiveAnswer.Problem,
            new(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "This receiver does not accept deliveries from this address."),
            static (logger, _, in facts) => Log.IpNotAllowed(logger, facts.Receiver, facts.Detail!));
        Row(ReceiveOutcome.Stopping, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, _, in facts) => Log.Stopping(logger, facts.Receiver));

        // Reading the body.
        Row(ReceiveOutcome.TooLarge, "too_large", ReceiveAnswer.Problem,
            new(StatusCodes.Status413PayloadTooLarge, "too-large", "Content Too Large", "The delivery's body is larger than this receiver accepts."),
            static (logger, _, in facts) => Log.TooLarge(logger, facts.Receiver, facts.BodyLimit));
        Row(ReceiveOutcome.TooSlow, "too_slow", ReceiveAnswer.Problem,
            new(StatusCodes.Status408RequestTimeout, "too-slow", "Request Timeout", "The delivery's body arrived too slowly."),
            static (logger, options, in facts) => Log.TooSlow(logger, facts.Receiver, options.MinRequestBodyDataRate, options.MinRequestBodyDataRateGracePeriod));
        Row(ReceiveOutcome.ServerRejected, "bad_request", ReceiveAnswer.ServerStatus, BadRequestProblem,
            static (logger, _, in facts) => Log.ServerRejected(logger, facts.Receiver, facts.StatusCode));
        Row(ReceiveOutcome.Aborted, "aborted", ReceiveAnswer.Nothing, null,
            static (logger, _, in facts) => Log.Aborted(logger, facts.Receiver));
        Row(ReceiveOutcome.UnverifiedBytesFull, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, options, in facts) => Log.UnverifiedBytesFull(logger, facts.Receiver, options.MaxUnverifiedBytes));

        // The provider's answer and the event's identity.
        Row(ReceiveOutcome.Unauthorized, "unauthorized", ReceiveAnswer.Problem, UnauthorizedProblem,
            static (logger, _, in facts) => Log.Unauthorized(logger, facts.Receiver, facts.ReasonCode, facts.Detail ?? "signature not verified"));
        Row(ReceiveOutcome.BadRequest, "bad_request", ReceiveAnswer.Problem, BadRequestProblem,
            static (logger, _, in facts) => Log.BadRequest(logger, facts.Receiver, facts.ReasonCode, facts.Detail ?? "event id or type missing"));
        Row(ReceiveOutcome.ProviderUnavailable, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, _, in facts) => Log.ProviderUnavailable(logger, facts.Receiver, facts.ReasonCode, facts.Detail ?? "cannot verify now"));
        Row(ReceiveOutcome.Responded, "responded", ReceiveAnswer.ProviderAnswer, null,
            static (logger, _, in facts) => Log.Responded(logger, facts.Receiver));
        Row(ReceiveOutcome.Unhandled, "unhandled", ReceiveAnswer.Ok, null,
            static (logger, _, in facts) => Log.Unhandled(logger, facts.Receiver, facts.EventType!, facts.EventId!));

        // Claim and enqueue.
        Row(ReceiveOutcome.IdempotencyStoreFailed, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, _, in facts) => Log.IdempotencyStoreFailed(logger, facts.Receiver, facts.Exception!));
        Row(ReceiveOutcome.PendingDuplicate, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, _, in facts) => Log.PendingDuplicate(logger, facts.Receiver, facts.EventType!, facts.EventId!));
        Row(ReceiveOutcome.Duplicate, "duplicate", ReceiveAnswer.Ok, null,
            static (logger, _, in facts) => Log.Duplicate(logger, facts.Receiver, facts.EventType!, facts.EventId!, facts.Detail!));
        Row(ReceiveOutcome.Replay, "replay", ReceiveAnswer.Ok, null,
            static (logger, _, in facts) => Log.Duplicate(logger, facts.Receiver, facts.EventType!, facts.EventId!, facts.Detail!));
        Row(ReceiveOutcome.QueueUnavailable, "unavailable", ReceiveAnswer.Problem, UnavailableProblem,
            static (logger, _, in facts) => Log.QueueUnavailable(logger, facts.Receiver, facts.EventType!, facts.EventId!, facts.Detail!, facts.QueueFill.Count, facts.QueueFill.Bytes));
        Row(ReceiveOutcome.Accepted, "accepted", ReceiveAnswer.Ok, null,
            static (logger, _, in facts) => Log.Accepted(logger, facts.Receiver, facts.EventType!, facts.EventId!, facts.DeliveryId!));
        return rules;
    }
}
