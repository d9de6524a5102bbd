using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.Dispatch;
using WebhookKit.Journal;

namespace WebhookKit.Dashboard.Internal;

/// <summary>
/// The dead letters' JSON API: list and inspect (GET), replay and delete (POST, antiforgery-checked, absent in read-only
/// mode). Every action is logged with who did it when the request is authenticated.
/// </summary>
internal sealed partial class DeadLetterEndpoints(
    IDeadLetterStore store,
    IWebhookJournal journal,
    IAntiforgery antiforgery,
    WebhookDashboardOptions options,
    TimeProvider timeProvider,
    ILogger<DeadLetterEndpoints> logger)
{
    public async Task List(HttpContext context)
    {
        var letters = await store.ListAsync(options.PageSize, context.RequestAborted).ConfigureAwait(false);
        var errors = await LastErrorsAsync(context.RequestAborted).ConfigureAwait(false);
        await WriteJson(context, letters.Select(l => ToView(l, errors)).ToList(), DashboardJsonContext.Default.IReadOnlyListDeadLetterView).ConfigureAwait(false);
    }

    public async Task Get(HttpContext context)
    {
        var letter = await store.GetAsync(RouteId(context), context.RequestAborted).ConfigureAwait(false);
        if (letter is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var errors = await LastErrorsAsync(context.RequestAborted).ConfigureAwait(false);
        await WriteJson(context, ToView(letter, errors), DashboardJsonContext.Default.DeadLetterView).ConfigureAwait(false);
    }

    public async Task Replay(HttpContext context)
    {
        if (!await IsValidPostAsync(context, "replay").ConfigureAwait(false))
        {
            return;
        }

        var id = RouteId(context);
        var letter = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        var result = await store.ReplayAsync(id, context.RequestAborted).ConfigureAwait(false);
        var actor = Actor(context);
        Log.Replayed(logger, id, result, actor);
        Journal(WebhookJournalEntryKind.Replayed, letter, id, result.ToString(), actor);
        context.Response.StatusCode = result == DeadLetterReplayResult.Replayed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
        await WriteJson(context, new DeadLetterActionResult(id, result.ToString()), DashboardJsonContext.Default.DeadLetterActionResult).ConfigureAwait(false);
    }

    public async Task Delete(HttpContext context)
    {
        if (!await IsValidPostAsync(context, "delete").ConfigureAwait(false))
        {
            return;
        }

        var id = RouteId(context);
        var letter = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
        var actor = Actor(context);
        Log.Deleted(logger, id, deleted, actor);
        Journal(WebhookJournalEntryKind.Deleted, letter, id, deleted ? "Deleted" : "NotFound", actor);
        context.Response.StatusCode = deleted ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
        await WriteJson(context, new DeadLetterActionResult(id, deleted ? "Deleted" : "NotFound"), DashboardJsonContext.Default.DeadLetterActionResult).ConfigureAwait(false);
    }

    /// <summary>Replays every dead letter that matches the query's <c>receiver</c> and <c>eventType</c> (both optional).</summary>
    public async Task ReplayMatching(HttpContext context)
    {
        if (!await IsValidPostAsync(context, "replay matching").ConfigureAwait(false))
        {
            return;
        }

        var receiver = context.Request.Query["receiver"].ToString();
        var eventType = context.Request.Query["eventType"].ToString();
        var replayed = 0;
        var actor = Actor(context);
        foreach (var letter in await store.ListAsync(options.PageSize, context.RequestAborted).ConfigureAwait(false))
        {
            if ((receiver.Length == 0 || letter.Delivery.ReceiverName == receiver) && (eventType.Length == 0 || letter.Delivery.EventType == eventType)
                && await store.ReplayAsync(letter.DeliveryId, context.RequestAborted).ConfigureAwait(false) == DeadLetterReplayResult.Replayed)
            {
                Log.Replayed(logger, letter.DeliveryId, DeadLetterReplayResult.Replayed, actor);
                Journal(WebhookJournalEntryKind.Replayed, letter, letter.DeliveryId, nameof(DeadLetterReplayResult.Replayed), actor);
                replayed++;
            }
        }

        await WriteJson(context, new DeadLetterActionResult("*", "Replayed", replayed), DashboardJsonContext.Default.DeadLetterActionResult).ConfigureAwait(false);
    }

    internal static Task WriteJson<T>(HttpContext context, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    private static DeadLetterView ToView(WebhookDeadLetter letter, Dictionary<string, string> lastErrors)
    {
        var delivery = letter.Delivery;
        return new DeadLetterView(
            letter.DeliveryId, delivery.ReceiverName, delivery.Provider, delivery.EventType, delivery.EventId,
            delivery.ReceivedAt, letter.FailedAt, letter.Attempts, letter.Reason, delivery.Body.Length, lastErrors.GetValueOrDefault(letter.DeliveryId));
    }

    /// <summary>Each delivery's last handler exception, as the journal kept it (a dead letter keeps only the type).</summary>
    private async Task<Dictionary<string, string>> LastErrorsAsync(CancellationToken cancellationToken)
    {
        var failed = await journal.QueryAsync(new WebhookJournalQuery { Kind = WebhookJournalEntryKind.Attempt, Outcome = "failed", MaxCount = 10_000 }, cancellationToken).ConfigureAwait(false);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in failed)
        {
            // Newest first: the first one seen is the last error.
            if (entry.DeliveryId is { } id && !errors.ContainsKey(id))
            {
                errors[id] = $"{entry.ExceptionType}: {entry.ExceptionMessage}";
            }
        }

        return errors;
    }

    /// <summary>A replay or delete in the journal, so the delivery's timeline shows it and who did it.</summary>
    private void Journal(WebhookJournalEntryKind kind, WebhookDeadLetter? letter, string deliveryId, string result, string? actor)
    {
        try
        {
            journal.Append(new WebhookJournalEntry
            {
                Kind = kind,
                Time = timeProvider.GetUtcNow(),
                ReceiverName = letter?.Delivery.ReceiverName ?? "",
                Provider = letter?.Delivery.Provider,
                EventType = letter?.Delivery.EventType,
                EventId = letter?.Delivery.EventId,
                DeliveryId = deliveryId,
                Outcome = kind == WebhookJournalEntryKind.Replayed ? "replayed" : "deleted",
                Reason = result,
                Actor = actor,
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The journal's contract is not to throw; the action happened either way.
        }
    }

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"] as string ?? "";

    private static string? Actor(HttpContext context) => context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>A state-changing request must carry the page's antiforgery token: a cross-site form cannot replay or delete.</summary>
    private async Task<bool> IsValidPostAsync(HttpContext context, string action)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            Log.AntiforgeryRefused(logger, action);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The antiforgery token is missing or invalid: reload the dashboard.", context.RequestAborted).ConfigureAwait(false);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Dead letter {DeliveryId} replayed from the dashboard: {Result} (by {Actor})")]
        public static partial void Replayed(ILogger logger, string deliveryId, DeadLetterReplayResult result, string? actor);

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Dead letter {DeliveryId} deleted from the dashboard: {Deleted} (by {Actor})")]
        public static partial void Deleted(ILogger logger, string deliveryId, bool deleted, string? actor);

        [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Dashboard {Action} refused: antiforgery token missing or invalid")]
        public static partial void AntiforgeryRefused(ILogger logger, string action);
    }
}
