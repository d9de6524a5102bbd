namespace WebhookKit.GitHub;

/// <summary>
/// The envelope every GitHub event payload has, so that one reader reads it for every event model
/// (<see cref="GitHubEventEnvelopeJsonReader"/>). Internal: it adds nothing to the models' public API.
/// </summary>
internal interface IGitHubEventEnvelope
{
    GitHubUser? Sender { get; set; }

    GitHubRepository? Repository { get; set; }

    GitHubInstallation? Installation { get; set; }

    GitHubOrganization? Organization { get; set; }
}
