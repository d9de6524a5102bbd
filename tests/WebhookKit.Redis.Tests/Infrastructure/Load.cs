using System.Collections.Concurrent;
using System.Net;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>Sends deliveries to several instances concurrently and records every answer.</summary>
public static class Load
{
    /// <summary>How many deliveries the scale-out test sends: <c>WEBHOOKKIT_REDIS_DELIVERIES</c>, default 10,000.</summary>
    public static int DeliveryCount =>
        int.TryParse(Environment.GetEnvironmentVariable("WEBHOOKKIT_REDIS_DELIVERIES"), out var count) && count > 0 ? count : 10_000;

    /// <summary>How many deliveries each load of the cluster tests sends: <c>WEBHOOKKIT_REDIS_CLUSTER_DELIVERIES</c>, default 2,000.</summary>
    public static int ClusterDeliveryCount =>
        int.TryParse(Environment.GetEnvironmentVariable("WEBHOOKKIT_REDIS_CLUSTER_DELIVERIES"), out var count) && count > 0 ? count : 2_000;

    /// <summary>Sends <paramref name="eventIds"/> in order, delivery i to instance i mod n, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<(string EventId, HttpStatusCode Status)[]> SendAsync(IReadOnlyList<WebhookInstance> instances, IReadOnlyList<string> eventIds, int concurrency = 32)
    {
        var results = new (string, HttpStatusCode)[eventIds.Count];
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < eventIds.Count)
            {
                HttpStatusCode status;
                try
                {
                    status = await instances[i % instances.Count].SendAsync(eventIds[i]);
                }
                catch (HttpRequestException)
                {
                    status = 0; // No answer: the instance was killed mid-request.
                }
                catch (TaskCanceledException)
                {
                    status = 0;
                }

                results[i] = (eventIds[i], status);
            }
        });
        await Task.WhenAll(workers);
        return results;
    }

    /// <summary>Unique event ids plus <paramref name="duplicateShare"/> of them again, shuffled (seeded) into the sequence.</summary>
    public static List<string> WithDuplicates(int total, double duplicateShare, string prefix, int seed = 42)
    {
        var random = new Random(seed);
        var unique = (int)Math.Round(total * (1 - duplicateShare));
        var ids = Enumerable.Range(0, unique).Select(i => $"{prefix}{i}").ToList();
        for (var i = unique; i < total; i++)
        {
            // A duplicate of an event sent earlier, placed at a random later point (some concurrent, some long after).
            var original = random.Next(unique);
            var position = random.Next(Math.Min(original + 1, ids.Count), ids.Count + 1);
            ids.Insert(position, ids[original]);
        }

        return ids;
    }
}
