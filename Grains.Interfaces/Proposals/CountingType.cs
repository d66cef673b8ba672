namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// How a proposal class counts ballots: <see cref="Basic"/> For/Against/Abstain, or one of Snapshot's counting types over
/// a proposal's choices. Persisted inside constitutions: numbers are fixed, new members go at the end.
/// </summary>
public enum CountingType
{
    Basic = 0,
    SingleChoice = 1,
    Approval = 2,
    Weighted = 3,
    Quadratic = 4,
    RankedChoice = 5,
}
