using System.Net;
using WebhookKit.GitHub;
using WebhookKit.Receiving;

namespace WebhookKit.Tests.Receiving;

public sealed class WebhookReceiverGuardTests
{
    [Fact]
    public void Create_NothingToGuard_IsNull()
    {
        WebhookReceiverGuard.Create(new GitHubWebhookOptions().Transport).Should().BeNull();
        WebhookReceiverGuard.Create(new WebhookTransportOptions()).Should().BeNull();
        WebhookReceiverGuard.Create(null).Should().BeNull();
    }

    [Theory]
    [InlineData("192.30.252.0/22", "192.30.252.1", true)]
    [InlineData("192.30.252.0/22", "192.30.255.254", true)]
    [InlineData("192.30.252.0/22", "192.30.248.1", false)]
    [InlineData("192.30.252.0/22", "::ffff:192.30.253.9", true)]      // IPv4-mapped, as a dual-stack socket reports it
    [InlineData("2606:50c0::/32", "2606:50c0:8000::154", true)]
    [InlineData("2606:50c0::/32", "2606:50c1::1", false)]
    [InlineData("2606:50c0::/32", "192.30.252.1", false)]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("::ffff:10.0.0.0/104", "10.1.2.3", true)]
    public void IsAllowed_Address_MatchesCidrRanges(string range, string address, bool expected)
    {
        var guard = Guard(range);

        guard.IsAllowed(IPAddress.Parse(address)).Should().Be(expected);
    }

    [Fact]
    public void IsAllowed_UnknownRemoteAddressWithAllowList_IsRefused()
    {
        Guard("0.0.0.0/0").IsAllowed(null).Should().BeFalse("an unknown sender cannot be shown to be in the list");
    }

    [Fact]
    public void IsAllowed_SeveralRanges_AnyMatches()
    {
        var guard = Guard("10.0.0.0/8", "2001:db8::/32");

        guard.IsAllowed(IPAddress.Parse("10.200.0.1")).Should().BeTrue();
        guard.IsAllowed(IPAddress.Parse("2001:db8::5")).Should().BeTrue();
        guard.IsAllowed(IPAddress.Loopback).Should().BeFalse();
    }

    [Fact]
    public void Create_RequireHttpsOnly_HasNoAllowList()
    {
        var guard = WebhookReceiverGuard.Create(new GitHubWebhookOptions { RequireHttps = true }.Transport)!;

        guard.RequireHttps.Should().BeTrue();
        guard.HasAllowList.Should().BeFalse();
        guard.IsAllowed(IPAddress.Loopback).Should().BeTrue();
    }

    private static WebhookReceiverGuard Guard(params string[] ranges)
    {
        var options = new GitHubWebhookOptions();
        foreach (var range in ranges)
        {
            options.AllowedIpRanges.Add(range);
        }

        // Through a built-in receiver's options, whose transport guards are the ones the registry builds the guard of.
        return WebhookReceiverGuard.Create(options.Transport)!;
    }
}
