using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Octokit.Webhooks;
using WebhookKit.GitHub;

namespace WebhookKit.Benchmarks;

/// <summary>
/// The 10 KB push the load test sends (<c>benchmarks/payloads/github-push.json</c>) into <see cref="GitHubPushEvent"/>,
/// against a <see cref="Utf8JsonReader"/> pass over the same bytes and against Octokit.Webhooks' own deserialization
/// of the push (<see cref="WebhookEventProcessor.DeserializeWebhookEvent"/>, given the body already decoded to a
/// string as Octokit.Webhooks.AspNetCore reads it; the decoding is not counted, in its favour).
/// </summary>
[MemoryDiagnoser]
public class PushModelBenchmarks
{
    private readonly OctokitProcessor _octokit = new();
    private readonly WebhookHeaders _octokitHeaders = new() { Event = "push" };
    private byte[] _json = [];
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _json = Payloads.GitHubPush();
        _text = Encoding.UTF8.GetString(_json);
        if (Before()?.Ref != Model()?.Ref || Octokit() is not Octokit.Webhooks.Events.PushEvent { Ref: "refs/heads/main" })
        {
            throw new InvalidOperationException("The push did not deserialize.");
        }
    }

    /// <summary>One pass of <see cref="Utf8JsonReader"/> over every token.</summary>
    [Benchmark(Baseline = true)]
    public long ReaderPass()
    {
        var reader = new Utf8JsonReader(_json);
        while (reader.Read())
        {
        }

        return reader.BytesConsumed;
    }

    /// <summary>The source-generated contract without converters: before issue 20.</summary>
    [Benchmark]
    public GitHubPushEvent? Before() => JsonSerializer.Deserialize(_json, BeforeJsonContext.Default.GitHubPushEvent);

    /// <summary>The library's own context, as the dispatcher reads the model.</summary>
    [Benchmark]
    public GitHubPushEvent? Model() => JsonSerializer.Deserialize(_json, GitHubJsonContext.Default.GitHubPushEvent);

    /// <summary>Octokit.Webhooks' deserialization of the same push into its <c>PushEvent</c>.</summary>
    [Benchmark]
    public object Octokit() => _octokit.DeserializeWebhookEvent(_octokitHeaders, _text);

    private sealed class OctokitProcessor : WebhookEventProcessor;
}
