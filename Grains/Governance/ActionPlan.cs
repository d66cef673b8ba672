using System.Collections.Immutable;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>The result of planning a proposal's actions: the DAO's new ledger and the effects on other grains.</summary>
public sealed record ActionPlan(DaoLedger Ledger, ImmutableArray<DaoEffect> Effects);
