namespace WebhookKit.Tests.BuiltInModels;

/// <summary>
/// Tests that assert which string instance a model got from the table shared by every delivery (RecurringModelStrings)
/// run alone, after the parallel tests: another test reading models at the same time could take over a slot between
/// two reads and make a shared string a new one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedStringTableTests
{
    public const string Name = "Shared string table";
}
