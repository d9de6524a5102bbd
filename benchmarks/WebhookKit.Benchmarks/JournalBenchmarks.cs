using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WebhookKit.Journal;

namespace WebhookKit.Benchmarks;

/// <summary>
/// What the in-memory delivery journal costs per record: one accepted GitHub request recorded through the recorder
/// (what the receive path pays), and the default window filled from empty, whose allocation divided by its
/// 10,000 entries is the memory each record holds (the entries stay in the ring, so allocated is retained).
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int DefaultWindow = 10_000;

    private readonly IOptions<WebhookOptions> _options = Options.Create(new WebhookOptions());
    private readonly string _eventId = "d1f5c0a0-0000-4000-8000-000000000001";
    private readonly string _deliveryId = "0b9f3a4c5d6e7f8091a2b3c4d5e6f708";
    private WebhookJournalRecorder _recorder = null!;
    private DefaultHttpContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recorder = new WebhookJournalRecorder(new InMemoryWebhookJournal(_options, TimeProvider.System), _options, TimeProvider.System);
        _context = new DefaultHttpContext();
        _context.Request.ContentLength = 10_240;
        _context.Request.Headers["User-Agent"] = "GitHub-Hookshot/044aadd";
        _context.Request.Headers["X-GitHub-Delivery"] = _eventId;
    }

    /// <summary>One accepted request, as <c>Respond</c> records it, into a journal already at its bound.</summary>
    [Benchmark]
    public void RecordAccepted() =>
        _recorder.Received(_context, "github", "github", "push", _eventId, _deliveryId, StatusCodes.Status200OK, "accepted", null, null);

    /// <summary>A new journal filled with the default 10,000 accepted requests: bytes per record = allocated / 10,000.</summary>
    [Benchmark(OperationsPerInvoke = DefaultWindow)]
    public IWebhookJournal FillDefaultWindow()
    {
        var journal = new InMemoryWebhookJournal(_options, TimeProvider.System);
        var recorder = new WebhookJournalRecorder(journal, _options, TimeProvider.System);
        for (var i = 0; i < DefaultWindow; i++)
        {
            recorder.Received(_context, "github", "github", "push", _eventId, _deliveryId, StatusCodes.Status200OK, "accepted", null, null);
        }

        return journal;
    }
}
