using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Blocktrack.Tests.Support;

/// <summary>
/// The Orleans serializer for ballots outside any silo, for tests that read or forge ballot-log rows themselves: one
/// ballot as a row of one holds it, and the rows' codec (<see cref="BallotRows"/>).
/// </summary>
public sealed class BallotSerializers : IDisposable
{
    private readonly ServiceProvider _services =
        new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(Ballot).Assembly)).BuildServiceProvider();

    public BallotSerializers()
    {
        One = _services.GetRequiredService<Serializer<Ballot>>();
        Rows = new BallotRows(One, _services.GetRequiredService<Serializer<Ballot[]>>());
    }

    public Serializer<Ballot> One { get; }

    public Serializer<Ballot[]> Many => _services.GetRequiredService<Serializer<Ballot[]>>();

    public BallotRows Rows { get; }

    public void Dispose() => _services.Dispose();
}
