using System.Text.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads the envelope's properties (<see cref="IGitHubEventEnvelope"/>) for every GitHub event model's reader.</summary>
internal static class GitHubEventEnvelopeJsonReader
{
    /// <summary>
    /// Reads the value the reader is on into <paramref name="value"/> when <paramref name="name"/> is one of the
    /// envelope's properties; otherwise reads nothing and returns <see langword="false"/>.
    /// </summary>
    public static bool TryRead(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, IGitHubEventEnvelope value)
    {
        switch (name.Length)
        {
            case 6 when name.SequenceEqual("sender"u8):
                value.Sender = GitHubUserJsonReader.Read(ref reader);
                return true;
            case 10 when name.SequenceEqual("repository"u8):
                value.Repository = GitHubRepositoryJsonReader.Read(ref reader);
                return true;
            case 12 when name.SequenceEqual("installation"u8):
                value.Installation = GitHubInstallationJsonReader.Read(ref reader);
                return true;
            case 12 when name.SequenceEqual("organization"u8):
                value.Organization = GitHubOrganizationJsonReader.Read(ref reader);
                return true;
            default:
                return false;
        }
    }
}
