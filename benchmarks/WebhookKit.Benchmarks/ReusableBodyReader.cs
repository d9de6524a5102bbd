using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookKit.Benchmarks;

/// <summary>
/// A request body that can be read again after <see cref="Reset"/>: the whole body in one segment, already
/// complete, as Kestrel hands over a body that arrived in one read. Allocation-free, so the benchmarks'
/// allocated bytes are the receive path's own.
/// </summary>
internal sealed class ReusableBodyReader(byte[] body) : PipeReader, IRequestBodyPipeFeature
{
    private readonly ReadOnlySequence<byte> _whole = new(body);
    private bool _consumed;

    public PipeReader Reader => this;

    public void Reset() => _consumed = false;

    public override bool TryRead(out ReadResult result)
    {
        result = new ReadResult(_consumed ? ReadOnlySequence<byte>.Empty : _whole, isCanceled: false, isCompleted: true);
        return true;
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        TryRead(out var result);
        return new ValueTask<ReadResult>(result);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_consumed || consumed.Equals(_whole.End))
        {
            _consumed = true;
        }
    }

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
