using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage;

/// <summary>
/// Lets database failures cross grain calls. Orleans only serializes exceptions from namespaces it was told about
/// (System, Microsoft, Orleans, …); an <c>NpgsqlException</c> thrown by a ballot-log append or a grain-state write would
/// otherwise turn into a codec error on the way back, and the Gateway could not tell "database down, retry" (503) from a bug.
/// </summary>
public static class StorageExceptions
{
    public const string NpgsqlNamespace = "Npgsql";

    /// <summary>For silos and clients of the cluster profile: both ends must know, the sender to write and the receiver to read.</summary>
    public static IServiceCollection AddStorageExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            if (!options.SupportedNamespacePrefixes.Contains(NpgsqlNamespace)) options.SupportedNamespacePrefixes.Add(NpgsqlNamespace);
        });
}
