using CsCheck;
using Xunit.Abstractions;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every verifier (<see cref="FuzzTargets"/>), <see cref="FuzzSettings.Iterations"/> cases per
/// property: a correctly signed random delivery is always accepted with its event id; a signed delivery changed after
/// signing (one bit of the body, the signature, the timestamp, the signed id, the URL, a parameter, or signed with
/// another secret) is always refused; random headers and bodies never throw and are never accepted.
/// </summary>
[Trait(FuzzSettings.Category, FuzzSettings.Fuzz)]
public sealed class VerifierFuzzTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FuzzTargets.Names), MemberType = typeof(FuzzTargets))]
    public void Read_CorrectlySignedRandomDelivery_IsAcceptedWithItsEventId(string target)
    {
        var fuzz = FuzzTargets.Get(target);

        fuzz.Signed.Sample(
            @case =>
            {
                var result = fuzz.Create(@case.Secret).Read(@case.Request.ToWebhookRequest());
                result.Status.Should().Be(WebhookProviderStatus.Accepted, "{0} is correctly signed ({1})", @case.Request, result.FailureReason);
                result.EventId.Should().Be(@case.EventId);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Theory]
    [MemberData(nameof(FuzzTargets.Names), MemberType = typeof(FuzzTargets))]
    public void Read_SignedDeliveryChangedAfterSigning_IsRefused(string target)
    {
        var fuzz = FuzzTargets.Get(target);

        fuzz.Changed.Sample(
            @case =>
            {
                var result = fuzz.Create(@case.Secret).Read(@case.Request.ToWebhookRequest());
                result.Status.Should().Be(WebhookProviderStatus.Unauthorized, "the {0} changed after signing", @case.Change);
                result.FailureReason.Should().NotContain(@case.Secret);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Theory]
    [MemberData(nameof(FuzzTargets.Names), MemberType = typeof(FuzzTargets))]
    public void Read_RandomHeadersAndBody_NeverThrowsNorAccepts(string target)
    {
        var fuzz = FuzzTargets.Get(target);

        fuzz.Random.Sample(
            @case =>
            {
                var result = fuzz.Create(@case.Secret).Read(@case.Request.ToWebhookRequest());
                result.Status.Should().Be(WebhookProviderStatus.Unauthorized, "nothing random is a valid signature");
                result.FailureReason.Should().NotBeNullOrEmpty();
                foreach (var (_, value) in @case.Request.Headers.Where(header => header.Value.Length >= 8))
                {
                    result.FailureReason.Should().NotContain(value, "a failure reason never quotes what was presented");
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }
}
