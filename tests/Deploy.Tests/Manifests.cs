using System.Text.Json;

namespace Blocktrack.Deploy.Tests;

/// <summary>deploy/k8s rendered by kubectl's kustomize and validated offline by deploy/k8s/validate, as JSON objects.</summary>
public static class Manifests
{
    public static readonly string[] Overlays = ["dev", "prod"];

    public static string Root => RepoRoot.File("deploy", "k8s");

    private static string Validator => Path.Combine(Root, "validate");

    /// <summary>The overlay as kubectl renders it (YAML).</summary>
    public static async Task<string> Render(string overlay) =>
        (await Command.Run("kubectl", ["kustomize", Path.Combine(Root, "overlays", overlay)]))
        .Succeeded($"kubectl kustomize overlays/{overlay} (kubectl: Debian's kubernetes-client, see scripts/prerequisites.sh)")
        .Output;

    /// <summary>The validator's verdict on rendered YAML.</summary>
    public static Task<CommandResult> Validate(string yaml)
    {
        if (!Directory.Exists(Path.Combine(Validator, "node_modules")))
            Assert.Fail("deploy/k8s/validate/node_modules is missing: run `npm ci --prefix deploy/k8s/validate`.");
        return Command.Run("node", ["validate.mjs"], input: yaml, workingDirectory: Validator);
    }

    /// <summary>Every object of the overlay, rendered and validated.</summary>
    public static async Task<IReadOnlyList<JsonElement>> Objects(string overlay)
    {
        var validated = (await Validate(await Render(overlay))).Succeeded($"validation of overlays/{overlay}");
        return [.. JsonDocument.Parse(validated.Output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static JsonElement Single(this IReadOnlyList<JsonElement> objects, string kind, string name) =>
        objects.Single(o => o.GetProperty("kind").GetString() == kind && o.GetProperty("metadata").GetProperty("name").GetString() == name);

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) ? items.EnumerateArray() : [];

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static JsonElement At(this JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, p) => e.GetProperty(p));
}
