using Microsoft.Playwright;

namespace WebhookKit.Dashboard.Tests.Infrastructure;

/// <summary>A browser tab on the dashboard that records console errors, page errors and CSP violations.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => Record("page error: " + error);
    }

    public IPage Page { get; }

    /// <summary>Gets every console error, uncaught exception and Content-Security-Policy violation so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page);
        await page.ExposeFunctionAsync("reportCspViolation", (string violation) => dashboard.Record("csp: " + violation));
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) => window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
            """);
        await page.GotoAsync(url);
        return dashboard;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
