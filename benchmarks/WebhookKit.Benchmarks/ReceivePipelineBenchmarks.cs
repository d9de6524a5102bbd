using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.Idempotency;
using WebhookKit.Internal;
using WebhookKit.Receiving;

namespace WebhookKit.Benchmarks;

/// <summary>
/// One ~10 KB GitHub push through the real receive path in process (no socket): the
/// <see cref="WebhookRequestProcessor"/> of a real service provider built with
/// <c>AddWebhooks().AddGitHub(…)</c>, fed a reusable <see cref="DefaultHttpContext"/>.
/// </summary>
/// <remarks>
/// <see cref="Accepted"/> also takes the delivery off the queue, acknowledges it and releases its claim, as the
/// dispatcher would (minus running the handler), so neither the queue nor the idempotency store grows between
/// invocations and the same event id can be accepted again. <see cref="VerifyFloor"/> is the in-process
/// counterpart of the load test's verify floor: copy the body into a pooled buffer, HMAC, compare.
/// </remarks>
[MemoryDiagnoser]
public class ReceivePipelineBenchmarks
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Receiver = "github";

    private Pipeline _pipeline = null!;
    private Pipeline _leanPipeline = null!;
    private readonly DeclaredPropertyReader<GitHubPushEvent> _pushReader = new(GitHubJsonContext.Default.GitHubPushEvent);
    private readonly DeclaredPropertyReader<PushRefOnly> _refOnlyReader = new(PushRefOnlyJsonContext.Default.PushRefOnly);
    private byte[] _key = [];
    private byte[] _body = [];
    private Case _accepted = null!;
    private Case _acceptedLean = null!;
    private Case _duplicate = null!;
    private Case _badSignature = null!;

    /// <summary>Gets or sets whether the delivery journal is on (the default) or off, to compare the two in one run.</summary>
    [Params(true, false)]
    public bool Journal { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.GitHubPush();
        _body = body;
        _key = Encoding.UTF8.GetBytes(Secret);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));
        var wrong = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("not the secret"u8, body));

        _pipeline = new Pipeline(Journal, webhooks => webhooks.AddHandler<CountingPushHandler>());
        _leanPipeline = new Pipeline(Journal, webhooks => webhooks.AddPayloadType("github", "push", PushRefOnlyJsonContext.Default.PushRefOnly).AddHandler<CountingRefOnlyHandler>());

        _accepted = new Case(body, signature, "d1f5c0a0-0000-4000-8000-000000000001");
        _acceptedLean = new Case(body, signature, "d1f5c0a0-0000-4000-8000-000000000004");
        // A body of its own (one more byte of JSON whitespace): GitHub's ids are unsigned, so the receive path also claims
        // the body's digest, and the duplicate's claim, held for good, would make every Accepted a replay of it.
        byte[] duplicateBody = [.. body, (byte)' '];
        _duplicate = new Case(duplicateBody, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, duplicateBody)), "d1f5c0a0-0000-4000-8000-000000000002");
        _badSignature = new Case(body, wrong, "d1f5c0a0-0000-4000-8000-000000000003");

        // The duplicate's event id is claimed once and stays in flight, so every invocation is a duplicate.
        var first = _pipeline.ReceiveAsync(_duplicate).GetAwaiter().GetResult();
        _pipeline.Queue.AcknowledgeAsync(first, CancellationToken.None).AsTask().GetAwaiter().GetResult(); // Acknowledged, never released.

        Accepted().GetAwaiter().GetResult();
        var handled = CountingPushHandler.Handled;
        AcceptedAndHandled().GetAwaiter().GetResult();
        if (CountingPushHandler.Handled != handled + 1)
        {
            throw new InvalidOperationException("The handler did not run.");
        }

        var handledLean = CountingRefOnlyHandler.Handled;
        AcceptedAndHandledLean().GetAwaiter().GetResult();
        if (CountingRefOnlyHandler.Handled != handledLean + 1)
        {
            throw new InvalidOperationException("The lean handler did not run.");
        }

        Duplicate().GetAwaiter().GetResult();
        BadSignature().GetAwaiter().GetResult();
        if (!VerifyFloor())
        {
            throw new InvalidOperationException("The verify floor rejects its valid request.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.Host.Dispose();
        _leanPipeline.Host.Dispose();
    }

    /// <summary>Read into a pooled buffer, HMAC-SHA256, hex decode, FixedTimeEquals: no receiver, no claim, no queue.</summary>
    [Benchmark]
    public bool VerifyFloor()
    {
        var context = _accepted.Context;
        _accepted.Reset();
        var reader = context.Request.BodyReader;
        reader.TryRead(out var read);
        var length = (int)read.Buffer.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            read.Buffer.CopyTo(buffer);
            reader.AdvanceTo(read.Buffer.End);
            Span<byte> expected = stackalloc byte[32];
            Span<byte> presented = stackalloc byte[32];
            HMACSHA256.HashData(_key, buffer.AsSpan(0, length), expected);
            var header = context.Request.Headers["X-Hub-Signature-256"].ToString();
            return Convert.FromHexString(header.AsSpan(7), presented, out _, out _) == OperationStatus.Done
                && CryptographicOperations.FixedTimeEquals(expected, presented);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Verified, claimed, copied, queued, 200; then dequeued, acknowledged and released (see remarks).</summary>
    [Benchmark(Baseline = true)]
    public async Task Accepted()
    {
        var delivery = await _pipeline.ReceiveAsync(_accepted).ConfigureAwait(false);
        await _pipeline.Queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        await _pipeline.ReleaseAsync(delivery).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="Accepted"/>, then what the background dispatcher does with it: deserialize the push into
    /// <c>GitHubPushEvent</c>, run the handler in a DI scope, complete the claim, acknowledge. The whole CPU cost of
    /// one delivery; the claim is released afterwards so that the same event id can be accepted again.
    /// </summary>
    [Benchmark]
    public Task AcceptedAndHandled() => _pipeline.ReceiveAndHandleAsync(_accepted);

    /// <summary>
    /// <see cref="AcceptedAndHandled"/> with a handler over <see cref="PushRefOnly"/>, a model that declares only
    /// <c>ref</c> (load test scenario 1c): the receive path, the lean parse and the dispatcher's own work per delivery.
    /// </summary>
    [Benchmark]
    public Task AcceptedAndHandledLean() => _leanPipeline.ReceiveAndHandleAsync(_acceptedLean);

    /// <summary>
    /// The largest part of <see cref="AcceptedAndHandled"/>'s background work on its own: the push deserialized into
    /// WebhookKit's <c>GitHubPushEvent</c> with its source-generated metadata, as the dispatcher does once per delivery.
    /// </summary>
    [Benchmark]
    public object? DeserializePush() => System.Text.Json.JsonSerializer.Deserialize(_body, GitHubJsonContext.Default.GitHubPushEvent);

    /// <summary>
    /// The same body into a model that declares only <c>ref</c>: what a lean handler-declared model costs, since the
    /// reader still has to walk (and validate) every other token of the 10 KB to skip it.
    /// </summary>
    [Benchmark]
    public object? DeserializePushRefOnly() => System.Text.Json.JsonSerializer.Deserialize(_body, PushRefOnlyJsonContext.Default.PushRefOnly);

    /// <summary>
    /// <see cref="DeserializePush"/> the way the dispatcher reads it, through <c>DeclaredPropertyReader</c>: the push
    /// model has nested objects and lists, so the reader hands it to <c>JsonSerializer</c> whole (the same cost).
    /// </summary>
    [Benchmark]
    public object? ReadDeclaredPush() => _pushReader.Deserialize(_body);

    /// <summary>
    /// <see cref="DeserializePushRefOnly"/> the way the dispatcher reads it: <c>ref</c> is the push's first property, so
    /// the reader stops there instead of walking the other 10 KB.
    /// </summary>
    [Benchmark]
    public object? ReadDeclaredPushRefOnly() => _refOnlyReader.Deserialize(_body);

    /// <summary>Verified, then the claim finds the event in flight: 200, nothing queued.</summary>
    [Benchmark]
    public async Task Duplicate()
    {
        _duplicate.Reset();
        await _pipeline.Processor.ProcessAsync(_duplicate.Context, Receiver).ConfigureAwait(false);
        _duplicate.Expect(StatusCodes.Status200OK);
        if (_pipeline.Queue.Count != 0)
        {
            throw new InvalidOperationException("A duplicate was queued.");
        }
    }

    /// <summary>The signature does not match: 401 with the problem details body.</summary>
    [Benchmark]
    public async Task BadSignature()
    {
        _badSignature.Reset();
        await _pipeline.Processor.ProcessAsync(_badSignature.Context, Receiver).ConfigureAwait(false);
        _badSignature.Expect(StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// A service provider built with <c>AddWebhooks().AddGitHub(…)</c> and the given handlers, and its parts. The host is
    /// not started: the dispatcher does not run; the benchmarks drain the queue themselves.
    /// </summary>
    private sealed class Pipeline
    {
        public Pipeline(bool journal, Action<IWebhooksBuilder> addHandlers)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            addHandlers(builder.Services.AddWebhooks(options =>
            {
                options.QueueCapacity = 1_000_000;
                options.Journal.Enabled = journal;
            }).AddGitHub(options => options.Secrets.Add(Secret)));
            Host = builder.Build();
            Processor = Host.Services.GetRequiredService<WebhookRequestProcessor>();
            Queue = Host.Services.GetRequiredService<IWebhookQueue>();
            Store = Host.Services.GetRequiredService<IIdempotencyStore>();
            Dispatcher = Host.Services.GetRequiredService<WebhookDispatcher>();
            Leases = Host.Services.GetRequiredService<ClaimLeaseRenewer>();
        }

        /// <summary>Gets the host, disposed by the benchmark's cleanup.</summary>
        public IHost Host { get; }

        public WebhookRequestProcessor Processor { get; }

        public IWebhookQueue Queue { get; }

        public IIdempotencyStore Store { get; }

        public WebhookDispatcher Dispatcher { get; }

        public ClaimLeaseRenewer Leases { get; }

        /// <summary>Posts the case, expects 200 and takes the delivery off the queue.</summary>
        public async Task<WebhookDelivery> ReceiveAsync(Case request)
        {
            request.Reset();
            await Processor.ProcessAsync(request.Context, Receiver).ConfigureAwait(false);
            request.Expect(StatusCodes.Status200OK);
            return await Queue.DequeueAsync(CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Nothing was queued.");
        }

        /// <summary><see cref="ReceiveAsync"/>, then what the dispatcher does with the delivery, then the claim released.</summary>
        public async Task ReceiveAndHandleAsync(Case request)
        {
            var delivery = await ReceiveAsync(request).ConfigureAwait(false);
            await Dispatcher.DispatchAsync(delivery, CancellationToken.None).ConfigureAwait(false);
            await ReleaseAsync(delivery).ConfigureAwait(false);
        }

        /// <summary>Releases the delivery's claim, so that the same event id can be accepted again, and stops renewing it, as the dispatcher does.</summary>
        public ValueTask ReleaseAsync(WebhookDelivery delivery)
        {
            Leases.Forget(delivery.DeliveryId);
            return Store.ReleaseAsync(delivery.IdempotencyKeys, delivery.DeliveryId, CancellationToken.None);
        }
    }

    /// <summary>A reusable POST /webhooks/github with one body and fixed headers.</summary>
    private sealed class Case
    {
        private readonly ReusableBodyReader _body;

        public Case(byte[] body, string signature, string deliveryId)
        {
            _body = new ReusableBodyReader(body);
            Context = new DefaultHttpContext();
            Context.Features.Set<IRequestBodyPipeFeature>(_body);
            var request = Context.Request;
            request.Method = HttpMethods.Post;
            request.Scheme = "https";
            request.Path = "/webhooks/github";
            request.ContentType = "application/json";
            request.ContentLength = body.Length;
            request.Headers["X-Hub-Signature-256"] = signature;
            request.Headers["X-GitHub-Delivery"] = deliveryId;
            request.Headers["X-GitHub-Event"] = "push";
            request.Headers["X-GitHub-Hook-ID"] = "292430182";
            request.Headers["X-GitHub-Hook-Installation-Target-ID"] = "79929171";
            request.Headers["X-GitHub-Hook-Installation-Target-Type"] = "repository";
            request.Headers.UserAgent = "GitHub-Hookshot/9729b7c";
        }

        public DefaultHttpContext Context { get; }

        public void Reset()
        {
            _body.Reset();
            Context.Response.StatusCode = 0;
        }

        public void Expect(int status)
        {
            if (Context.Response.StatusCode != status)
            {
                throw new InvalidOperationException($"Expected {status}, got {Context.Response.StatusCode}.");
            }
        }
    }
}
