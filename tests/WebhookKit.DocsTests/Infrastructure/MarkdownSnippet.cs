namespace WebhookKit.DocsTests.Infrastructure;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence, 1-based.</param>
/// <param name="Language">The fence's first word: <c>csharp</c>, <c>json</c>, <c>xml</c>, <c>bash</c>.</param>
/// <param name="Kind">The fence's second word, if any: <c>fragment</c> or <c>excerpt</c> (see docs/architecture.md, "Documentation is tested").</param>
/// <param name="Heading">The nearest heading above the block.</param>
/// <param name="Code">The block's text.</param>
internal sealed record MarkdownSnippet(string File, int Line, string Language, string Kind, string Heading, string Code)
{
    /// <summary>Gets where the block is, as <c>file:line</c>, for messages and test names.</summary>
    public string Location => $"{File}:{Line}";

    public override string ToString() => Location;
}
