using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Shorthand for raising a typed refusal.</summary>
public static class Refuse
{
    public static GovernanceException With(GovernanceError error, string message) => new(error, message);

    public static void Unless(bool condition, GovernanceError error, string message)
    {
        if (!condition) throw new GovernanceException(error, message);
    }
}
