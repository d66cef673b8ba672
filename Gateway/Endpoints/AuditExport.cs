using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>The export formats: a JSON array of entries, or CSV (RFC 4180) with one row per entry.</summary>
public static class AuditExport
{
    public const string CsvHeader = "seq,at,actorKind,actor,act,subject,detail,traceId,cause,previousHash,hash";

    public static async Task Json(Stream stream, IAsyncEnumerable<IReadOnlyList<AuditEntry>> batches, JsonSerializerOptions options)
    {
        // Each batch is serialized into memory and written asynchronously: Kestrel refuses synchronous writes.
        var buffer = new ArrayBufferWriter<byte>();
        var first = true;
        await stream.WriteAsync("["u8.ToArray());
        await foreach (var batch in batches)
        {
            buffer.ResetWrittenCount();
            foreach (var entry in batch)
            {
                if (!first) buffer.Write(","u8);
                first = false;
                using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder });
                JsonSerializer.Serialize(writer, entry, options);
            }
            await stream.WriteAsync(buffer.WrittenMemory);
        }
        await stream.WriteAsync("]"u8.ToArray());
    }

    public static async Task Csv(Stream stream, IAsyncEnumerable<IReadOnlyList<AuditEntry>> batches)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader);
        await foreach (var batch in batches)
        {
            foreach (var e in batch) await writer.WriteLineAsync(Row(e));
            await writer.FlushAsync();
        }
    }

    public static string Row(AuditEntry e) => string.Join(',', new[]
    {
        e.Seq.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        JsonNamingPolicy.CamelCase.ConvertName(e.ActorKind.ToString()), e.Actor, e.Act, e.Subject, e.Detail, e.TraceId ?? "", e.Cause,
        e.PreviousHash, e.Hash,
    }.Select(Field));

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
