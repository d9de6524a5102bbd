using System.Globalization;
using System.Text;

namespace WebhookKit.Benchmarks;

/// <summary>Request bodies for the benchmarks: real-shaped JSON of an exact size.</summary>
internal static class Payloads
{
    /// <summary>The ~10 KB GitHub push delivery in <c>benchmarks/payloads</c>.</summary>
    public static byte[] GitHubPush() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "github-push.json"));

    /// <summary>
    /// A Stripe event envelope (<c>customer.updated</c>) of exactly <paramref name="size"/> bytes: <c>id</c> first,
    /// <c>type</c> last as Stripe sends them, the size made up by <c>data.object.metadata</c> entries.
    /// </summary>
    public static byte[] StripeEvent(int size)
    {
        const string head = """{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","api_version":"2024-06-20","created":1686089970,"data":{"object":{"id":"cus_9s6XKzkNRiz8i3","object":"customer","balance":0,"created":1483565364,"currency":"usd","delinquent":false,"description":"Casetta customer","email":"jenny.rosen@example.com","livemode":false,"name":"Jenny Rosen","metadata":{""";
        const string tail = """}},"previous_attributes":{"description":"Old description"}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"customer.updated"}""";
        return Fill(head, tail, size);
    }

    /// <summary>A GitHub-shaped JSON object of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] GitHubEvent(int size)
    {
        const string head = """{"ref":"refs/heads/main","before":"a10867b14bb761a232cd80139fbd4c0d33264240","after":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","repository":{"id":186853002,"name":"Hello-World","full_name":"Codertocat/Hello-World","topics":{""";
        const string tail = """}},"pusher":{"name":"Codertocat","email":"21031067+Codertocat@users.noreply.github.com"}}""";
        return Fill(head, tail, size);
    }

    private static byte[] Fill(string head, string tail, int size)
    {
        var builder = new StringBuilder(size).Append(head);
        var i = 0;
        // Entries like "key_0042":"value of entry 0042", then one padding string to land on the exact size.
        while (builder.Length + tail.Length + 64 < size)
        {
            builder.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"key_{i:D4}\":\"value of entry {i:D4}\"");
            i++;
        }

        var padding = size - builder.Length - tail.Length - (i == 0 ? 0 : 1) - "\"pad\":\"\"".Length;
        builder.Append(i == 0 ? "" : ",").Append("\"pad\":\"").Append('x', Math.Max(0, padding)).Append('"').Append(tail);
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        if (bytes.Length != size)
        {
            throw new InvalidOperationException($"Built {bytes.Length} bytes instead of {size}.");
        }

        return bytes;
    }
}
