using System.Reflection;
using System.Text.Json;
using WebhookKit.Internal;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>
/// Every built-in GitHub, GitLab and Stripe model, read by its library context (hand-written converter) and by the
/// generated contract without converters (<see cref="ReferenceJsonContext"/>): the same model from every example
/// payload of its provider and from every document <see cref="JsonMutations"/> makes of them, and a
/// <see cref="JsonException"/> with the same path, line and byte exactly where the reference throws one.
/// </summary>
public sealed class ModelEquivalenceTests
{
    private static string Payloads => Path.Combine(AppContext.BaseDirectory, "Payloads");

    public static TheoryData<string> Models => [.. BuiltInModel.All.Select(static model => model.Type.Name)];

    // Each model with each example payload of its provider (Payloads/{provider}/, Payloads/corpus/stripe/ for Stripe's one).
    public static TheoryData<string, string> ModelsAndExamples
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var model in BuiltInModel.All)
            {
                foreach (var path in Examples(model.Provider))
                {
                    data.Add(model.Type.Name, Path.GetRelativePath(Payloads, path));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Read_EveryPayloadOfTheProvider_ReadsAsTheReference(string modelName)
    {
        // Arrange: the examples and the whole corpus of the provider.
        var model = BuiltInModel.Named(modelName);
        var files = Examples(model.Provider)
            .Concat(Directory.EnumerateFiles(Path.Combine(Payloads, "corpus", model.Provider), "*.json", SearchOption.AllDirectories))
            .ToList();

        // Act
        var failures = files
            .Select(path => (path, difference: ModelOutcome.Difference(model, File.ReadAllBytes(path))))
            .Where(static outcome => outcome.difference is not null)
            .Select(outcome => $"{Path.GetRelativePath(Payloads, outcome.path)}: {outcome.difference}")
            .ToList();

        // Assert: equal, and most read (a payload of another event may not fit this model, either way).
        files.Count(path => !Throws(model, File.ReadAllBytes(path))).Should().BeGreaterThan(files.Count / 2);
        failures.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModelsAndExamples))]
    public void Read_MutatedPayload_ReadsOrThrowsAsTheReference(string modelName, string example)
    {
        // Arrange
        var model = BuiltInModel.Named(modelName);
        var documents = JsonMutations.Of(File.ReadAllBytes(Path.Combine(Payloads, example)), KnownNames(model.Provider)).ToList();

        // Act
        var failures = Differences(model, documents);

        // Assert: the mutations include documents both ways fail and documents both read.
        documents.Should().HaveCountGreaterThan(100);
        documents.Should().Contain(document => Throws(model, document.Json)).And.Contain(document => !Throws(model, document.Json));
        failures.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Read_TopLevelValueNotAModel_ReadsOrThrowsAsTheReference(string modelName)
    {
        // Arrange
        var model = BuiltInModel.Named(modelName);
        var documents = JsonMutations.TopLevel().ToList();

        // Act
        var failures = Differences(model, documents);

        // Assert
        failures.Should().BeEmpty();
        Throws(model, "[]"u8.ToArray()).Should().BeTrue();
        model.Read("null"u8.ToArray()).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Dispatch_BuiltInModel_ReadsThroughTheConverterAsTheReference(string modelName)
    {
        // Arrange: what WebhookPayloadBinding reads with; a converter makes the contract a value, not an object.
        var model = BuiltInModel.Named(modelName);
        var reader = Activator.CreateInstance(typeof(DeclaredPropertyReader<>).MakeGenericType(model.Type), model.Library)!;
        var deserialize = reader.GetType().GetMethod("Deserialize")!;
        var json = File.ReadAllBytes(Examples(model.Provider).First());

        // Act
        var viaDispatch = Invoke(deserialize, reader, json);

        // Assert
        model.Library.Kind.Should().Be(System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.None);
        ((bool)reader.GetType().GetProperty("StopsEarly")!.GetValue(reader)!).Should().BeFalse();
        ModelComparer.FirstDifference(model.ReadReference(json), viaDispatch).Should().BeNull();
    }

    private static object? Invoke(MethodInfo deserialize, object reader, byte[] json)
    {
        // Deserialize takes a ReadOnlySpan<byte>, which reflection cannot pass: go through a typed delegate.
        var method = typeof(ModelEquivalenceTests).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(deserialize.ReturnType);
        return method.Invoke(null, [reader, json]);
    }

    private static object? InvokeTyped<T>(object reader, byte[] json) => ((DeclaredPropertyReader<T>)reader).Deserialize(json);

    private static List<string> Differences(BuiltInModel model, IEnumerable<(string Description, byte[] Json)> documents) =>
        [.. documents
            .Select(document => (document.Description, difference: ModelOutcome.Difference(model, document.Json)))
            .Where(static outcome => outcome.difference is not null)
            .Take(20)
            .Select(static outcome => $"{outcome.Description}: {outcome.difference}")];

    private static bool Throws(BuiltInModel model, byte[] json)
    {
        try
        {
            model.Read(json);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static IEnumerable<string> Examples(string provider) => provider == "stripe"
        ? Directory.EnumerateFiles(Path.Combine(Payloads, "stripe"), "*.json")
            .Concat(new[] { "v1.plan_created.json", "v2.thin.error_report_triggered.json", "v2.thin.with_data.json" }
                .Select(file => Path.Combine(Payloads, "corpus", "stripe", file)))
        : Directory.EnumerateFiles(Path.Combine(Payloads, provider), "*.json").Order(StringComparer.Ordinal);

    // The JSON names of every property of the provider's models: the properties worth mutating.
    private static HashSet<string> KnownNames(string provider)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var model in BuiltInModel.All.Where(model => model.Provider == provider))
        {
            Visit(model.Type);
        }

        return names;

        void Visit(Type type)
        {
            if (!seen.Add(type) || type.Namespace?.StartsWith("WebhookKit", StringComparison.Ordinal) != true)
            {
                return;
            }

            foreach (var property in type.GetProperties().Where(static property => property.CanWrite))
            {
                names.Add(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
                var propertyType = property.PropertyType;
                Visit(propertyType.IsGenericType ? propertyType.GetGenericArguments()[0] : propertyType);
            }
        }
    }
}
