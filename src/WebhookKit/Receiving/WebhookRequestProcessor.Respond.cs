using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Stage 6 of the receive path (docs/architecture.md): every request ends here, in one way. The outcome's row in
/// <see cref="ReceiveOutcomes"/> says how it is logged, counted and answered.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    private Task Respond(HttpContext context, ReceiveOutcome outcome, in ReceiveFacts facts)
    {
        var rule = ReceiveOutcomes.Of(outcome);
        rule.Log(_logger, _options, facts);
        _metrics.Delivery(facts.Receiver, facts.Provider, rule.Metric, facts.EventType);
        if (_journal.Enabled)
        {
            var status = rule.Answer switch
            {
                ReceiveAnswer.Ok or ReceiveAnswer.ProviderAnswer => StatusCodes.Status200OK,
                ReceiveAnswer.Problem => rule.Problem!.Status,
                ReceiveAnswer.ServerStatus => facts.StatusCode,
                _ => 0,
            };
            _journal.Received(context, facts.Receiver, facts.Provider, facts.EventType, facts.EventId, facts.DeliveryId, status, rule.Metric, facts.RejectionReason is { } reason ? RejectionReasonCodes.Of(reason) : null, facts.Detail);
        }

        if (System.Diagnostics.Activity.Current is { OperationName: WebhookDiagnostics.ReceiveActivityName } activity)
        {
            WebhookDiagnostics.Outcome(activity, rule.Metric);
        }

        return rule.Answer switch
        {
            ReceiveAnswer.Ok => WebhookResponses.Ok(context),
            ReceiveAnswer.ProviderAnswer => WebhookResponses.Respond(context, facts.ProviderAnswer, facts.ProviderAnswerContentType),
            ReceiveAnswer.Problem => WebhookResponses.Problem(context, rule.Problem!, _options.RetryAfter),
            ReceiveAnswer.ServerStatus when facts.StatusCode == StatusCodes.Status400BadRequest => WebhookResponses.Problem(context, rule.Problem!, _options.RetryAfter),
            ReceiveAnswer.ServerStatus => WebhookResponses.Status(context, facts.StatusCode),
            _ => Task.CompletedTask,
        };
    }
}
