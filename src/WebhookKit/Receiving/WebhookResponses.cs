using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WebhookKit.Receiving;

/// <summary>
/// Short, generic RFC 9457 problem details per status, encoded once. The precise reason goes to the log,
/// never to the response.
/// </summary>
internal static class WebhookResponses
{
    private static readonly byte[] BadRequestBody = Problem(400, "Bad Request", "The delivery has no event id or type, or its body cannot be read.", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
    private static readonly byte[] UnauthorizedBody = Problem(401, "Unauthorized", "The delivery's signature could not be verified.", "https://tools.ietf.org/html/rfc9110#section-15.5.2");
    private static readonly byte[] NotFoundBody = Problem(404, "Not Found", "No webhook receiver has this name.", "https://tools.ietf.org/html/rfc9110#section-15.5.5");
    private static readonly byte[] MethodNotAllowedBody = Problem(405, "Method Not Allowed", "Webhook deliveries must be POST requests.", "https://tools.ietf.org/html/rfc9110#section-15.5.6");
    private static readonly byte[] TooLargeBody = Problem(413, "Content Too Large", "The delivery's body is larger than this receiver accepts.", "https://tools.ietf.org/html/rfc9110#section-15.5.14");
    private static readonly byte[] UnavailableBody = Problem(503, "Service Unavailable", "The delivery cannot be accepted right now; retry later.", "https://tools.ietf.org/html/rfc9110#section-15.6.4");

    public static Task BadRequest(HttpContext context) => Write(context, StatusCodes.Status400BadRequest, BadRequestBody);

    public static Task Unauthorized(HttpContext context) => Write(context, StatusCodes.Status401Unauthorized, UnauthorizedBody);

    public static Task NotFound(HttpContext context) => Write(context, StatusCodes.Status404NotFound, NotFoundBody);

    public static Task MethodNotAllowed(HttpContext context)
    {
        context.Response.Headers.Allow = HttpMethods.Post;
        return Write(context, StatusCodes.Status405MethodNotAllowed, MethodNotAllowedBody);
    }

    public static Task TooLarge(HttpContext context) => Write(context, StatusCodes.Status413PayloadTooLarge, TooLargeBody);

    public static Task Unavailable(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Write(context, StatusCodes.Status503ServiceUnavailable, UnavailableBody);
    }

    public static Task Ok(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static Task Write(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static byte[] Problem(int status, string title, string detail, string type) =>
        Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}"}""");
}
