using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Orleans.Serialization;

namespace Blocktrack.Storage.Tests;

/// <summary>A ballot-log row's payload: one ballot as earlier builds wrote it, several as their array.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class BallotRowsTests : IDisposable
{
    private readonly BallotSerializers _serializers = new();

    private Serializer<Ballot> One => _serializers.One;

    private BallotRows Rows => _serializers.Rows;

    [Fact]
    public void A_row_of_one_ballot_is_byte_for_byte_what_earlier_builds_wrote_for_it()
    {
        var ballot = Samples.Ballot(7);
        Assert.Equal(One.SerializeToArray(ballot), Rows.Encode([ballot]));
        Assert.Equal([ballot], Rows.Decode("p/0", One.SerializeToArray(ballot), 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1024)]
    public void A_row_of_several_round_trips_in_order(int count)
    {
        var ballots = Samples.Ballots(0, count);
        Assert.Equal(ballots, Rows.Decode("p/0", Rows.Encode(ballots), count));
    }

    [Fact]
    public void A_reader_of_one_ballot_a_row_fails_on_a_batch_instead_of_misreading_it()
    {
        // What a silo of an earlier build does with a row written by this one (see STORAGE.md, "Upgrading").
        var batch = Rows.Encode(Samples.Ballots(0, 3));
        Assert.Equal(BallotRows.BatchMark, batch[0]);
        Assert.Throws<UnsupportedWireTypeException>(() => One.Deserialize(batch));
        // Without the mark it would have read the array as an empty ballot.
        Assert.Equal("", One.Deserialize(batch[1..])!.Voter);
    }

    [Theory]
    [InlineData(3, 1, "but is a row of several")]
    [InlineData(3, 4, "but decodes to 3")]
    [InlineData(3, 0, "but is a row of several")]
    [InlineData(1, 2, "but is a row of one")]
    public void A_count_the_payload_does_not_hold_is_refused(int held, int count, string why)
    {
        var refused = Assert.Throws<InvalidDataException>(() => Rows.Decode("p/0", Rows.Encode(Samples.Ballots(0, held)), count));
        Assert.Contains($"'p/0' says it holds {count} ballot(s) {why}", refused.Message);
    }

    [Fact]
    public void A_damaged_batch_is_refused_as_invalid_data()
    {
        var batch = Rows.Encode(Samples.Ballots(0, 3));
        var refused = Assert.Throws<InvalidDataException>(() => Rows.Decode("p/0", batch[..(batch.Length / 2)], 3));
        Assert.Contains("says it holds 3 ballot(s) but does not decode", refused.Message);
    }

    [Fact]
    public void A_row_of_no_ballots_is_not_written() =>
        Assert.Throws<ArgumentException>(() => Rows.Encode([]));

    public void Dispose() => _serializers.Dispose();
}
