using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubPullRequestBranch"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubPullRequestBranchJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubPullRequestBranch? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubPullRequestBranch ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubPullRequestBranch));
        var value = new GitHubPullRequestBranch();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("ref"u8):
                    value.Ref = ModelJson.String(ref reader);
                    break;
                case 3 when name.SequenceEqual("sha"u8):
                    value.Sha = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("repo"u8):
                    value.Repo = GitHubRepositoryJsonReader.Read(ref reader);
                    break;
                case 4 when name.SequenceEqual("user"u8):
                    value.User = GitHubUserJsonReader.Read(ref reader);
                    break;
                case 5 when name.SequenceEqual("label"u8):
                    value.Label = ModelJson.String(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
