using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WebhookKit.Internal;

namespace WebhookKit.Journal;

/// <summary>
/// Turns what the receive path and the dispatcher know into journal entries, with the journal's privacy rules: values
/// cut to a bound, headers only from the allow-list and never a credential, bodies only when captured on purpose.
/// Nothing here throws into its caller: a journal that fails counts the loss (docs/operations.md, "Delivery journal").
/// </summary>
internal sealed class WebhookJournalRecorder
{
    // Never kept, whatever the allow-list says: what a signature or a token travels in.
    private static readonly string[] CredentialWords = ["signature", "token", "authorization", "secret", "hmac", "cookie", "key", "sig"];

    private readonly IWebhookJournal _journal;
    private readonly IWebhookJournalValuesAppender? _valuesAppender;
    private readonly WebhookJournalOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string[] _headers;
    private long _failed;

    public WebhookJournalRecorder(IWebhookJournal journal, IOptions<WebhookOptions> options, TimeProvider timeProvider)
    {
        _journal = journal;
        _valuesAppender = journal as IWebhookJournalValuesAppender;
        _options = options.Value.Journal;
        _timeProvider = timeProvider;
        _headers = [.. _options.Headers.Where(name => !CredentialWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))];
        Enabled = _options.Enabled;
    }

    public bool Enabled { get; }

    /// <summary>Gets how many entries were lost because the journal threw, besides those it dropped itself.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public void Received(HttpContext context, string receiver, string? provider, string? eventType, string? eventId, string? deliveryId, int status, string outcome, string? reasonCode, string? reason)
    {
        if (!Enabled)
        {
            return;
        }

        Append(new WebhookJournalEntryValues
        {
            Kind = WebhookJournalEntryKind.Received,
            Time = _timeProvider.GetUtcNow(),
            ReceiverName = Cut(receiver)!,
            Provider = provider,
            EventType = Cut(eventType),
            EventId = Cut(eventId),
            DeliveryId = deliveryId,
            BodyBytes = context.Request.ContentLength ?? 0,
            StatusCode = status,
            Outcome = outcome,
            ReasonCode = reasonCode,
            Reason = Cut(reason),
            Headers = AllowedHeaders(context.Request.Headers),
        });
    }

    public void Attempt(WebhookDelivery delivery, int attempt, string handler, TimeSpan duration, Exception? exception)
    {
        if (!Enabled)
        {
            return;
        }

        Append(new WebhookJournalEntryValues
        {
            Kind = WebhookJournalEntryKind.Attempt,
            Time = _timeProvider.GetUtcNow() - duration,
            ReceiverName = delivery.ReceiverName,
            Provider = delivery.Provider,
            EventType = delivery.EventType,
            EventId = delivery.EventId,
            DeliveryId = delivery.DeliveryId,
            ReplayOf = delivery.ReplayOf,
            BodyBytes = delivery.Body.Length,
            Outcome = exception is null ? "succeeded" : "failed",
            Attempt = attempt,
            Handler = handler,
            Duration = duration,
            ExceptionType = exception?.GetType().FullName,
            ExceptionMessage = exception is null ? null : BoundedText.Cut(exception.Message, _options.MaxExceptionMessageLength),
        });
    }

    public void Finished(WebhookDelivery delivery, bool handled, int attempts, string? reason)
    {
        if (!Enabled)
        {
            return;
        }

        Append(new WebhookJournalEntryValues
        {
            Kind = handled ? WebhookJournalEntryKind.Handled : WebhookJournalEntryKind.DeadLettered,
            Time = _timeProvider.GetUtcNow(),
            ReceiverName = delivery.ReceiverName,
            Provider = delivery.Provider,
            EventType = delivery.EventType,
            EventId = delivery.EventId,
            DeliveryId = delivery.DeliveryId,
            ReplayOf = delivery.ReplayOf,
            IdempotencyKeys = delivery.IdempotencyKeys,
            BodyBytes = delivery.Body.Length,
            Outcome = handled ? "handled" : "dead_lettered",
            Reason = reason,
            Attempt = attempts,
            Headers = delivery.Headers.Count == 0 ? null : ForwardedHeaders(delivery.Headers),
            Body = CapturedBody(delivery),
        });
    }

    private void Append(in WebhookJournalEntryValues values)
    {
        try
        {
            if (_valuesAppender is not null)
            {
                _valuesAppender.Append(values);
            }
            else
            {
                _journal.Append(WebhookJournalEntry.FromValues(values));
            }
        }
        catch (Exception)
        {
            // The contract says Append does not throw; one that does must not fail a delivery either.
            Interlocked.Increment(ref _failed);
        }
    }

    private Dictionary<string, string>? AllowedHeaders(IHeaderDictionary headers)
    {
        Dictionary<string, string>? kept = null;
        foreach (var name in _headers)
        {
            if (headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                (kept ??= new(StringComparer.OrdinalIgnoreCase))[name] = Cut(value.ToString())!;
            }
        }

        return kept;
    }

    private Dictionary<string, string>? ForwardedHeaders(IReadOnlyDictionary<string, string> headers)
    {
        Dictionary<string, string>? kept = null;
        foreach (var name in _headers)
        {
            if (headers.TryGetValue(name, out var value))
            {
                (kept ??= new(StringComparer.OrdinalIgnoreCase))[name] = Cut(value)!;
            }
        }

        return kept;
    }

    private string? CapturedBody(WebhookDelivery delivery)
    {
        if (!_options.CaptureBodies || _options.MaxBodyLength == 0)
        {
            return null;
        }

        var bytes = delivery.Body.Span;
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, _options.MaxBodyLength * 4)]);
        text = BoundedText.Cut(text, _options.MaxBodyLength)!;
        return _options.RedactBody is { } redact ? redact(delivery.ReceiverName, delivery.EventType, text) : text;
    }

    private string? Cut(string? value) => BoundedText.Cut(value, _options.MaxValueLength);
}
