using WebhookKit.Dispatch;

namespace WebhookKit.Tests.Dispatch;

/// <summary>Which handlers of a delivery succeeded, so that a retry skips them: bits for the usual counts, a set beyond.</summary>
public sealed class SucceededHandlersTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 63)]
    [InlineData(1, 64)]
    [InlineData(3, 200)]
    [InlineData(70, 5)]
    public void Add_ThenContains_OnlyThatHandlerOfThatModel(int models, int handler)
    {
        var succeeded = new SucceededHandlers(models);
        var model = models - 1;

        succeeded.Add(model, handler);

        succeeded.Contains(model, handler).Should().BeTrue();
        succeeded.Contains(model, handler + 1).Should().BeFalse();
        if (handler > 0)
        {
            succeeded.Contains(model, handler - 1).Should().BeFalse();
        }

        if (model > 0)
        {
            succeeded.Contains(model - 1, handler).Should().BeFalse();
        }
    }

    [Fact]
    public void New_ContainsNothing()
    {
        var succeeded = new SucceededHandlers(2);

        Enumerable.Range(0, 130).Should().OnlyContain(handler => !succeeded.Contains(0, handler) && !succeeded.Contains(1, handler));
    }
}
