using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WebhookKit.PayPal;

/// <summary>
/// Checks what a certificate URL served: PEM certificates, the first of them the signer's, which must chain to a
/// trusted root (the system's, or <see cref="PayPalWebhookOptions.TrustedRootCertificates"/>) through the others, be
/// within its validity dates, be issued to one of <see cref="PayPalWebhookOptions.CertificateSubjectNames"/> (as
/// PayPal's SDK checks), and hold an RSA key of at least 2048 bits.
/// </summary>
internal sealed class PayPalCertificateValidator
{
    /// <summary>The most certificates one response may hold: the signer's and a few intermediates.</summary>
    private const int MaxCertificates = 8;

    private const X509ChainStatusFlags RevocationUnknown = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    private readonly X509Certificate2Collection _roots;
    private readonly string[] _subjectNames;
    private readonly X509RevocationMode _revocationMode;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    public PayPalCertificateValidator(PayPalWebhookOptions options, TimeProvider timeProvider)
    {
        _roots = [];
        foreach (var pem in options.TrustedRootCertificates)
        {
            if (TryImport(pem, out var roots))
            {
                _roots.AddRange(roots);
            }
        }

        _subjectNames = [.. options.EffectiveSubjectNames];
        _revocationMode = options.CertificateRevocationMode;
        _timeout = options.CertificateFetchTimeout;
        _timeProvider = timeProvider;
    }

    /// <summary>Whether <paramref name="pem"/> holds one or more PEM certificates, and nothing that fails to parse.</summary>
    public static bool TryImport(string? pem, out X509Certificate2Collection certificates)
    {
        certificates = [];
        if (string.IsNullOrWhiteSpace(pem))
        {
            return false;
        }

        try
        {
            certificates.ImportFromPem(pem);
            return certificates.Count is > 0 and <= MaxCertificates;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public PayPalCertificate Validate(string pem)
    {
        if (!TryImport(pem, out var certificates))
        {
            return PayPalCertificate.NotTrusted("the certificate URL did not serve 1 to 8 PEM certificates");
        }

        try
        {
            return Validate(certificates);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private PayPalCertificate Validate(X509Certificate2Collection certificates)
    {
        var leaf = certificates[0];
        var now = _timeProvider.GetUtcNow();
        if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
        {
            return PayPalCertificate.NotTrusted("the certificate is outside its validity dates");
        }

        var subject = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!_subjectNames.Contains(subject, StringComparer.OrdinalIgnoreCase))
        {
            return PayPalCertificate.NotTrusted("the certificate is not issued to an expected subject name (CertificateSubjectNames)");
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.VerificationTime = now.UtcDateTime;
        policy.RevocationMode = _revocationMode;
        policy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        policy.UrlRetrievalTimeout = _timeout;
        for (var i = 1; i < certificates.Count; i++)
        {
            policy.ExtraStore.Add(certificates[i]);
        }

        if (_roots.Count > 0)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(_roots);
        }

        if (!chain.Build(leaf))
        {
            var status = X509ChainStatusFlags.NoError;
            foreach (var element in chain.ChainStatus)
            {
                status |= element.Status;
            }

            // A revocation server out of reach says nothing against the certificate: PayPal retries later.
            return (status & ~RevocationUnknown) == X509ChainStatusFlags.NoError
                ? PayPalCertificate.Unavailable("the certificate's revocation status could not be checked")
                : PayPalCertificate.NotTrusted("the certificate does not chain to a trusted root, or a certificate of its chain is expired or revoked");
        }

        var key = leaf.GetRSAPublicKey();
        if (key is null || key.KeySize < 2048)
        {
            key?.Dispose();
            return PayPalCertificate.NotTrusted("the certificate does not hold an RSA key of at least 2048 bits");
        }

        return PayPalCertificate.Trusted(key, leaf.NotAfter.ToUniversalTime());
    }
}
