using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One grant of a program, keyed <c>{dao}/programs/{n}/grants/{m}</c>: the application, the committee's reviews, the
/// milestones with their evidence and tranches, and a history of every change. Committee membership is asked of the DAO
/// at each review.
/// </summary>
[Alias("bt.IGrantGrain")]
public interface IGrantGrain : IGrainWithStringKey
{
    /// <summary>Records the application; called by the program. Idempotent.</summary>
    [Alias("Create")] Task<GrantInfo> Create(GrantProgramTerms terms, GrantApplication application);

    [AlwaysInterleave, Alias("GetInfo")] Task<GrantInfo> GetInfo();

    /// <summary>A committee member's signed decision on the application (approve / reject) or the grant (cancel).</summary>
    [Alias("Review")] Task<GrantInfo> Review(string reviewer, GrantDecision decision, string reason, string digest);

    /// <summary>The grantee submits milestone <paramref name="milestone"/> with its evidence (a URL and a 32-byte hash).</summary>
    [Alias("Submit")] Task<GrantInfo> Submit(string grantee, int milestone, string evidenceUrl, string evidenceHash, string digest);

    /// <summary>A committee member approves or rejects a submitted milestone; enough approvals pay its tranche.</summary>
    [Alias("ReviewMilestone")]
    Task<GrantInfo> ReviewMilestone(string reviewer, int milestone, bool approved, string reason, string digest);

    /// <summary>
    /// Takes the decisions of executed proposals of the program's DAO (its <c>decideGrant</c> actions) that the DAO holds
    /// for this grant: each taken at once, whatever the committee's count, and once. The DAO calls it one-way.
    /// </summary>
    [OneWay, Alias("Wake")] Task Wake();

    /// <summary>Takes pending decisions and records milestones that fell due unpaid (a reminder does this by itself).</summary>
    [Alias("Tick")] Task<GrantInfo> Tick();
}
