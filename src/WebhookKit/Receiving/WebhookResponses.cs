using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace WebhookKit.Receiving;

/// <summary>
/// Short, generic RFC 9457 problem details with a stable <c>type</c> per outcome. Written through the app's
/// <see cref="IProblemDetailsService"/> when one is registered (<c>AddProblemDetails()</c>), otherwise from
/// bodies encoded once. The precise reason goes to the log, never to the response.
/// </summary>
internal static class WebhookResponses
{
    public const string TypePrefix = "urn:webhookkit:problem:";

    private static readonly Problem BadRequestProblem = new(StatusCodes.Status400BadRequest, "bad-request", "Bad Request", "The delivery has no event id or type, or its body cannot be read.");
    private static readonly Problem UnauthorizedProblem = new(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", "The delivery's signature could not be verified.");
    private static readonly Problem NotFoundProblem = new(StatusCodes.Status404NotFound, "unknown-receiver", "Not Found", "No webhook receiver has this name.");
    private static readonly Problem MethodNotAllowedProblem = new(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method Not Allowed", "Webhook deliveries must be POST requests.");
    private static readonly Problem TooLargeProblem = new(StatusCodes.Status413PayloadTooLarge, "too-large", "Content Too Large", "The delivery's body is larger than this receiver accepts.");
    private static readonly Problem HttpsRequiredProblem = new(StatusCodes.Status403Forbidden, "https-required", "Forbidden", "This receiver accepts deliveries over HTTPS only.");
    private static readonly Problem IpNotAllowedProblem = new(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "This receiver does not accept deliveries from this address.");
    private static readonly Problem TooSlowProblem = new(StatusCodes.Status408RequestTimeout, "too-slow", "Request Timeout", "The delivery's body arrived too slowly.");
    private static readonly Problem UnavailableProblem = new(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service Unavailable", "The delivery cannot be accepted right now; retry later.");

    public static Task BadRequest(HttpContext context) => WriteAsync(context, BadRequestProblem);

    public static Task Unauthorized(HttpContext context) => WriteAsync(context, UnauthorizedProblem);

    public static Task NotFound(HttpContext context) => WriteAsync(context, NotFoundProblem);

    public static Task MethodNotAllowed(HttpContext context)
    {
        context.Response.Headers.Allow = HttpMethods.Post;
        return WriteAsync(context, MethodNotAllowedProblem);
    }

    public static Task TooLarge(HttpContext context) => WriteAsync(context, TooLargeProblem);

    public static Task HttpsRequired(HttpContext context) => WriteAsync(context, HttpsRequiredProblem);

    public static Task IpNotAllowed(HttpContext context) => WriteAsync(context, IpNotAllowedProblem);

    public static Task TooSlow(HttpContext context) => WriteAsync(context, TooSlowProblem);

    public static Task Unavailable(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, UnavailableProblem);
    }

    public static Task Ok(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>200 with a provider's handshake answer (for example Slack's url_verification challenge).</summary>
    public static Task Respond(HttpContext context, ReadOnlyMemory<byte> body, string? contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = body.Length;
        if (body.IsEmpty)
        {
            return Task.CompletedTask;
        }

        response.ContentType = contentType;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static async Task WriteAsync(HttpContext context, Problem problem)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = problem.Status;
        if (context.RequestServices?.GetService<IProblemDetailsService>() is { } problemDetailsService)
        {
            var written = await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Type = problem.Type, Title = problem.Title, Status = problem.Status, Detail = problem.Detail },
            }).ConfigureAwait(false);
            if (written)
            {
                return;
            }
        }

        response.ContentType = "application/problem+json";
        response.ContentLength = problem.Utf8Json.Length;
        await response.Body.WriteAsync(problem.Utf8Json, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed class Problem
    {
        public Problem(int status, string outcome, string title, string detail)
        {
            Status = status;
            Type = TypePrefix + outcome;
            Title = title;
            Detail = detail;
            Utf8Json = Encoding.UTF8.GetBytes($$"""{"type":"{{Type}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}"}""");
        }

        public int Status { get; }

        public string Type { get; }

        public string Title { get; }

        public string Detail { get; }

        public byte[] Utf8Json { get; }
    }
}
