using System.Globalization;

namespace WebhookKit.Sample.Demo;

/// <summary>Small, real-shaped payloads for the demo (providers send many more fields; the models ignore them).</summary>
public static class DemoPayloads
{
    public const string GitHubPush = """
        {
          "ref": "refs/heads/main",
          "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
          "after": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
          "created": false,
          "deleted": false,
          "forced": false,
          "base_ref": null,
          "compare": "https://github.com/octo-org/hello-world/compare/6113728f27ae...0d1a26e67d8f",
          "commits": [
            {
              "id": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
              "tree_id": "f9d2a07e9488b91af2641b26b9407fe22a451433",
              "distinct": true,
              "message": "Update README.md",
              "timestamp": "2026-01-15T10:42:07+01:00",
              "url": "https://github.com/octo-org/hello-world/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
              "author": { "name": "Mona Lisa Octocat", "email": "mona@example.com", "username": "monalisa" },
              "committer": { "name": "GitHub", "email": "noreply@github.com", "username": "web-flow" },
              "added": [],
              "removed": [],
              "modified": ["README.md"]
            }
          ],
          "head_commit": {
            "id": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
            "tree_id": "f9d2a07e9488b91af2641b26b9407fe22a451433",
            "distinct": true,
            "message": "Update README.md",
            "timestamp": "2026-01-15T10:42:07+01:00",
            "url": "https://github.com/octo-org/hello-world/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
            "author": { "name": "Mona Lisa Octocat", "email": "mona@example.com", "username": "monalisa" },
            "committer": { "name": "GitHub", "email": "noreply@github.com", "username": "web-flow" },
            "added": [],
            "removed": [],
            "modified": ["README.md"]
          },
          "repository": {
            "id": 1296269,
            "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
            "name": "hello-world",
            "full_name": "octo-org/hello-world",
            "private": false,
            "owner": { "login": "octo-org", "id": 6811672, "type": "Organization" },
            "html_url": "https://github.com/octo-org/hello-world",
            "fork": false,
            "default_branch": "main",
            "created_at": 1736935200,
            "pushed_at": 1768470127
          },
          "pusher": { "name": "monalisa", "email": "mona@example.com" },
          "sender": { "login": "monalisa", "id": 583231, "type": "User" }
        }
        """;

    public const string GitHubPing = """
        {
          "zen": "Design for failure.",
          "hook_id": 109948940,
          "hook": {
            "type": "Repository",
            "id": 109948940,
            "name": "web",
            "active": true,
            "events": ["push", "ping"],
            "config": { "content_type": "json", "insecure_ssl": "0", "url": "https://example.ngrok.app/webhooks/github" }
          },
          "repository": { "id": 1296269, "name": "hello-world", "full_name": "octo-org/hello-world", "private": false },
          "sender": { "login": "monalisa", "id": 583231, "type": "User" }
        }
        """;

    /// <summary>An event type the sample has no handler for (it is acknowledged with 200 and not queued).</summary>
    public const string GitHubSponsorship = """
        {
          "action": "created",
          "sponsorship": { "node_id": "MDExOlNwb25zb3JzaGlw", "privacy_level": "public", "tier": { "name": "$5 a month" } },
          "sender": { "login": "monalisa", "id": 583231, "type": "User" }
        }
        """;

    public const string GitLabPush = """
        {
          "object_kind": "push",
          "event_name": "push",
          "before": "95790bf891e76fee5e1747ab589903a6a1f80f22",
          "after": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          "ref": "refs/heads/main",
          "checkout_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          "user_id": 4,
          "user_name": "John Smith",
          "user_username": "jsmith",
          "project_id": 15,
          "project": {
            "id": 15,
            "name": "Diaspora",
            "web_url": "https://gitlab.example.com/mike/diaspora",
            "namespace": "Mike",
            "path_with_namespace": "mike/diaspora",
            "default_branch": "main"
          },
          "commits": [
            {
              "id": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
              "message": "fixed readme",
              "timestamp": "2026-01-15T10:42:07+01:00",
              "url": "https://gitlab.example.com/mike/diaspora/-/commit/da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
              "author": { "name": "John Smith", "email": "jsmith@example.com" },
              "added": [],
              "modified": ["README.md"],
              "removed": []
            }
          ],
          "total_commits_count": 1
        }
        """;

    /// <summary>A Stripe <c>customer.updated</c> event; Stripe puts the event id and type in the body.</summary>
    public static string StripeCustomerUpdated(string eventId, long created) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "id": "{{eventId}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{created}},
          "data": {
            "object": {
              "id": "cus_DjL8lObxrWj04W",
              "object": "customer",
              "created": 1538742657,
              "description": "Test customer",
              "email": null,
              "livemode": false,
              "metadata": { "plan": "team" }
            },
            "previous_attributes": { "metadata": { "plan": "starter" } }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_8XKqXoDbHtPgO5", "idempotency_key": null },
          "type": "customer.updated"
        }
        """);
}
