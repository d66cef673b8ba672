using System.Diagnostics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;

namespace Blocktrack.Storage.Tests;

/// <summary>
/// What every profile's ballot log must do: append batches durably (a row each), read them back in order, never rewrite a
/// row, and still read the rows of one ballot each that builds before batch rows wrote.
/// </summary>
public abstract class BallotLogContract(StorageBackend backend, ITestOutputHelper output)
{
    private static string NewLog() => $"blocktrack/{Guid.NewGuid():N}/0";

    [Fact]
    public async Task Batches_read_back_in_append_order()
    {
        var log = NewLog();
        var batches = new[] { Samples.Ballots(0, 3), Samples.Ballots(3, 1), Samples.Ballots(4, 50) };
        foreach (var batch in batches) await backend.Ballots.AppendAsync(log, batch);
        await backend.Ballots.AppendAsync(NewLog(), Samples.Ballots(100, 5));

        Assert.Equal(batches.SelectMany(b => b), await backend.Ballots.ReadAsync(log));
    }

    [Fact]
    public async Task Unknown_log_reads_empty_and_empty_batches_are_no_ops()
    {
        var log = NewLog();
        Assert.Empty(await backend.Ballots.ReadAsync(log));
        await backend.Ballots.AppendAsync(log, []);
        Assert.Empty(await backend.Ballots.ReadAsync(log));
        Assert.Equal(0, await backend.Ballots.CountAsync(log));
    }

    [Fact]
    public async Task The_count_is_every_row_appended_to_that_log_only()
    {
        var (log, other) = (NewLog(), NewLog());
        await backend.Ballots.AppendAsync(log, Samples.Ballots(0, 7));
        await backend.Ballots.AppendAsync(other, Samples.Ballots(7, 2));
        await backend.Ballots.AppendAsync(log, Samples.Ballots(9, 5));
        Assert.Equal(12, await backend.Ballots.CountAsync(log));
        Assert.Equal(2, await backend.Ballots.CountAsync(other));
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_goes_in_one_call()
    {
        var log = NewLog();
        var ballots = Samples.Ballots(0, 10_000);
        var clock = Stopwatch.StartNew();
        await backend.Ballots.AppendAsync(log, ballots);
        var appended = clock.Elapsed;
        clock.Restart();
        var read = await backend.Ballots.ReadAsync(log);
        var readBack = clock.Elapsed;

        Assert.Equal(ballots, read);
        output.WriteLine($"{backend.Name}: 10,000 ballots in one batch appended in {appended.TotalMilliseconds:F0} ms, read back in {readBack.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Shards_appending_together_share_writes_and_each_log_keeps_its_order()
    {
        // 40 logs, each appending 15 batches one after another (as a shard does), all logs at once.
        var logs = Enumerable.Range(0, 40).Select(_ => NewLog()).ToArray();
        var batcher = ((BatchedBallotLog)backend.Ballots).Batcher;
        var writesBefore = batcher.Writes;
        await Task.WhenAll(logs.Select((log, l) => Task.Run(async () =>
        {
            for (var b = 0; b < 15; b++) await backend.Ballots.AppendAsync(log, Samples.Ballots(l * 1000 + b * 3, 3));
        })));
        var writes = batcher.Writes - writesBefore;

        foreach (var (log, l) in logs.Select((log, l) => (log, l)))
            Assert.Equal(Samples.Ballots(l * 1000, 45), await backend.Ballots.ReadAsync(log));
        // 600 appends, each log's 15 one after another: at least 15 writes, at most one per append. How many share a
        // write depends on timing (LogBatcherTests pins the sharing itself down with a gated writer).
        Assert.InRange(writes, 15, 600);
        output.WriteLine($"{backend.Name}: 600 appends of 40 logs in {writes} writes, the largest {batcher.LargestWrite} rows");
    }

    [Fact]
    public async Task Appending_never_rewrites_earlier_rows()
    {
        var log = NewLog();
        await backend.Ballots.AppendAsync(log, Samples.Ballots(0, 20));
        var before = await backend.RawBallotsAsync(log);
        await backend.Ballots.AppendAsync(log, Samples.Ballots(20, 20));
        await backend.Ballots.AppendAsync(log, Samples.Ballots(40, 1));
        var after = await backend.RawBallotsAsync(log);

        // A row per batch, holding its ballots.
        Assert.Equal([20, 20, 1], after.Select(r => r.Count));
        Assert.Equal(before.Select(r => r.Seq), after.Take(before.Count).Select(r => r.Seq));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Payload, pair.Second.Payload));
        Assert.True(after.Skip(before.Count).All(r => r.Seq > before[^1].Seq));
    }

    [Fact]
    public async Task Rows_of_one_ballot_written_before_rows_held_batches_read_with_the_batches_after_them()
    {
        var log = NewLog();
        var rows = Rows();
        var earlier = Samples.Ballots(0, 3);
        // As the builds before did: one ballot a row, no count named.
        foreach (var ballot in earlier) await backend.InsertRawBallotAsync(log, rows.Encode([ballot]), count: null);
        await backend.Ballots.AppendAsync(log, Samples.Ballots(3, 4));

        Assert.Equal([1, 1, 1, 4], (await backend.RawBallotsAsync(log)).Select(r => r.Count));
        Assert.Equal(Samples.Ballots(0, 7), await backend.Ballots.ReadAsync(log));
        Assert.Equal(7, await backend.Ballots.CountAsync(log));
    }

    [Fact]
    public async Task A_row_whose_count_disagrees_with_its_ballots_is_refused_when_read()
    {
        var log = NewLog();
        await backend.InsertRawBallotAsync(log, Rows().Encode(Samples.Ballots(0, 2)), count: 3);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => backend.Ballots.ReadAsync(log));
        Assert.Contains("holds 3 ballot(s) but decodes to 2", refused.Message);
    }

    [Fact]
    public async Task The_store_refuses_a_row_of_no_ballots()
    {
        var log = NewLog();
        var refused = await Record.ExceptionAsync(() => backend.InsertRawBallotAsync(log, Rows().Encode(Samples.Ballots(0, 1)), count: 0));

        Assert.NotNull(refused);
        Assert.Empty(await backend.RawBallotsAsync(log));
    }

    private BallotRows Rows() => new(
        backend.Services.GetRequiredService<Serializer<Ballot>>(), backend.Services.GetRequiredService<Serializer<Ballot[]>>());

    [Fact]
    public async Task The_store_itself_refuses_to_change_or_delete_a_ballot()
    {
        var log = NewLog();
        await backend.Ballots.AppendAsync(log, Samples.Ballots(0, 3));
        var before = await backend.RawBallotsAsync(log);

        var attempts = await backend.TamperWithBallotsAsync(log);

        Assert.All(attempts, attempt => Assert.Contains("append-only", attempt?.Message));
        Assert.Equal(before.Select(r => r.Payload), (await backend.RawBallotsAsync(log)).Select(r => r.Payload));
    }

    [Fact]
    public async Task Throughput_of_ten_thousand_ballots_in_batches_of_256()
    {
        var log = NewLog();
        var ballots = Samples.Ballots(0, 10_000);
        await backend.Ballots.AppendAsync(NewLog(), Samples.Ballots(0, 256)); // warm-up: serializer and statements
        var clock = Stopwatch.StartNew();
        foreach (var batch in ballots.Chunk(256)) await backend.Ballots.AppendAsync(log, batch);
        var elapsed = clock.Elapsed;

        Assert.Equal(ballots.Count, (await backend.Ballots.ReadAsync(log)).Count);
        output.WriteLine($"{backend.Name}: 10,000 ballots in {(ballots.Count + 255) / 256} batches of 256 appended in {elapsed.TotalMilliseconds:F0} ms " +
                         $"({ballots.Count / elapsed.TotalSeconds:N0} ballots/s, {elapsed.TotalMilliseconds / (ballots.Count / 256.0):F2} ms per batch)");
    }
}
