namespace WebhookKit.Dashboard.Internal;

/// <summary>Registered by <c>AddDashboard()</c>, so that mapping without it fails at startup with a message saying so.</summary>
internal sealed class DashboardMarker;
