using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.PayPal;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>
/// Every rule of the PayPal receiver's options, as an application meets it: <c>AddPayPal()</c> bound from
/// configuration fails at startup with an error naming the key to fix, and never quoting the webhook id.
/// </summary>
public sealed class PayPalWebhookOptionsTests
{
    private const string WebhookId = "1JE4291016473214C";
    private const string Key = "Webhooks:paypal";

    [Fact]
    public void AddPayPal_WebhookIdOnly_Starts() =>
        ReceiverHarness.StartupFailure(webhooks => webhooks.AddPayPal(), ($"{Key}:WebhookId", WebhookId)).Should().BeNull();

    [Fact]
    public void AddPayPal_EveryListOptionValid_Starts()
    {
        using var signer = WebhookSigner.PayPal(WebhookId);

        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddPayPal(),
            ($"{Key}:WebhookId", WebhookId),
            ($"{Key}:AllowedCertificateHosts:0", "api-m.paypal.com"),
            ($"{Key}:AllowedCertificateHosts:1", "127.0.0.1:8443"),
            ($"{Key}:AllowedCertificateHosts:2", "API.Sandbox.PayPal.com:443"),
            ($"{Key}:CertificateSubjectNames:0", "messageverificationcerts.paypal.com"),
            ($"{Key}:TrustedRootCertificates:0", signer.TrustedRootPem),
            ($"{Key}:CertificateRevocationMode", "NoCheck"),
            ($"{Key}:CertificateFetchTimeout", "00:00:30"),
            ($"{Key}:Tolerance", "1.00:00:00"),
            ($"{Key}:MaxBodyBytes", "1"));

        failure.Should().BeNull();
    }

    [Fact]
    public void AddPayPal_NoWebhookId_FailsNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddPayPal("paypal-live", null));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain("'paypal-live' has no webhook id").And.Contain("Webhooks:paypal-live:WebhookId");
    }

    [Fact]
    public void AddPayPal_SecretInsteadOfWebhookId_FailsSayingWhereTheIdGoes()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddPayPal(), ($"{Key}:Secrets:0", "paypal-client-secret-0123456789"));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain($"set '{Key}:WebhookId' instead of '{Key}:Secrets'").And.NotContain("paypal-client-secret-0123456789");
    }

    [Theory]
    [InlineData("   ", "has no webhook id")]
    [InlineData("1JE4291016473214C1JE4291016473214C1JE4291016473214CX", "not 1 to 50 ASCII letters or digits")] // 51 characters
    [InlineData("1JE42-91016473214C", "not 1 to 50 ASCII letters or digits")]
    [InlineData("1JE4291016473214Ç", "not 1 to 50 ASCII letters or digits")]
    public void AddPayPal_WebhookIdNotPayPals_FailsWithoutQuotingIt(string webhookId, string error)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddPayPal(), ($"{Key}:WebhookId", webhookId));

        var message = failure.Should().BeOfType<OptionsValidationException>().Which.Message;
        message.Should().Contain(error).And.Contain($"{Key}:WebhookId");
        if (webhookId.Trim().Length > 0)
        {
            message.Should().NotContain(webhookId);
        }
    }

    [Theory]
    [InlineData("AllowedCertificateHosts:0", "https://api.paypal.com")]
    [InlineData("AllowedCertificateHosts:0", "*.paypal.com")]
    [InlineData("AllowedCertificateHosts:0", "api.paypal.com/v1/notifications/certs")]
    [InlineData("AllowedCertificateHosts:0", "user@api.paypal.com")]
    [InlineData("AllowedCertificateHosts:0", "api.paypal.com:99999")]
    [InlineData("AllowedCertificateHosts:0", "api.paypal.com:")]
    [InlineData("AllowedCertificateHosts:0", " ")]
    [InlineData("AllowedCertificateHosts:0", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.paypal.com")] // a host of 254 characters
    [InlineData("CertificateSubjectNames:0", " ")]
    [InlineData("CertificateSubjectNames:0", "*.paypal.com")]
    [InlineData("CertificateSubjectNames:0", "https://messageverificationcerts.paypal.com")]
    [InlineData("CertificateSubjectNames:0", " messageverificationcerts.paypal.com")]
    [InlineData("TrustedRootCertificates:0", "not a certificate")]
    [InlineData("TrustedRootCertificates:0", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    [InlineData("CertificateRevocationMode", "7")]
    [InlineData("CertificateFetchTimeout", "00:00:00")]
    [InlineData("CertificateFetchTimeout", "-00:00:01")]
    [InlineData("CertificateFetchTimeout", "00:00:30.001")]
    [InlineData("Tolerance", "00:00:00")]
    [InlineData("Tolerance", "1.00:00:01")]
    [InlineData("MaxBodyBytes", "0")]
    [InlineData("MaxBodyBytes", "-1")]
    [InlineData("AllowedIpRanges:0", "10.0.0.1/8")]
    public void AddPayPal_InvalidOption_FailsNamingItsKey(string option, string value)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddPayPal(), ($"{Key}:WebhookId", WebhookId), ($"{Key}:{option}", value));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain($"'{Key}:{option}'");
    }

    [Fact]
    public void Validate_SeveralInvalidOptions_ReportsEachOnce()
    {
        var options = new PayPalWebhookOptions { CertificateFetchTimeout = TimeSpan.Zero, Tolerance = TimeSpan.Zero };
        options.AllowedCertificateHosts.Add("*.paypal.com");
        options.CertificateSubjectNames.Add(" ");

        var errors = options.Validate("paypal", Key).ToList();

        errors.Should().HaveCount(5, string.Join(Environment.NewLine, errors));
        errors.Should().ContainSingle(error => error.Contains("has no webhook id", StringComparison.Ordinal));
        errors.Should().ContainSingle(error => error.Contains($"{Key}:AllowedCertificateHosts:0", StringComparison.Ordinal));
        errors.Should().ContainSingle(error => error.Contains($"{Key}:CertificateSubjectNames:0", StringComparison.Ordinal));
        errors.Should().ContainSingle(error => error.Contains($"{Key}:CertificateFetchTimeout", StringComparison.Ordinal));
        errors.Should().ContainSingle(error => error.Contains($"{Key}:Tolerance", StringComparison.Ordinal));
    }
}
