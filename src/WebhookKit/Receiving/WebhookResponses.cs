using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace WebhookKit.Receiving;

/// <summary>
/// Writes the receive path's answers: short, generic RFC 9457 problem details (<see cref="WebhookProblem"/>, one per
/// outcome in <see cref="ReceiveOutcomes"/>) through the app's <see cref="IProblemDetailsService"/> when one is
/// registered (<c>AddProblemDetails()</c>), otherwise from bodies encoded once; and 200s. The precise reason goes to
/// the log, never to the response.
/// </summary>
internal static class WebhookResponses
{
    /// <summary>Writes <paramref name="problem"/>, with <c>Retry-After</c> for a 503 and <c>Allow: POST</c> for a 405.</summary>
    public static Task Problem(HttpContext context, WebhookProblem problem, TimeSpan retryAfter)
    {
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
        }

        return WriteAsync(context, problem);
    }

    /// <summary>A bare status without a body: a server refusal this library has no problem type for.</summary>
    public static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
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

    private static async Task WriteAsync(HttpContext context, WebhookProblem problem)
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
}
