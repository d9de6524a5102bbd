namespace WebhookKit.Dashboard;

/// <summary>Options of the WebhookKit dashboard (<c>MapWebhookDashboard</c>).</summary>
public sealed class WebhookDashboardOptions
{
    /// <summary>
    /// Gets or sets whether the dashboard only shows: no replay, no delete. The state-changing endpoints are then not
    /// mapped at all, and the page shows no buttons. Default <see langword="false"/>.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// Gets or sets whether the dashboard is served outside Development without an authorization policy attached
    /// (<c>MapWebhookDashboard(…).RequireAuthorization(…)</c>). Default <see langword="false"/>: outside Development an
    /// unprotected dashboard answers 403 to everyone. Set it only when something in front of the app (a VPN, an
    /// authenticating proxy) already decides who may see it.
    /// </summary>
    public bool AllowWithoutAuthorization { get; set; }

    /// <summary>Gets or sets the title shown in the page's header. Default <c>Webhooks</c>.</summary>
    public string Title { get; set; } = "Webhooks";

    /// <summary>Gets or sets how many deliveries a list returns at most (page size). Default 100; 1 to 1000.</summary>
    public int PageSize { get; set; } = 100;
}
