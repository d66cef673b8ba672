namespace Blocktrack.Storage.Tests;

/// <summary>What every profile's reminder table must do: upsert with a new etag each time, read by grain, one, and ring range, remove only with the current etag.</summary>
public abstract class ReminderTableContract(StorageBackend backend)
{
    // Far enough ahead that the silo's own reminder service never tries to fire these test entries.
    private static readonly DateTime Start = DateTime.UtcNow.Date.AddYears(1);

    private IReminderTable Table => backend.Reminders;

    private static ReminderEntry Entry(GrainId grain, string name, int hours = 24) => new()
    {
        GrainId = grain, ReminderName = name, StartAt = Start, Period = TimeSpan.FromHours(hours),
    };

    [Fact]
    public async Task Upsert_then_read_by_grain_and_by_name()
    {
        var grain = Samples.NewGrainId();
        var deadline = await Table.UpsertRow(Entry(grain, "deadline"));
        await Table.UpsertRow(Entry(grain, "execute", hours: 48));
        await Table.UpsertRow(Entry(Samples.NewGrainId(), "deadline"));

        var rows = await Table.ReadRows(grain);
        Assert.Equal(["deadline", "execute"], rows.Reminders.Select(r => r.ReminderName).Order());

        var one = await Table.ReadRow(grain, "deadline");
        Assert.NotNull(one);
        Assert.Equal(grain, one.GrainId);
        Assert.Equal(Start, one.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(24), one.Period);
        Assert.Equal(deadline, one.ETag);

        Assert.Null(await Table.ReadRow(grain, "missing"));
        Assert.Empty((await Table.ReadRows(Samples.NewGrainId())).Reminders);
    }

    [Fact]
    public async Task Upsert_replaces_the_entry_and_its_etag()
    {
        var grain = Samples.NewGrainId();
        var first = await Table.UpsertRow(Entry(grain, "deadline"));
        var second = await Table.UpsertRow(Entry(grain, "deadline", hours: 1));

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        var row = await Table.ReadRow(grain, "deadline");
        Assert.Equal(TimeSpan.FromHours(1), row!.Period);
        Assert.Equal(second, row.ETag);
        Assert.Single((await Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Remove_needs_the_current_etag()
    {
        var grain = Samples.NewGrainId();
        var stale = await Table.UpsertRow(Entry(grain, "deadline"));
        var current = await Table.UpsertRow(Entry(grain, "deadline"));

        Assert.False(await Table.RemoveRow(grain, "deadline", stale!));
        Assert.NotNull(await Table.ReadRow(grain, "deadline"));
        Assert.False(await Table.RemoveRow(grain, "missing", current!));

        Assert.True(await Table.RemoveRow(grain, "deadline", current!));
        Assert.Null(await Table.ReadRow(grain, "deadline"));
        Assert.False(await Table.RemoveRow(grain, "deadline", current!));
    }

    [Theory]
    [InlineData(0x4000_0000u, 0xC000_0000u)] // plain range
    [InlineData(0x1000_0000u, 0x9000_0000u)] // plain, but crosses 2^31 (where signed hashes turn negative)
    [InlineData(0xC000_0000u, 0x4000_0000u)] // wraps around the end of the ring
    [InlineData(0xF000_0000u, 0x0000_0000u)] // wraps, ending exactly at 0
    public async Task Range_reads_return_exactly_the_grains_hashed_into_the_range(uint begin, uint end)
    {
        var name = $"range-{Guid.NewGuid():N}";
        // Random ids, but at least 4 inside and 4 outside the range: a sixteenth of the ring missed 48 ids 4.5% of the time.
        var grains = new List<GrainId>();
        while (grains.Count < 48 || Math.Min(Inside(), grains.Count - Inside()) < 4) grains.Add(Samples.NewGrainId());
        int Inside() => grains.Count(g => InRing(g.GetUniformHashCode(), begin, end));
        foreach (var grain in grains) await Table.UpsertRow(Entry(grain, name));

        var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).ToHashSet();
        var actual = (await Table.ReadRows(begin, end)).Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId).ToList();

        Assert.NotEmpty(expected);
        Assert.NotEqual(grains.Count, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Subset(expected, actual.ToHashSet());
    }

    [Fact]
    public async Task A_range_from_a_point_to_itself_is_the_whole_ring()
    {
        var name = $"ring-{Guid.NewGuid():N}";
        var grains = Enumerable.Range(0, 8).Select(_ => Samples.NewGrainId()).ToList();
        foreach (var grain in grains) await Table.UpsertRow(Entry(grain, name));

        var all = (await Table.ReadRows(0x1234_5678u, 0x1234_5678u)).Reminders.Where(r => r.ReminderName == name);
        Assert.Equal(grains.Count, all.Count());
    }

    /// <summary>Orleans' ring range (begin, end], wrapping past 2^32 - 1 when begin ≥ end.</summary>
    private static bool InRing(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
